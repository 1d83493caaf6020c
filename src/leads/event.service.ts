// Storing event batches: validated, resolved to leads, stored whole or not at
// all, idempotent per (lead, idempotencyKey), and the leads' last activity kept current.

import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import type { EventFields } from './lead.model';
import { checkBatchSize, validateEvents } from './lead.validation';
import { isUuid } from '../db/uuid';
import { afterEventsStored } from './leadActivity';


/** What the scoring side reports back after the events of a batch are stored. */
export interface EventsStoredOutcome<TCrossing> {
  readonly rescoredLeads: number;
  readonly thresholdEvents: readonly TCrossing[];
}

export interface TrackEventsResult<TCrossing> extends EventsStoredOutcome<TCrossing> {
  /** Events stored by this call. */
  readonly accepted: number;
  /** Events skipped because their (lead, idempotencyKey) was already stored. */
  readonly duplicates: number;
}

export interface EventServiceOptions<TCrossing> {
  readonly maxBatchSize: number;
  /** The clock (epoch ms); tests may fix it. Default Date.now. */
  readonly now?: () => number;
  /**
   * Called inside the batch's transaction with the leads that got new events;
   * scoring rescored them there, so events and scores commit together.
   */
  readonly onEventsStored?: (tx: EntityManager, workspaceId: string, leadIds: readonly string[]) => Promise<EventsStoredOutcome<TCrossing>>;
}

const INSERT_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb)
      AS r(lead_id uuid, type text, occurred_at timestamptz, properties jsonb, idempotency_key text)
  ), stored AS (
    INSERT INTO events (workspace_id, lead_id, type, occurred_at, properties, idempotency_key)
    SELECT $1, lead_id, type, occurred_at, properties, idempotency_key FROM input
    ON CONFLICT (workspace_id, lead_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING lead_id, occurred_at
  ), ${afterEventsStored('$3')}`;

export class EventService<TCrossing = never> {
  private readonly now: () => number;

  constructor(
    private readonly db: DataSource,
    private readonly options: EventServiceOptions<TCrossing>,
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Stores a batch of events. Each names its lead by id, external id or email
   * (when several are given they must name the same lead). Refuses the whole
   * batch with a coded AppError naming the item on any problem.
   */
  async trackEvents(workspaceId: string, inputs: readonly EventFields[]): Promise<TrackEventsResult<TCrossing>> {
    checkBatchSize('event', inputs.length, this.options.maxBatchSize);
    const now = this.now();
    validateEvents(inputs, now);
    if (inputs.length === 0) return { accepted: 0, duplicates: 0, rescoredLeads: 0, thresholdEvents: [] };
    return this.db.transaction(async (tx) => {
      const leadIds = await this.resolveLeads(tx, workspaceId, inputs);
      const rows = inputs.map((input, index) => ({
        lead_id: leadIds[index],
        type: input.type,
        occurred_at: new Date(input.occurredAt?.getTime() ?? now).toISOString(),
        properties: input.properties ?? {},
        idempotency_key: input.idempotencyKey ?? null,
      }));
      const [{ accepted, leadIds: touched }]: { accepted: number; leadIds: string[] }[] = await tx.query(INSERT_SQL, [
        workspaceId,
        JSON.stringify(rows),
        // The batch's leads again, as an array: the planner cannot size the CTE and would scan lead_activity whole.
        [...new Set(leadIds)],
      ]);
      const outcome = touched.length && this.options.onEventsStored
        ? await this.options.onEventsStored(tx, workspaceId, touched)
        : { rescoredLeads: 0, thresholdEvents: [] };
      return { accepted, duplicates: inputs.length - accepted, ...outcome };
    });
  }

  /** The lead id of every input, in order; UNKNOWN_LEAD names the first input that names no lead. */
  private async resolveLeads(tx: EntityManager, workspaceId: string, inputs: readonly EventFields[]): Promise<string[]> {
    const ids = [...new Set(inputs.map((i) => i.leadId).filter((v): v is string => !!v && isUuid(v)))];
    const externalIds = [...new Set(inputs.map((i) => i.leadExternalId).filter((v): v is string => !!v))];
    const emails = [...new Set(inputs.map((i) => i.leadEmail?.trim().toLowerCase()).filter((v): v is string => !!v))];
    // One lookup per identity, each served by its own index (a BitmapOr: no
    // scan of the workspace, whatever the statistics say of its size), and the
    // leads locked in id order: concurrent batches on the same leads queue
    // instead of deadlocking, and rescoring then reads what the previous batch committed.
    const rows: { id: string; externalId: string | null; email: string | null }[] = await tx.query(
      `SELECT id, external_id AS "externalId", lower(email) AS email FROM leads
       WHERE workspace_id = $1 AND (id = ANY($2::uuid[]) OR external_id = ANY($3::text[]) OR lower(email) = ANY($4::text[]))
       ORDER BY id FOR UPDATE`,
      [workspaceId, ids, externalIds, emails],
    );
    const byId = new Set(rows.map((r) => r.id));
    const byExternal = new Map(rows.filter((r) => r.externalId).map((r) => [r.externalId!, r.id]));
    const byEmail = new Map(rows.filter((r) => r.email).map((r) => [r.email!, r.id]));
    return inputs.map((input, index) => {
      const named: [string, string | undefined][] = [];
      if (input.leadId) named.push([`leadId "${input.leadId}"`, byId.has(input.leadId.toLowerCase()) ? input.leadId.toLowerCase() : undefined]);
      if (input.leadExternalId) named.push([`leadExternalId "${input.leadExternalId}"`, byExternal.get(input.leadExternalId)]);
      if (input.leadEmail) named.push([`leadEmail "${input.leadEmail}"`, byEmail.get(input.leadEmail.trim().toLowerCase())]);
      const missing = named.find(([, id]) => !id);
      if (missing) {
        throw new AppError(ErrorCode.UNKNOWN_LEAD, `Event ${index}: no lead with ${missing[0]} in this workspace`, { index });
      }
      const found = new Set(named.map(([, id]) => id));
      if (found.size > 1) {
        throw new AppError(ErrorCode.UNKNOWN_LEAD, `Event ${index}: ${named.map(([n]) => n).join(', ')} name different leads`, { index });
      }
      return named[0][1]!;
    });
  }
}
