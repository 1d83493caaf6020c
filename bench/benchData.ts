// The bench's database: its own embedded cluster in a temporary folder (or
// DATABASE_URL), a schema of its own, migrations, and the generated data set.

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/dataSource';
import { ensureDefaultWorkspace } from '../src/db/defaultWorkspace';
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres';

export interface BenchDatabase {
  readonly url: string;
  readonly schema: string;
  /** The embedded cluster's folder (for memory sampling); null with DATABASE_URL. */
  readonly dataDir: string | null;
  readonly db: DataSource;
  close(): Promise<void>;
}

export async function openBenchDatabase(port: number): Promise<BenchDatabase> {
  let url = process.env.DATABASE_URL;
  let dataDir: string | null = null;
  let stop = async () => undefined as void;
  if (!url) {
    const parent = mkdtempSync(path.join(tmpdir(), 'leadscore-bench-'));
    // The cluster may run as the `postgres` user (when we are root): it must reach its folder.
    chmodSync(parent, 0o755);
    dataDir = path.join(parent, 'pg');
    const pg = await startEmbeddedPostgres({ dataDir, port, persistent: false });
    url = pg.url;
    stop = async () => {
      await pg.stop();
      rmSync(parent, { recursive: true, force: true });
    };
  }
  const schema = `bench_${process.pid}`;
  const db = createDataSource({ url, schema, poolSize: 10 });
  await db.initialize();
  await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await db.runMigrations();
  await ensureDefaultWorkspace(db);
  return {
    url,
    schema,
    dataDir,
    db,
    async close() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
      await db.destroy();
      await stop();
    },
  };
}
