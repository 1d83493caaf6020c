// Opens the service's database: the embedded Postgres when no URL is given,
// migrations applied, the default workspace present.

import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createDataSource } from './dataSource';
import { ensureDefaultWorkspace } from './defaultWorkspace';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embeddedPostgres';
import { SqlLogger } from './sqlLogger';

export interface DatabaseOptions {
  /** Use this server; null: start the embedded one. */
  readonly url: string | null;
  readonly embeddedDataDir: string;
  readonly embeddedPort: number;
  readonly logger: Logger;
  /** Counts statements per GraphQL operation (metrics). */
  readonly onStatement?: (operation: string) => void;
  /** Pool size (default 10). */
  readonly poolSize?: number;
  /** Postgres schema holding the tables (default public). */
  readonly schema?: string;
}

export interface Database {
  readonly dataSource: DataSource;
  /** The connection URL in use (the embedded cluster's when embedded). */
  readonly url: string;
  /** True when this process started the embedded Postgres. */
  readonly embedded: boolean;
  /** Closes the pool, then stops the embedded Postgres if this process started it. */
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const log = options.logger;
  let embedded: EmbeddedPostgres | null = null;
  let url = options.url;
  if (!url) {
    log.info({ dataDir: options.embeddedDataDir, port: options.embeddedPort }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: options.embeddedDataDir,
      port: options.embeddedPort,
      onLog: (line) => log.debug({ postgres: line }, 'postgres'),
    });
    url = embedded.url;
  }
  const dataSource = createDataSource({ url, schema: options.schema, poolSize: options.poolSize, logger: new SqlLogger(log, options.onStatement) });
  try {
    await dataSource.initialize();
    // The schema name is validated configuration (a plain identifier), never request data.
    if (options.schema && options.schema !== 'public') await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await ensureDefaultWorkspace(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    url,
    embedded: embedded !== null,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
