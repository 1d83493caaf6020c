// The hand-worked case table (cases.ts) through BOTH backends: the JS scorer,
// and the SQL statement on the real Postgres of the test run.

import { randomUUID } from 'node:crypto';
import { compileSource, type CheckedProgram, type ScoreResult } from '../../src/dsl';
import { planJs } from '../../src/dsl/js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/database';
import { AS_OF, CASES, type Case } from './cases';
import { createWorkspace, DEFAULT_SETTINGS, insertLeads, scoreSql } from './support';

function programOf(source: string): CheckedProgram {
  const { program, diagnostics } = compileSource(source);
  if (program === null) throw new Error(`case source does not compile: ${JSON.stringify(diagnostics)}`);
  return program;
}

function expectedOf(c: Case): ScoreResult {
  const lines = c.source.split('\n');
  return {
    fit: c.expected.fit,
    engagement: c.expected.engagement,
    total: c.expected.total,
    grade: c.expected.grade,
    stage: c.expected.stage,
    explanation: c.expected.explanation.map(([line, dimension, points, eventCount]) => ({
      line,
      rule: lines[line - 1].trim(),
      dimension,
      points,
      eventCount,
    })),
  };
}

describe('hand-worked cases, both backends', () => {
  let db: TestDatabase;
  let workspaceId: string;
  const ids = new Map<Case, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    workspaceId = await createWorkspace(db);
    const leads = CASES.map((c) => {
      const id = randomUUID();
      ids.set(c, id);
      return { id, lead: c.lead, events: c.events ?? [] };
    });
    await insertLeads(db, workspaceId, leads);
  });
  afterAll(async () => {
    await dropTestDatabase(db);
  });

  describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const program = programOf(c.source);
    const settings = c.settings ?? DEFAULT_SETTINGS;
    const asOf = c.asOf ?? AS_OF;

    it('JS', () => {
      expect(planJs(program, settings)(c.lead, c.events ?? [], asOf)).toEqual(expectedOf(c));
    });

    it('SQL', async () => {
      const id = ids.get(c) as string;
      const results = await scoreSql(db, program, settings, { workspaceId, asOf, leadIds: [id] });
      expect([...results.keys()]).toEqual([id]);
      expect(results.get(id)).toEqual(expectedOf(c));
    });
  });

  it('SQL scores every lead of the workspace, leads without events included, in one statement', async () => {
    const program = programOf('+1 when title is set\n+2 per visited("/blog/*")');
    const results = await scoreSql(db, program, DEFAULT_SETTINGS, { workspaceId, asOf: AS_OF });
    expect(results.size).toBe(CASES.length);
    const js = planJs(program, DEFAULT_SETTINGS);
    for (const c of CASES) expect(results.get(ids.get(c) as string)).toEqual(js(c.lead, c.events ?? [], AS_OF));
  });
});
