import { DEFAULT_WORKSPACE_ID, ensureDefaultWorkspace } from '../../src/db/defaultWorkspace';
import { DEMO_MODEL_SOURCE, seedDemoModel } from '../../src/demo/demoModel';
import { seedDemo } from '../../src/demo/seedDemo';
import { compileSource } from '../../src/dsl';
import { createServices } from '../../src/services';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/database';

describe('the demo scoring model', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await ensureDefaultWorkspace(db.dataSource);
  });
  afterAll(async () => {
    await dropTestDatabase(db);
  });

  it('checks with no diagnostic', () => {
    expect(compileSource(DEMO_MODEL_SOURCE, { stages: ['MQL', 'SQL'] }).diagnostics).toEqual([]);
  });

  it('is published over the demo leads, which end up in every stage, once', async () => {
    const services = createServices(db.dataSource, { maxBatchSize: 5000 });
    const seeded = await seedDemo(db.dataSource, DEFAULT_WORKSPACE_ID, { leads: 800, now: new Date() });
    expect(await seedDemoModel(services.modelAdmin, services.models, DEFAULT_WORKSPACE_ID)).toBe(seeded.leads);
    const stages: { stage: string | null; n: number }[] = await db.dataSource.query(
      `SELECT stage, count(*)::int AS n FROM lead_scores GROUP BY stage ORDER BY stage`,
    );
    expect(stages.map((s) => s.stage)).toEqual(expect.arrayContaining(['MQL', 'SQL', null]));
    expect(await seedDemoModel(services.modelAdmin, services.models, DEFAULT_WORKSPACE_ID)).toBe(0);
  });
});
