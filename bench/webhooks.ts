// npm run bench:webhooks — webhook deliveries per second to a local receiver.
// N leads cross a stage in one trackEvents batch (N crossings, N deliveries
// queued in the same transaction); WebhookWorkers then deliver them to an HTTP
// receiver on 127.0.0.1 that answers 200 at once. Each run re-queues the same
// N deliveries and times start -> all recorded delivered in Postgres.
// Database: openBenchDatabase (DATABASE_URL in a schema of its own, else an
// embedded Postgres in a temporary folder). Prints and writes bench/webhooks-results.json.

import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_WORKSPACE_ID } from '../src/db/defaultWorkspace';
import { createLogger } from '../src/observability/logger';
import { WebhookWorker, type WebhookWorkerOptions } from '../src/realtime/webhookWorker';
import { createServices } from '../src/services';
import { freePort } from '../test/support/freePort';
import { openBenchDatabase } from './benchData';

const N = Number(process.env.BENCH_WEBHOOKS ?? 2000);
const WS = DEFAULT_WORKSPACE_ID;

interface Run {
  name: string;
  workers: number;
  concurrency: number;
}
const RUNS: Run[] = [
  { name: 'one worker, default concurrency (20)', workers: 1, concurrency: 20 },
  { name: 'one worker, concurrency 50', workers: 1, concurrency: 50 },
  { name: 'two workers (as two processes would), concurrency 20 each', workers: 2, concurrency: 20 },
];

async function main(): Promise<void> {
  const bench = await openBenchDatabase(await freePort());
  const { db } = bench;
  const receiver = await startReceiver();
  try {
    const services = createServices(db, { maxBatchSize: Math.max(5000, N) });
    const model = await services.modelAdmin.createScoringModel(WS, {
      name: 'Bench',
      source: '+50 when visited("/pricing")',
      thresholds: [{ stage: 'MQL', minScore: 40 }],
    });
    await services.modelAdmin.publishModel(WS, model.id);
    await services.webhooks.createWebhook(WS, { url: `${receiver.url}/hook` });
    const externalIds = Array.from({ length: N }, (_, i) => `bench-${i}`);
    await services.leads.upsertLeads(WS, externalIds.map((externalId) => ({ externalId, email: `${externalId}@example.com` })));

    const queuedAt = performance.now();
    const tracked = await services.events.trackEvents(
      WS,
      externalIds.map((leadExternalId) => ({ leadExternalId, type: 'page_view', properties: { path: '/pricing' } })),
    );
    const ingestMs = performance.now() - queuedAt;
    const [{ queued }] = await db.query(`SELECT count(*)::int AS queued FROM webhook_deliveries WHERE status = 'pending'`);
    if (queued !== N) throw new Error(`expected ${N} queued deliveries, found ${queued} (${tracked.rescoredLeads} leads rescored)`);

    const logger = createLogger('silent');
    const results = [];
    for (const run of RUNS) {
      await db.query(`UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), delivered_at = NULL`);
      receiver.received = 0;
      const options: WebhookWorkerOptions = { concurrency: run.concurrency };
      const workers = Array.from({ length: run.workers }, () => new WebhookWorker(db, logger, options));
      const started = performance.now();
      for (const w of workers) w.start();
      await until(async () => (await db.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'delivered'`))[0].n === N);
      const seconds = (performance.now() - started) / 1000;
      await Promise.all(workers.map((w) => w.stop()));
      const [{ attempts }] = await db.query(`SELECT sum(attempts)::int AS attempts FROM webhook_deliveries`);
      results.push({ ...run, deliveries: N, seconds: round(seconds), perSecond: Math.round(N / seconds), requests: receiver.received, attempts });
      console.log(`${run.name}: ${N} deliveries in ${seconds.toFixed(2)} s = ${Math.round(N / seconds)}/s (${receiver.received} requests)`);
    }
    const output = {
      node: process.version,
      database: bench.dataDir ? 'embedded PostgreSQL 17 (127.0.0.1)' : 'DATABASE_URL',
      deliveries: N,
      queueing: { crossings: N, trackEventsMsIncludingQueue: Math.round(ingestMs) },
      runs: results,
    };
    writeFileSync(path.join(__dirname, 'webhooks-results.json'), `${JSON.stringify(output, null, 2)}\n`);
    console.log(JSON.stringify(output, null, 2));
  } finally {
    await receiver.close();
    await bench.close();
  }
}

/** A receiver that answers 200 to every POST after reading its body. */
async function startReceiver(): Promise<{ url: string; received: number; close(): Promise<void> }> {
  const state = { url: '', received: 0, close: async () => undefined as void };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.received++;
      res.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** Polls every 20 ms, for at most 10 minutes. */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 30_000; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('deliveries did not finish within 10 minutes');
}

const round = (x: number) => Math.round(x * 1000) / 1000;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
