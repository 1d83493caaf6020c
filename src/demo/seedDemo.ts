// Seeds a workspace with demo leads and events, once.
//
// Contract:
// - The workspace must exist. When it already holds any lead, nothing is
//   written and { skipped: true } is returned: the demo never mixes into real
//   data, and calling this at every start is safe.
// - Deterministic: the same `seed` and `now` give the same rows, except the ids
//   the database generates (updated_at and received_at are derived from the data).
// - All or nothing: one transaction; a crash mid-way leaves no half demo.
//   Concurrent callers (several API processes starting together) are
//   serialised by a transaction-scoped advisory lock on the workspace, so only
//   one of them seeds.
// - Set-based: rows travel as one JSON parameter per chunk and are expanded by
//   jsonb_to_recordset; every value is a bound parameter, never SQL text.

import type { DataSource, EntityManager } from 'typeorm';
import { generateEvents, type DemoEvent } from './generateEvents';
import { generateLeads, type DemoLead } from './generateLeads';
import { Random } from './random';
import { SET_LAST_ACTIVITY } from '../leads/leadActivity';

export interface SeedDemoOptions {
  /** Number of leads (default 3000); events follow, about 20–30 per lead. */
  leads?: number;
  /** The demo's present: leads and events lie in the 120 days before it (default: the current time). */
  now?: Date;
  /** PRNG seed (default 42). */
  seed?: number;
}

export interface SeedDemoResult {
  /** Rows this call inserted (0 when skipped). */
  leads: number;
  events: number;
  skipped: boolean;
}

const LEAD_CHUNK = 1000;
const EVENT_CHUNK = 10_000;
const MAX_LEADS = 1_000_000;

export async function seedDemo(db: DataSource, workspaceId: string, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const count = options.leads ?? 3000;
  const now = (options.now ?? new Date()).getTime();
  const seed = options.seed ?? 42;
  if (!Number.isInteger(count) || count < 0 || count > MAX_LEADS) throw new RangeError(`seedDemo: leads must be an integer in [0, ${MAX_LEADS}], got ${count}`);
  if (!Number.isFinite(now)) throw new RangeError('seedDemo: now is not a valid date');
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seedDemo: seed must be an integer, got ${seed}`);

  const result = await db.transaction(async (m): Promise<SeedDemoResult> => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`leadscore:seed-demo:${workspaceId}`]);
    const [state] = (await m.query(
      `SELECT EXISTS (SELECT 1 FROM workspaces WHERE id = $1) AS workspace,
              EXISTS (SELECT 1 FROM leads WHERE workspace_id = $1) AS has_leads`,
      [workspaceId],
    )) as { workspace: boolean; has_leads: boolean }[];
    if (!state.workspace) throw new Error(`seedDemo: workspace ${workspaceId} does not exist`);
    if (state.has_leads) return { leads: 0, events: 0, skipped: true };

    // Separate streams for leads and events, so that each is reproducible on its own.
    const rng = new Random(seed);
    const leadRng = rng.fork();
    const eventRng = rng.fork();
    const leads = generateLeads(leadRng, count, now);
    const events = leads.map((lead) => generateEvents(eventRng, lead, now));

    const ids = new Map<string, string>();
    for (let i = 0; i < leads.length; i += LEAD_CHUNK) {
      const chunk = leads.slice(i, i + LEAD_CHUNK).map((lead, j) => leadRow(lead, events[i + j]));
      const inserted = await insertLeads(m, workspaceId, chunk);
      for (const row of inserted) ids.set(row.external_id, row.id);
      const lastOf = new Map(chunk.map((row) => [row.external_id, row.last_activity_at]));
      await m.query(SET_LAST_ACTIVITY, [workspaceId, inserted.map((r) => r.id), inserted.map((r) => lastOf.get(r.external_id) ?? null)]);
    }

    let inserted = 0;
    let batch: EventRow[] = [];
    const flush = async () => {
      inserted += await insertEvents(m, workspaceId, batch);
      batch = [];
    };
    for (let i = 0; i < leads.length; i++) {
      const leadId = ids.get(leads[i].externalId);
      if (leadId === undefined) throw new Error(`seedDemo: lead ${leads[i].externalId} was not inserted`);
      for (const e of events[i]) {
        batch.push({ lead_id: leadId, type: e.type, occurred_at: iso(e.occurredAt), properties: e.properties });
        if (batch.length >= EVENT_CHUNK) await flush();
      }
    }
    if (batch.length > 0) await flush();
    return { leads: ids.size, events: inserted, skipped: false };
  });
  // Fresh statistics for the planner after a bulk load (as the generator does):
  // until autovacuum gets to it, the planner would size the workspace from before.
  if (!result.skipped) await db.query(`ANALYZE leads, events, lead_activity`);
  return result;
}

interface LeadRow {
  external_id: string;
  email: string | null;
  first_name: string;
  last_name: string;
  title: string | null;
  company: string | null;
  industry: string | null;
  country: string;
  source: string;
  employees: number | null;
  annual_revenue: number | null;
  attributes: DemoLead['attributes'];
  created_at: string;
  last_activity_at: string | null;
}

interface EventRow {
  lead_id: string;
  type: string;
  occurred_at: string;
  properties: Record<string, string>;
}

/** ISO 8601 with milliseconds, in UTC: what timestamptz parses without loss. */
function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The lead as a row, with its last activity: its latest event (events are in time order). */
function leadRow(lead: DemoLead, events: readonly DemoEvent[]): LeadRow {
  const last = events.length > 0 ? events[events.length - 1].occurredAt : null;
  return {
    external_id: lead.externalId,
    email: lead.email,
    first_name: lead.firstName,
    last_name: lead.lastName,
    title: lead.title,
    company: lead.company,
    industry: lead.industry,
    country: lead.country,
    source: lead.source,
    employees: lead.employees,
    annual_revenue: lead.annualRevenue,
    attributes: lead.attributes,
    created_at: iso(lead.createdAt),
    last_activity_at: last === null ? null : iso(last),
  };
}

async function insertLeads(m: EntityManager, workspaceId: string, rows: LeadRow[]): Promise<{ external_id: string; id: string }[]> {
  // updated_at = created_at: the demo's leads were never edited after they arrived.
  return (await m.query(
    `INSERT INTO leads (workspace_id, external_id, email, first_name, last_name, title, company, industry, country,
                        source, employees, annual_revenue, attributes, created_at, updated_at)
     SELECT $1, r.external_id, r.email, r.first_name, r.last_name, r.title, r.company, r.industry, r.country,
            r.source, r.employees, r.annual_revenue, r.attributes, r.created_at, r.created_at
       FROM jsonb_to_recordset($2::jsonb) AS r(
              external_id text, email text, first_name text, last_name text, title text, company text,
              industry text, country text, source text, employees integer, annual_revenue double precision,
              attributes jsonb, created_at timestamptz)
     RETURNING external_id, id`,
    [workspaceId, JSON.stringify(rows)],
  )) as { external_id: string; id: string }[];
}

/** Inserts and returns how many rows Postgres wrote. received_at = occurred_at: as if tracked live. */
async function insertEvents(m: EntityManager, workspaceId: string, rows: EventRow[]): Promise<number> {
  const [{ n }] = (await m.query(
    `WITH ins AS (
       INSERT INTO events (workspace_id, lead_id, type, occurred_at, properties, received_at)
       SELECT $1, r.lead_id, r.type, r.occurred_at, r.properties, r.occurred_at
         FROM jsonb_to_recordset($2::jsonb) AS r(lead_id uuid, type text, occurred_at timestamptz, properties jsonb)
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [workspaceId, JSON.stringify(rows)],
  )) as { n: number }[];
  return n;
}
