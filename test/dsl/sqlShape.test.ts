// The SQL backend's statement: usable as a subquery and a CTE body, every
// literal bound, and its text pinned by golden files (UPDATE_GOLDEN=1 rewrites them).

import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileSource, type CheckedProgram, type ModelSettings } from '../../src/dsl';
import { compileToSql } from '../../src/dsl/sql';
import { compile, sql } from '../../src/sql';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/database';
import { AS_OF } from './cases';
import { createWorkspace, DEFAULT_SETTINGS, emptyLead, insertLeads } from './support';

const SETTINGS: ModelSettings = {
  ...DEFAULT_SETTINGS,
  thresholds: [
    { stage: 'MQL', minScore: 30, minFit: null, position: 1 },
    { stage: 'SQL', minScore: 60, minFit: 20, position: 2 },
  ],
};

const GOLDEN: Readonly<Record<string, string>> = {
  fitOnly: `+15 when employees >= 200\n+10 when industry in ["SaaS", "Fintech"]\n-30 when email ends_with "@gmail.com"\nfit +5 when title contains "director" or attributes.plan = "pro"`,
  engagement: `+10 when visited("/pricing")\n+20 when submitted("demo-request") within 30d\n+2 per visited("/blog/*") within 30d max 20\n+5 when count(clicked_email("spring-launch")) >= 2\n-20 when inactive > 90d`,
  decayAndStages: `+3 per opened_email() max 15 decay 50% every 14d\nqualify "SQL" when submitted("demo-request")\ndisqualify when email ends_with "@competitor.example"`,
};

function programOf(source: string): CheckedProgram {
  const { program, diagnostics } = compileSource(source);
  if (program === null) throw new Error(JSON.stringify(diagnostics));
  return program;
}

const WORKSPACE = '00000000-0000-4000-8000-000000000001';

describe('compileToSql statement shape', () => {
  it.each(Object.entries(GOLDEN))('golden: %s', (name, source) => {
    const { text, values } = compile(compileToSql(programOf(source), SETTINGS, { workspaceId: WORKSPACE, asOf: new Date(AS_OF) }));
    const golden = `-- ${source.split('\n').join('\n-- ')}\n-- values: ${JSON.stringify(values)}\n${text}\n`;
    const file = path.join(__dirname, 'golden', `${name}.sql`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, golden);
    expect(golden).toBe(readFileSync(file, 'utf8'));
  });

  it('binds every literal: no rule text, string, number or instant appears in the SQL text', () => {
    const source = `+98765 when title = "O'Brien; DROP TABLE leads"\n+43.21 per event("x", k = "v'1") within 3d\nqualify "SQL" when attributes.p = "zz"`;
    const { text, values } = compile(compileToSql(programOf(source), SETTINGS, { workspaceId: WORKSPACE, asOf: new Date(AS_OF), leadIds: [WORKSPACE] }));
    for (const literal of ['Brien', '98765', '43.21', 'v\'1', 'zz', 'SQL', 'MQL', WORKSPACE, '2025']) expect(text).not.toContain(literal);
    expect(values).toEqual(expect.arrayContaining(["o'brien; drop table leads", 98765, 43.21, 'v\'1', 'zz', WORKSPACE]));
  });

  describe('on Postgres', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      await dropTestDatabase(db);
    });

    it('works as the source of an INSERT … SELECT … FROM (<statement>) s and as a CTE body', async () => {
      const workspaceId = await createWorkspace(db);
      const leads = [
        { id: randomUUID(), lead: emptyLead({ employees: 500, title: 'Director' }), events: [{ type: 'form_submit', occurredAt: AS_OF - 1000, properties: { form: 'demo-request' } }] },
        { id: randomUUID(), lead: emptyLead(), events: [] },
      ];
      await insertLeads(db, workspaceId, leads);
      const modelId = randomUUID();
      await db.dataSource.query(`INSERT INTO scoring_models (workspace_id, id, name) VALUES ($1, $2, 'm')`, [workspaceId, modelId]);
      const program = programOf(`${GOLDEN.fitOnly}\n${GOLDEN.engagement}\n${GOLDEN.decayAndStages}`);
      const scores = compileToSql(program, SETTINGS, { workspaceId, asOf: new Date(AS_OF) });
      const insert = compile(sql`INSERT INTO lead_scores (workspace_id, model_id, lead_id, version, total, fit, engagement, grade, stage, explanation, computed_at)
        SELECT ${sql.value(workspaceId)}::uuid, ${sql.value(modelId)}::uuid, s.lead_id, 1, s.total, s.fit, s.engagement, s.grade, s.stage, s.explanation, now()
        FROM (${scores}) s`);
      await db.dataSource.query(insert.text, insert.values);
      const stored = await db.dataSource.query(`SELECT lead_id, total, stage FROM lead_scores WHERE model_id = $1 ORDER BY total DESC`, [modelId]);
      expect(stored).toEqual([
        { lead_id: leads[0].id, total: 40, stage: 'SQL' },
        { lead_id: leads[1].id, total: 0, stage: null },
      ]);
      const cte = compile(sql`WITH s AS (${scores}) SELECT count(*)::int AS n, max(total) AS top FROM s`);
      expect(await db.dataSource.query(cte.text, cte.values)).toEqual([{ n: 2, top: 40 }]);
    });
  });
});
