// Prometheus metrics, served at /metrics. One registry per server instance, so
// tests that start several servers in one process do not collide.

import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  /** GraphQL requests by operation name and outcome (ok | error). */
  readonly requests: Counter<'operation' | 'outcome'>;
  /** GraphQL request latency in seconds by operation name. */
  readonly latency: Histogram<'operation'>;
  /** SQL statements sent, by request operation. */
  readonly sqlStatements: Counter<'operation'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'leadscore_graphql_requests_total',
      help: 'GraphQL requests by operation and outcome',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'leadscore_graphql_request_duration_seconds',
      help: 'GraphQL request latency by operation',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    sqlStatements: new Counter({
      name: 'leadscore_sql_statements_total',
      help: 'SQL statements sent, by GraphQL operation',
      labelNames: ['operation'],
      registers: [registry],
    }),
  };
}
