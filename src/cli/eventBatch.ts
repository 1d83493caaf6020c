// Writes one batch of validated event rows, inside the caller's transaction:
// COPY into a temporary staging table, resolve each row's lead (by id,
// external id or email; when several are given they must name the same lead,
// as trackEvents requires), set aside rows naming no lead, then insert the
// rest (idempotent per (lead, idempotencyKey)) and move the leads' last activity.

import type { PoolClient } from 'pg';
import type { EventFields } from '../leads/lead.model';
import { afterEventsStored } from '../leads/leadActivity';
import { copyLine, copyRows } from './copy';
import type { Rejection, StagedRow } from './batch';
import { isUuid } from '../db/uuid';

const STAGE = 'leadscore_import_events';

const SETUP = `CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (
  line int PRIMARY KEY, lead_id uuid, ext text, email_key text, type text NOT NULL, occurred_at timestamptz NOT NULL,
  properties jsonb NOT NULL, idempotency_key text, by_id uuid, by_ext uuid, by_email uuid
) ON COMMIT DELETE ROWS`;

// Each join to leads also names the batch's keys as an array parameter ($2), so
// the planner looks leads up by index even when its statistics lag behind a
// workspace that is filling up (it would otherwise scan the workspace per row).
const RESOLVE = [
  `UPDATE ${STAGE} s SET by_id = l.id FROM leads l
   WHERE s.lead_id IS NOT NULL AND l.workspace_id = $1 AND l.id = ANY($2::uuid[]) AND l.id = s.lead_id`,
  `UPDATE ${STAGE} s SET by_ext = l.id FROM leads l
   WHERE s.ext IS NOT NULL AND l.workspace_id = $1 AND l.external_id = ANY($2::text[]) AND l.external_id = s.ext`,
  `UPDATE ${STAGE} s SET by_email = l.id FROM leads l
   WHERE s.email_key IS NOT NULL AND l.workspace_id = $1 AND l.email IS NOT NULL AND lower(l.email) = ANY($2::text[]) AND lower(l.email) = s.email_key`,
];

const REFUSALS = [
  `DELETE FROM ${STAGE} s
   WHERE (s.lead_id IS NOT NULL AND s.by_id IS NULL) OR (s.ext IS NOT NULL AND s.by_ext IS NULL) OR (s.email_key IS NOT NULL AND s.by_email IS NULL)
   RETURNING s.line, 'UNKNOWN_LEAD: no lead with ' || CASE
     WHEN s.lead_id IS NOT NULL AND s.by_id IS NULL THEN format('leadId "%s"', s.lead_id)
     WHEN s.ext IS NOT NULL AND s.by_ext IS NULL THEN format('leadExternalId "%s"', s.ext)
     ELSE format('leadEmail "%s"', s.email_key) END || ' in this workspace' AS reason`,
  `DELETE FROM ${STAGE} s
   WHERE (SELECT count(DISTINCT x) FROM unnest(ARRAY[s.by_id, s.by_ext, s.by_email]) AS x) > 1
   RETURNING s.line, 'UNKNOWN_LEAD: leadId, leadExternalId and leadEmail name different leads' AS reason`,
];

const RESOLVED = `SELECT DISTINCT coalesce(by_id, by_ext, by_email) AS id FROM ${STAGE}`;

const LOCK = `SELECT 1 FROM leads WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`;

const INSERT = `WITH stored AS (
    INSERT INTO events (workspace_id, lead_id, type, occurred_at, properties, idempotency_key)
    SELECT $1, coalesce(s.by_id, s.by_ext, s.by_email), s.type, s.occurred_at, s.properties, s.idempotency_key
    FROM ${STAGE} s ORDER BY s.line
    ON CONFLICT (workspace_id, lead_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING lead_id, occurred_at
  ), ${afterEventsStored('$2')}`;


/**
 * Stores the rows; returns the refused rows, how many events were new (the
 * rest repeated a stored (lead, idempotencyKey)) and the leads that got events.
 * `now` (epoch ms) is the time of events given without occurredAt. Never commits.
 */
export async function writeEventBatch(
  client: PoolClient,
  workspaceId: string,
  rows: readonly StagedRow<EventFields>[],
  now: number,
): Promise<{ rejected: Rejection[]; accepted: number; leadIds: string[] }> {
  const rejected: Rejection[] = [];
  const valid = rows.filter(({ line, fields }) => {
    // The API treats a leadId that is not a UUID as naming no lead.
    if (fields.leadId && !isUuid(fields.leadId)) rejected.push({ line, reason: `UNKNOWN_LEAD: no lead with leadId "${fields.leadId}" in this workspace` });
    return !fields.leadId || isUuid(fields.leadId);
  });
  await client.query(SETUP);
  await copyRows(
    client,
    `COPY ${STAGE} (line, lead_id, ext, email_key, type, occurred_at, properties, idempotency_key) FROM STDIN`,
    valid.map(({ line, fields }) =>
      copyLine([
        line,
        fields.leadId || null,
        fields.leadExternalId || null,
        fields.leadEmail?.trim().toLowerCase() || null,
        fields.type,
        new Date(fields.occurredAt?.getTime() ?? now).toISOString(),
        JSON.stringify(fields.properties ?? {}),
        fields.idempotencyKey ?? null,
      ]),
    ),
  );
  await client.query(`ANALYZE ${STAGE}`);
  const keys = [
    valid.map((r) => r.fields.leadId).filter((v): v is string => !!v),
    valid.map((r) => r.fields.leadExternalId).filter((v): v is string => !!v),
    valid.map((r) => r.fields.leadEmail?.trim().toLowerCase()).filter((v): v is string => !!v),
  ];
  for (const [i, statement] of RESOLVE.entries()) if (keys[i].length) await client.query(statement, [workspaceId, keys[i]]);
  for (const refusal of REFUSALS) rejected.push(...(await client.query<Rejection>(refusal)).rows);
  const leadIds = (await client.query<{ id: string }>(RESOLVED)).rows.map((r) => r.id);
  if (!leadIds.length) return { rejected, accepted: 0, leadIds: [] };
  // Lock the leads in one order, as trackEvents does, so concurrent writers queue instead of deadlocking.
  await client.query(LOCK, [workspaceId, leadIds]);
  const result = await client.query<{ accepted: number; leadIds: string[] }>(INSERT, [workspaceId, leadIds]);
  return { rejected, accepted: result.rows[0].accepted, leadIds: result.rows[0].leadIds };
}
