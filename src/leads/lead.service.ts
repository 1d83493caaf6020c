// Creating and updating leads in batches: validated first, stored whole or not at all.

import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import { isUniqueViolation } from '../db/pgErrors';
import { LEAD_COLUMNS, LEAD_INPUT_COLUMNS, presentLeadFields, type LeadFields, type LeadRecord } from './lead.model';
import { checkBatchSize, validateLeads } from './lead.validation';

const COLUMNS = LEAD_INPUT_COLUMNS;

const UPDATE_SQL = `
  UPDATE leads AS l SET
    ${COLUMNS.map(([f, c, t]) => `${c} = CASE WHEN r.v ? '${f}' THEN (r.v->>'${f}')::${t} ELSE l.${c} END`).join(',\n    ')},
    attributes = CASE WHEN r.v ? 'attributes' THEN jsonb_strip_nulls(l.attributes || coalesce(r.v->'attributes', '{}'::jsonb)) ELSE l.attributes END,
    created_at = coalesce((r.v->>'createdAt')::timestamptz, l.created_at),
    updated_at = now()
  FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, v jsonb)
  WHERE l.workspace_id = $1 AND l.id = r.id
  RETURNING ${LEAD_COLUMNS}`;

const INSERT_SQL = `
  INSERT INTO leads AS l (workspace_id, id, ${COLUMNS.map(([, c]) => c).join(', ')}, attributes, created_at)
  SELECT $1, r.id, ${COLUMNS.map(([f, , t]) => `(r.v->>'${f}')::${t}`).join(', ')},
    jsonb_strip_nulls(coalesce(r.v->'attributes', '{}'::jsonb)),
    coalesce((r.v->>'createdAt')::timestamptz, date_trunc('milliseconds', now()))
  FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, v jsonb)
  RETURNING ${LEAD_COLUMNS}`;

export interface LeadServiceOptions {
  /** Largest batch accepted. */
  readonly maxBatchSize: number;
  /** Called inside the transaction with the ids of created or changed leads (scoring hooks in here). */
  readonly onLeadsChanged?: (tx: EntityManager, workspaceId: string, leadIds: readonly string[]) => Promise<void>;
}

export class LeadService {
  constructor(
    private readonly db: DataSource,
    private readonly options: LeadServiceOptions,
  ) {}

  /**
   * Creates or updates each lead, matched by externalId when given, else by
   * email (case-insensitively). A lead found by email with no externalId takes
   * the given one. Fields left out are kept; attributes are merged key by key
   * (a key set to null is removed). Returns the stored leads in input order.
   * Refuses the whole batch (INVALID_LEAD, BATCH_TOO_LARGE, CONFLICT) on any problem.
   */
  async upsertLeads(workspaceId: string, inputs: readonly LeadFields[]): Promise<LeadRecord[]> {
    checkBatchSize('lead', inputs.length, this.options.maxBatchSize);
    validateLeads(inputs);
    if (inputs.length === 0) return [];
    try {
      return await this.db.transaction(async (tx) => {
        const targets = await this.resolveTargets(tx, workspaceId, inputs);
        const updates: { id: string; v: Record<string, unknown> }[] = [];
        const inserts: { id: string; v: Record<string, unknown> }[] = [];
        const idInOrder = inputs.map((input, index) => {
          const row = { id: targets[index] ?? randomUUID(), v: presentLeadFields(input) };
          (targets[index] ? updates : inserts).push(row);
          return row.id;
        });
        const stored: LeadRecord[] = [];
        if (updates.length) stored.push(...(await tx.query(UPDATE_SQL, [workspaceId, JSON.stringify(updates)]))[0]);
        if (inserts.length) stored.push(...(await tx.query(INSERT_SQL, [workspaceId, JSON.stringify(inserts)])));
        const byId = new Map(stored.map((lead) => [lead.id, lead]));
        await this.options.onLeadsChanged?.(tx, workspaceId, idInOrder);
        return idInOrder.map((id) => byId.get(id)!);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          ErrorCode.INVALID_LEAD,
          'An email or externalId in this batch already belongs to another lead (or was just created by a concurrent request).',
        );
      }
      throw error;
    }
  }

  /** For each input, the id of the lead it updates, or null for a new lead. */
  private async resolveTargets(tx: EntityManager, workspaceId: string, inputs: readonly LeadFields[]): Promise<(string | null)[]> {
    const externalIds = inputs.map((i) => i.externalId?.trim()).filter((v): v is string => !!v);
    const emails = inputs.map((i) => i.email?.trim().toLowerCase()).filter((v): v is string => !!v);
    const rows: { id: string; externalId: string | null; email: string | null }[] = await tx.query(
      `SELECT id, external_id AS "externalId", lower(email) AS email FROM leads
       WHERE workspace_id = $1 AND (external_id = ANY($2::text[]) OR lower(email) = ANY($3::text[]))
       FOR UPDATE`,
      [workspaceId, externalIds, emails],
    );
    const byExternal = new Map(rows.filter((r) => r.externalId).map((r) => [r.externalId!, r]));
    const byEmail = new Map(rows.filter((r) => r.email).map((r) => [r.email!, r]));
    return inputs.map((input, index) => {
      const externalId = input.externalId?.trim();
      const email = input.email?.trim().toLowerCase();
      const found = externalId ? byExternal.get(externalId) : undefined;
      if (found) return found.id;
      const sameEmail = email ? byEmail.get(email) : undefined;
      if (!sameEmail) return null;
      if (externalId && sameEmail.externalId && sameEmail.externalId !== externalId) {
        throw new AppError(
          ErrorCode.INVALID_LEAD,
          `Lead ${index}: email "${input.email}" belongs to the lead with externalId "${sameEmail.externalId}", not "${externalId}"`,
          { index, field: 'email' },
        );
      }
      return sameEmail.id;
    });
  }
}

