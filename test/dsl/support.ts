// Test helpers: put leads and events into a test schema, score them with both
// backends, and compare.

import { randomUUID } from 'node:crypto';
import { compile } from '../../src/sql';
import type { EventFacts, LeadFacts, ScoreResult } from '../../src/dsl/facts';
import type { CheckedProgram, ModelSettings } from '../../src/dsl/program';
import { DEFAULT_GRADE_BANDS } from '../../src/dsl/program';
import { compileToSql, scoreRowToResult, type ScoreRow } from '../../src/dsl/sql';
import type { TestDatabase } from '../support/database';

export const DEFAULT_SETTINGS: ModelSettings = {
  minScore: 0,
  maxScore: 100,
  thresholds: [],
  gradeBands: DEFAULT_GRADE_BANDS,
};

export interface LeadWithEvents {
  readonly id: string;
  readonly lead: LeadFacts;
  readonly events: readonly EventFacts[];
}

export function emptyLead(overrides: Partial<LeadFacts> = {}): LeadFacts {
  return {
    email: null,
    first_name: null,
    last_name: null,
    title: null,
    company: null,
    industry: null,
    country: null,
    source: null,
    employees: null,
    annual_revenue: null,
    created_at: Date.UTC(2025, 0, 1),
    attributes: {},
    ...overrides,
  };
}

export async function createWorkspace(db: TestDatabase): Promise<string> {
  const id = randomUUID();
  await db.dataSource.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'test')`, [id]);
  return id;
}

/** Inserts leads (and their events) in two statements. */
export async function insertLeads(db: TestDatabase, workspaceId: string, leads: readonly LeadWithEvents[]): Promise<void> {
  if (leads.length === 0) return;
  const leadRows = leads.map(({ id, lead }) => ({ ...lead, id, created_at: new Date(lead.created_at).toISOString() }));
  await db.dataSource.query(
    `INSERT INTO leads (workspace_id, id, email, first_name, last_name, title, company, industry, country, source,
                        employees, annual_revenue, attributes, created_at)
     SELECT $1::uuid, x.id, x.email, x.first_name, x.last_name, x.title, x.company, x.industry, x.country, x.source,
            x.employees, x.annual_revenue, x.attributes, x.created_at
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, email text, first_name text, last_name text, title text, company text,
          industry text, country text, source text, employees int, annual_revenue float8, attributes jsonb, created_at timestamptz)`,
    [workspaceId, JSON.stringify(leadRows)],
  );
  const eventRows = leads.flatMap(({ id, events }) =>
    events.map((e) => ({ lead_id: id, type: e.type, occurred_at: new Date(e.occurredAt).toISOString(), properties: e.properties })),
  );
  if (eventRows.length === 0) return;
  await db.dataSource.query(
    `INSERT INTO events (workspace_id, lead_id, type, occurred_at, properties)
     SELECT $1::uuid, x.lead_id, x.type, x.occurred_at, x.properties
     FROM jsonb_to_recordset($2::jsonb) AS x(lead_id uuid, type text, occurred_at timestamptz, properties jsonb)`,
    [workspaceId, JSON.stringify(eventRows)],
  );
}

/** Scores with the SQL backend; results by lead id. */
export async function scoreSql(
  db: TestDatabase,
  program: CheckedProgram,
  settings: ModelSettings,
  options: { workspaceId: string; asOf: number; leadIds?: readonly string[] },
): Promise<Map<string, ScoreResult>> {
  const { text, values } = compile(compileToSql(program, settings, { ...options, asOf: new Date(options.asOf) }));
  const rows: ScoreRow[] = await db.dataSource.query(text, values);
  return new Map(rows.map((row) => {
    const { leadId, result } = scoreRowToResult(row);
    return [leadId, result];
  }));
}
