// Per-file isolation: each test file gets a fresh Postgres schema with the
// migrations applied, dropped when the file ends (pg-boss's test hooks style).

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { createDataSource } from '../../src/db/dataSource';

export interface TestDatabase {
  readonly url: string;
  readonly schema: string;
  readonly dataSource: DataSource;
}

/** The URL of the run's Postgres (set by globalSetup). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (globalSetup starts Postgres)');
  return url;
}

/** Creates a schema named after the file, migrates it, and returns a connected data source. */
export async function createTestDatabase(options: { logger?: Logger } = {}): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const dataSource = createDataSource({ url, schema, poolSize: 5, logger: options.logger });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  return { url, schema, dataSource };
}

/** Closes the data source and drops the schema with everything in it. */
export async function dropTestDatabase(db: TestDatabase): Promise<void> {
  await db.dataSource.destroy();
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA ${db.schema} CASCADE`);
  } finally {
    await admin.end();
  }
}
