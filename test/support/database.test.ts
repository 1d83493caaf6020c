import { createTestDatabase, dropTestDatabase, type TestDatabase } from './database';

describe('test database harness', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(db);
  });

  it('migrates a schema of its own, on a real PostgreSQL 17 or later', async () => {
    const [{ search_path, version }] = await db.dataSource.query(
      `SELECT current_setting('search_path') AS search_path, current_setting('server_version_num')::int AS version`,
    );
    expect(search_path).toBe(`${db.schema},public`);
    expect(version).toBeGreaterThanOrEqual(170000);
    const tables = await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [db.schema],
    );
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(
      expect.arrayContaining(['leads', 'events', 'scoring_models', 'lead_scores', 'threshold_events']),
    );
  });
});
