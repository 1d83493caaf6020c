// The CLI's database: DATABASE_URL when set; else the embedded cluster of
// `npm start` (same data folder and port, from the same configuration), used
// as is when a server already runs it, started for the command otherwise.

import pino, { type Logger } from 'pino';
import { Client } from 'pg';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db/database';

/** Logs go to stderr (stdout carries the command's output); LOG_LEVEL applies, default warn. */
export function cliLogger(): Logger {
  return pino({ level: process.env.LOG_LEVEL ?? 'warn', base: { service: 'leadscore-cli' } }, pino.destination(2));
}

export async function openCliDatabase(logger: Logger): Promise<Database> {
  const config = loadConfig(process.env, []);
  let url = config.databaseUrl;
  if (!url && (await accepts(embeddedUrl(config.embeddedPort)))) url = embeddedUrl(config.embeddedPort);
  return openDatabase({
    url,
    embeddedDataDir: config.embeddedDataDir,
    embeddedPort: config.embeddedPort,
    schema: config.databaseSchema,
    logger,
    poolSize: 4,
  });
}

/** The URL startEmbeddedPostgres gives for its cluster on this port (src/db/embeddedPostgres.ts). */
function embeddedUrl(port: number): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

/** True when a server answers at the URL (a running `npm start` holds the embedded cluster). */
async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
