// Starts one real Postgres for the whole test run, unless DATABASE_URL names one.
// Each test file then works in a schema of its own (test/support/database.ts).

import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embeddedPostgres';

declare global {
  // eslint-disable-next-line no-var
  var __EMBEDDED_PG__: EmbeddedPostgres | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'leadscore-test-'));
  // When root, Postgres runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'pg');
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  globalThis.__EMBEDDED_PG__ = pg;
  process.env.TEST_DATABASE_URL = pg.url;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
