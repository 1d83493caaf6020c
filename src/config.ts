// The service's configuration, read from the environment once at start.
// Every option, its default and its meaning is listed in the README.

import { bool, cleanEnv, num, port, str, url } from 'envalid';

export interface Config {
  /** HTTP port (default 4000). */
  readonly port: number;
  /** Postgres to use; null: start the embedded one. */
  readonly databaseUrl: string | null;
  /** Postgres schema holding the tables (default public). */
  readonly databaseSchema: string;
  /** How often every published model is rescored so time-driven scores move (default 60 min; 0 turns it off). */
  readonly rescoreIntervalMinutes: number;
  /** Folder of the embedded cluster (default `.pgdata` in the project). */
  readonly embeddedDataDir: string;
  /** Port of the embedded cluster (default 54320). */
  readonly embeddedPort: number;
  /** pino level (default info). */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed the demo workspace on first start (default true; `--no-demo` or SEED_DEMO=false turns it off). */
  readonly seedDemo: boolean;
  /** Largest trackEvents / upsertLeads batch (default 5000). */
  readonly maxBatchSize: number;
  readonly production: boolean;
  /** Leads plus events one API key may send per minute, per process (default 1,500,000). */
  readonly ingestItemsPerMinute: number;
  /** Registered (hashed) at start as an admin key of the default workspace; null: none. */
  readonly adminApiKey: string | null;
}

/**
 * Reads and validates the environment; on a bad value envalid prints which
 * variable is wrong and why, and the process exits before anything starts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Config {
  const e = cleanEnv(env, {
    PORT: port({ default: 4000, desc: 'HTTP port' }),
    DATABASE_URL: url({ default: undefined, desc: 'Postgres connection URL; unset: embedded Postgres' }),
    DATABASE_SCHEMA: str({ default: 'public', desc: 'Postgres schema holding the tables' }),
    RESCORE_INTERVAL_MINUTES: num({ default: 60, desc: 'Minutes between scheduled rescoring of every published model; 0 turns it off' }),
    PGDATA_DIR: str({ default: '.pgdata', desc: 'Data folder of the embedded Postgres' }),
    EMBEDDED_PG_PORT: port({ default: 54320, desc: 'Port of the embedded Postgres' }),
    LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
    SEED_DEMO: bool({ default: true, desc: 'Seed the demo workspace on first start' }),
    MAX_BATCH_SIZE: num({ default: 5000, desc: 'Largest ingest batch' }),
    NODE_ENV: str({ default: 'development' }),
    INGEST_ITEMS_PER_MINUTE: num({ default: 1_500_000, desc: 'Leads plus events one API key may send per minute, per process' }),
    ADMIN_API_KEY: str({ default: undefined, desc: 'An admin key of the default workspace, for automation (24+ characters)' }),
  });
  if (!Number.isInteger(e.MAX_BATCH_SIZE) || e.MAX_BATCH_SIZE < 1000) {
    throw new Error(`MAX_BATCH_SIZE must be an integer of at least 1000, got ${e.MAX_BATCH_SIZE}`);
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(e.DATABASE_SCHEMA)) {
    throw new Error(`DATABASE_SCHEMA must be a plain lower-case identifier, got "${e.DATABASE_SCHEMA}"`);
  }
  if (e.ADMIN_API_KEY !== undefined && e.ADMIN_API_KEY.length < 24) throw new Error('ADMIN_API_KEY must have at least 24 characters');
  if (e.RESCORE_INTERVAL_MINUTES < 0) throw new Error('RESCORE_INTERVAL_MINUTES cannot be negative');
  return {
    port: e.PORT,
    databaseSchema: e.DATABASE_SCHEMA,
    rescoreIntervalMinutes: e.RESCORE_INTERVAL_MINUTES,
    databaseUrl: e.DATABASE_URL ?? null,
    embeddedDataDir: e.PGDATA_DIR,
    embeddedPort: e.EMBEDDED_PG_PORT,
    logLevel: e.LOG_LEVEL as Config['logLevel'],
    seedDemo: e.SEED_DEMO && !argv.includes('--no-demo'),
    maxBatchSize: e.MAX_BATCH_SIZE,
    production: e.NODE_ENV === 'production',
    adminApiKey: e.ADMIN_API_KEY ?? null,
    ingestItemsPerMinute: e.INGEST_ITEMS_PER_MINUTE,
  };
}
