// npm run bench:crossings — crossing-to-subscriber latency with two server
// processes on one database: 100 subscribers on process B, crossings caused
// one at a time by trackEvents on process A. Latency runs from the moment the
// trackEvents request is sent (so it includes storing and rescoring the event)
// to the moment each subscriber receives the crossing. Target (DESIGN.md):
// p99 under 100 ms. Prints a table and writes bench/crossings-results.json.

import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { DEFAULT_WORKSPACE_ID } from '../src/db/defaultWorkspace';
import { createServices } from '../src/services';
import { openBenchDatabase } from './benchData';
import { startServerProcess } from '../test/support/serverProcess';
import { subscribe } from '../test/support/subscriber';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
const CROSSINGS = Number(process.env.BENCH_CROSSINGS ?? 100);
const KEY = `lsk_bench_${'k'.repeat(32)}`;

async function main(): Promise<void> {
  const bench = await openBenchDatabase(54376);
  const { db, url, schema } = bench;
  const services = createServices(db, { maxBatchSize: 1000 });
  const model = await services.modelAdmin.createScoringModel(DEFAULT_WORKSPACE_ID, {
    name: 'Bench',
    source: '+50 when visited("/pricing")',
    thresholds: [{ stage: 'MQL', minScore: 40 }],
  });
  await services.modelAdmin.publishModel(DEFAULT_WORKSPACE_ID, model.id);

  const env = { ADMIN_API_KEY: KEY, LOG_LEVEL: 'warn' };
  const [a, b] = await Promise.all([startServerProcess(url, schema, env), startServerProcess(url, schema, env)]);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const subscribers = Array.from({ length: SUBSCRIBERS }, () =>
    subscribe(b.url, KEY, {}, (crossing) => latencies.push(performance.now() - sentAt.get(crossing.lead.externalId)!)),
  );
  await new Promise((r) => setTimeout(r, 2000));

  const post = (query: string, variables: unknown) =>
    fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json());
  const leads = Array.from({ length: CROSSINGS }, (_, i) => ({ externalId: `bench-${i}` }));
  await post(`mutation($i: [LeadInput!]!) { upsertLeads(input: $i) { id } }`, { i: leads });

  for (const lead of leads) {
    sentAt.set(lead.externalId, performance.now());
    await post(`mutation($i: [EventInput!]!) { trackEvents(input: $i) { accepted } }`, {
      i: [{ leadExternalId: lead.externalId, type: 'page_view', properties: { path: '/pricing' } }],
    });
    await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.all(subscribers.map((sub) => sub.take(CROSSINGS, 30_000)));

  const all = [...latencies].sort((x, y) => x - y);
  const at = (q: number) => Math.round(all[Math.min(all.length - 1, Math.floor(q * all.length))] * 10) / 10;
  const results = {
    machine: `${process.platform} ${process.arch}, ${cpus().length} cores`,
    serverProcesses: 2,
    subscribers: SUBSCRIBERS,
    crossings: CROSSINGS,
    deliveries: all.length,
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
    target: 'p99 < 100 ms',
  };
  console.table({ 'crossing to subscriber (ms)': results.latencyMs });
  console.log(`${results.deliveries} deliveries to ${SUBSCRIBERS} subscribers on process B; target ${results.target}`);
  writeFileSync(path.join(__dirname, 'crossings-results.json'), JSON.stringify(results, null, 2));

  await Promise.all(subscribers.map((sub) => sub.close()));
  await Promise.all([a.stop(), b.stop()]);
  await bench.close();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
