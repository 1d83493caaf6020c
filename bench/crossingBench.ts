// Crossing-to-subscriber latency with two server processes on one database:
// subscribers on process B, crossings caused one at a time by trackEvents on
// process A. Latency runs from the moment the trackEvents request is sent (so
// it includes storing and rescoring the event) to the moment each subscriber
// receives the crossing. Used by `npm run bench` and `npm run bench:crossings`.

import type { DataSource } from 'typeorm';
import { DEFAULT_WORKSPACE_ID } from '../src/db/defaultWorkspace';
import { createServices } from '../src/services';
import { startServerProcess } from '../test/support/serverProcess';
import { subscribe } from '../test/support/subscriber';

export interface CrossingBenchOptions {
  /** Subscribers on process B (default 100). */
  readonly subscribers?: number;
  /** Crossings caused, one lead each (default 100). */
  readonly crossings?: number;
}

const KEY = `lsk_bench_${'k'.repeat(32)}`;

/**
 * Publishes a one-rule model of its own in the default workspace (subscribers
 * listen to it alone, so other published models do not disturb the count) and
 * measures; its leads are new (`crossing-bench-<i>`).
 */
export async function measureCrossings(db: DataSource, url: string, schema: string, options: CrossingBenchOptions = {}) {
  const subscriberCount = options.subscribers ?? 100;
  const crossings = options.crossings ?? 100;
  const services = createServices(db, { maxBatchSize: 1000 });
  const model = await services.modelAdmin.createScoringModel(DEFAULT_WORKSPACE_ID, {
    name: 'Bench: crossings',
    source: '+50 when visited("/pricing")',
    thresholds: [{ stage: 'MQL', minScore: 40 }],
  });
  await services.modelAdmin.publishModel(DEFAULT_WORKSPACE_ID, model.id);

  const env = { ADMIN_API_KEY: KEY, LOG_LEVEL: 'warn' };
  const [a, b] = await Promise.all([startServerProcess(url, schema, env), startServerProcess(url, schema, env)]);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const subscribers = Array.from({ length: subscriberCount }, () =>
    subscribe(b.url, KEY, { modelId: model.id }, (crossing) => latencies.push(performance.now() - sentAt.get(crossing.lead.externalId)!)),
  );
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const post = (query: string, variables: unknown) =>
      fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json());
    const leads = Array.from({ length: crossings }, (_, i) => ({ externalId: `crossing-bench-${i}` }));
    await post(`mutation($i: [LeadInput!]!) { upsertLeads(input: $i) { id } }`, { i: leads });

    for (const lead of leads) {
      sentAt.set(lead.externalId, performance.now());
      await post(`mutation($i: [EventInput!]!) { trackEvents(input: $i) { accepted } }`, {
        i: [{ leadExternalId: lead.externalId, type: 'page_view', properties: { path: '/pricing' } }],
      });
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(subscribers.map((sub) => sub.take(crossings, 30_000)));
  } finally {
    await Promise.all(subscribers.map((sub) => sub.close()));
    await Promise.all([a.stop(), b.stop()]);
  }

  const all = [...latencies].sort((x, y) => x - y);
  const at = (q: number) => Math.round(all[Math.min(all.length - 1, Math.floor(q * all.length))] * 10) / 10;
  return {
    serverProcesses: 2,
    subscribers: subscriberCount,
    crossings,
    deliveries: all.length,
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
  };
}
