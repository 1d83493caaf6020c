// A real server over a real Postgres schema, on a free port, for end-to-end tests through HTTP.

import { DEFAULT_WORKSPACE_ID, ensureDefaultWorkspace } from '../../src/db/defaultWorkspace';
import { SqlLogger } from '../../src/db/sqlLogger';
import { createLogger } from '../../src/observability/logger';
import { createMetrics, type Metrics } from '../../src/observability/metrics';
import { CrossingHub } from '../../src/realtime/crossingHub';
import { OutboxTail, outboxReader } from '../../src/realtime/outboxTail';
import { startServer, type RunningServer } from '../../src/server';
import { createServices, type Services } from '../../src/services';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  readonly db: TestDatabase;
  readonly services: Services;
  readonly server: RunningServer;
  readonly metrics: Metrics;
  readonly hub: CrossingHub;
  /** An admin key of the default workspace, sent by gql and data. */
  readonly adminKey: string;
  /** POSTs a GraphQL document with the admin key and returns the parsed body. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResponse<T>>;
  /** POSTs a GraphQL document with the given key (null: none). */
  gqlAs<T = Record<string, any>>(key: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any error, and returns data. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startTestServer(options: { maxBatchSize?: number; now?: () => Date } = {}): Promise<TestServer> {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const metrics = createMetrics();
  const db = await createTestDatabase({ logger: new SqlLogger(logger, (operation) => metrics.sqlStatements.inc({ operation })) });
  await ensureDefaultWorkspace(db.dataSource);
  const services = createServices(db.dataSource, { maxBatchSize: options.maxBatchSize ?? 5000, now: options.now });
  const hub = new CrossingHub({ url: db.url, logger, pollIntervalMs: 200, tail: new OutboxTail(outboxReader(services.scores)) });
  await hub.start();
  const server = await startServer({ port: 0, host: '127.0.0.1', services, logger, metrics, hub });
  const { key: adminKey } = await services.apiKeys.createKey(DEFAULT_WORKSPACE_ID, 'test admin', 'admin');
  const gqlAs = async <T>(key: string | null, query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables, operationName }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  const gql = <T>(query: string, variables?: Record<string, unknown>, operationName?: string) => gqlAs<T>(adminKey, query, variables, operationName);
  return {
    db,
    services,
    server,
    metrics,
    hub,
    adminKey,
    gql,
    gqlAs,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const result = await gql<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async close() {
      await server.stop();
      await hub.stop();
      await dropTestDatabase(db);
    },
  };
}

/** The number of SQL statements counted for an operation so far (from the server's metrics). */
export async function statementCount(metrics: Metrics, operation: string): Promise<number> {
  const metric = await metrics.sqlStatements.get();
  return metric.values.find((v) => v.labels.operation === operation)?.value ?? 0;
}
