// Writes one batch of validated lead rows, inside the caller's transaction:
// COPY into a temporary staging table, resolve each row to an existing lead
// (by externalId, else by email, case-insensitively, as upsertLeads does),
// set aside the rows the database refuses (with the reason), then update and
// insert the rest in two set-based statements.

import type { PoolClient } from 'pg';
import { LEAD_INPUT_COLUMNS, presentLeadFields, type LeadFields } from '../leads/lead.model';
import { copyLine, copyRows } from './copy';
import type { Rejection, StagedRow } from './batch';

const COLUMNS = LEAD_INPUT_COLUMNS;

const STAGE = 'leadscore_import_leads';

const SETUP = `CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (
  line int PRIMARY KEY, ext text, email_key text, v jsonb NOT NULL, id uuid, owner_ext text
) ON COMMIT DELETE ROWS`;

// Every join to leads also names the batch's keys as an array parameter ($2): the
// planner then looks the leads up by index whatever its statistics say. Without
// it, a workspace filling up during the import still looks empty to the planner
// (statistics lag), and it scans the workspace's leads once per staged row.
const MATCH_BY_EXTERNAL_ID = `UPDATE ${STAGE} s SET id = l.id FROM leads l
  WHERE s.ext IS NOT NULL AND l.workspace_id = $1 AND l.external_id = ANY($2::text[]) AND l.external_id = s.ext`;

const MATCH_BY_EMAIL = `UPDATE ${STAGE} s SET id = l.id, owner_ext = l.external_id FROM leads l
  WHERE s.id IS NULL AND s.email_key IS NOT NULL AND l.workspace_id = $1 AND l.email IS NOT NULL
    AND lower(l.email) = ANY($2::text[]) AND lower(l.email) = s.email_key`;

/** Each refusal: the same rule and wording as upsertLeads, or a row naming a lead an earlier row of the batch names. */
const REFUSALS = [
  `DELETE FROM ${STAGE} s WHERE s.ext IS NOT NULL AND s.owner_ext IS NOT NULL AND s.owner_ext <> s.ext
   RETURNING s.line, format('INVALID_LEAD: email "%s" belongs to the lead with externalId "%s", not "%s"', s.v->>'email', s.owner_ext, s.ext) AS reason`,
  `DELETE FROM ${STAGE} s USING leads l
   WHERE s.id IS NOT NULL AND s.email_key IS NOT NULL AND l.workspace_id = $1 AND l.email IS NOT NULL
     AND lower(l.email) = ANY($2::text[]) AND lower(l.email) = s.email_key AND l.id <> s.id
   RETURNING s.line, format('INVALID_LEAD: email "%s" already belongs to another lead', s.v->>'email') AS reason`,
  `WITH d AS (SELECT line, min(line) OVER (PARTITION BY id) AS first FROM ${STAGE} WHERE id IS NOT NULL)
   DELETE FROM ${STAGE} s USING d WHERE s.line = d.line AND d.line <> d.first
   RETURNING s.line, format('INVALID_LEAD: names the same lead as line %s', d.first) AS reason`,
];

const UPDATE = `UPDATE leads AS l SET
    ${COLUMNS.map(([f, c, t]) => `${c} = CASE WHEN s.v ? '${f}' THEN (s.v->>'${f}')::${t} ELSE l.${c} END`).join(',\n    ')},
    attributes = CASE WHEN s.v ? 'attributes' THEN jsonb_strip_nulls(l.attributes || coalesce(s.v->'attributes', '{}'::jsonb)) ELSE l.attributes END,
    created_at = coalesce((s.v->>'createdAt')::timestamptz, l.created_at),
    updated_at = now()
  FROM ${STAGE} s WHERE s.id IS NOT NULL AND l.workspace_id = $1 AND l.id = ANY($2::uuid[]) AND l.id = s.id
  RETURNING l.id`;

const INSERT = `INSERT INTO leads (workspace_id, ${COLUMNS.map(([, c]) => c).join(', ')}, attributes, created_at)
  SELECT $1, ${COLUMNS.map(([f, , t]) => `(s.v->>'${f}')::${t}`).join(', ')},
    jsonb_strip_nulls(coalesce(s.v->'attributes', '{}'::jsonb)),
    coalesce((s.v->>'createdAt')::timestamptz, date_trunc('milliseconds', now()))
  FROM ${STAGE} s WHERE s.id IS NULL ORDER BY s.line
  RETURNING id`;


/** Stores the rows; returns the refused rows and the ids of the leads created or changed. Never commits. */
export async function writeLeadBatch(
  client: PoolClient,
  workspaceId: string,
  rows: readonly StagedRow<LeadFields>[],
): Promise<{ rejected: Rejection[]; leadIds: string[] }> {
  await client.query(SETUP);
  await copyRows(
    client,
    `COPY ${STAGE} (line, ext, email_key, v) FROM STDIN`,
    rows.map(({ line, fields }) =>
      copyLine([line, fields.externalId?.trim() || null, fields.email?.trim().toLowerCase() || null, JSON.stringify(presentLeadFields(fields))]),
    ),
  );
  // Fresh statistics, so the planner joins a few thousand staged rows to the leads by index, not by scanning them.
  await client.query(`ANALYZE ${STAGE}`);
  const externalIds = rows.map((r) => r.fields.externalId?.trim()).filter((v): v is string => !!v);
  const emails = rows.map((r) => r.fields.email?.trim().toLowerCase()).filter((v): v is string => !!v);
  await client.query(MATCH_BY_EXTERNAL_ID, [workspaceId, externalIds]);
  await client.query(MATCH_BY_EMAIL, [workspaceId, emails]);
  const rejected: Rejection[] = [];
  for (const refusal of REFUSALS) {
    const result = await client.query<Rejection>(refusal, refusal.includes('$1') ? [workspaceId, emails] : []);
    rejected.push(...result.rows);
  }
  const matched = (await client.query<{ id: string }>(`SELECT id FROM ${STAGE} WHERE id IS NOT NULL`)).rows.map((r) => r.id);
  const updated = matched.length ? await client.query<{ id: string }>(UPDATE, [workspaceId, matched]) : { rows: [] };
  const inserted = await client.query<{ id: string }>(INSERT, [workspaceId]);
  return { rejected, leadIds: [...updated.rows, ...inserted.rows].map((r) => r.id) };
}
