// Differential property test: random rule sources (text, through the front
// end's compileSource) and random workspaces, scored by the JS backend and by
// the SQL backend on the real Postgres; every figure, grade, stage and
// explanation must be identical. DSL_PROPERTY_RUNS=5000 runs more.

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { compileSource } from '../../src/dsl';
import { planJs } from '../../src/dsl/js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/database';
import { differentialCase } from './generators';
import { createWorkspace, insertLeads, scoreSql } from './support';

const RUNS = Number(process.env.DSL_PROPERTY_RUNS ?? 300);

describe('JS and SQL backends agree', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(db);
  });

  it(`on ${RUNS} random sources and workspaces`, async () => {
    // Guards against a vacuous generator: the runs must reach non-trivial scores.
    const seen = { leads: 0, explained: 0, perRuleCounted: 0, fractional: 0, stages: new Set<string | null>() };
    await fc.assert(
      fc.asyncProperty(differentialCase, async (c) => {
        const { program, diagnostics } = compileSource(c.source);
        if (program === null) throw new Error(`generated source does not compile:\n${c.source}\n${JSON.stringify(diagnostics, null, 1)}`);
        const workspaceId = await createWorkspace(db);
        const leads = c.leads.map((l) => ({ id: randomUUID(), ...l }));
        await insertLeads(db, workspaceId, leads);
        const sql = await scoreSql(db, program, c.settings, { workspaceId, asOf: c.asOf, leadIds: leads.map((l) => l.id) });
        const js = planJs(program, c.settings);
        expect(sql.size).toBe(leads.length);
        for (const l of leads) {
          const expected = js(l.lead, l.events, c.asOf);
          expect({ source: c.source, result: sql.get(l.id) }).toEqual({ source: c.source, result: expected });
          seen.leads++;
          if (expected.explanation.length > 0) seen.explained++;
          if (expected.explanation.some((e) => (e.eventCount ?? 0) > 0)) seen.perRuleCounted++;
          if (!Number.isInteger(expected.fit) || !Number.isInteger(expected.engagement)) seen.fractional++;
          seen.stages.add(expected.stage);
        }
      }),
      { numRuns: RUNS },
    );
    expect(seen.leads).toBeGreaterThanOrEqual(RUNS);
    expect(seen.explained).toBeGreaterThan(seen.leads * 0.3);
    expect(seen.perRuleCounted).toBeGreaterThan(seen.leads * 0.05);
    expect(seen.fractional).toBeGreaterThan(seen.leads * 0.02);
    expect(seen.stages).toEqual(new Set([null, 'disqualified', 'MQL', 'SQL', 'Customer']));
  });
});
