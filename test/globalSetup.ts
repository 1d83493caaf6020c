// Starts one real Postgres for the whole test run, unless DATABASE_URL names one.
// Each test file then works in a schema of its own (test/support/database.ts).

import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embeddedPostgres';
import { freePort } from './support/freePort';

declare global {
  // eslint-disable-next-line no-var
  var __EMBEDDED_PG__: EmbeddedPostgres | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    await createSharedExtensions(process.env.DATABASE_URL);
    return;
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'leadscore-test-'));
  // When root, Postgres runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'pg');
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  globalThis.__EMBEDDED_PG__ = pg;
  process.env.TEST_DATABASE_URL = pg.url;
  await createSharedExtensions(pg.url);
}

/**
 * Extensions live in `public`, shared by every test schema. Created once here:
 * two test files migrating at the same moment would otherwise race on
 * CREATE EXTENSION IF NOT EXISTS (it is not safe against concurrent creation).
 */
async function createSharedExtensions(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  } finally {
    await client.end();
  }
}
