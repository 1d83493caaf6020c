// npm run bench:webhooks — webhook deliveries per second to a local receiver.
// N leads cross a stage in one trackEvents batch (N crossings, N deliveries
// queued in the same transaction); WebhookWorkers then deliver them to an HTTP
// receiver on 127.0.0.1 that answers 200 at once. Each run re-queues the same
// N deliveries and times start -> all recorded delivered in Postgres.
// Uses DATABASE_URL when set (in a schema of its own, dropped at the end), else
// an embedded Postgres in a temporary folder. Prints and writes bench/webhooks-results.json.

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDataSource } from '../src/db/dataSource';
import { DEFAULT_WORKSPACE_ID, ensureDefaultWorkspace } from '../src/db/defaultWorkspace';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embeddedPostgres';
import { createLogger } from '../src/observability/logger';
import { WebhookWorker, type WebhookWorkerOptions } from '../src/realtime/webhookWorker';
import { createServices } from '../src/services';

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
  let embedded: EmbeddedPostgres | null = null;
  let tempDir: string | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    tempDir = mkdtempSync(path.join(tmpdir(), 'leadscore-bench-'));
    chmodSync(tempDir, 0o755); // Postgres runs as `postgres` when we are root
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), port: await freePort(), persistent: false });
    url = embedded.url;
  }
  const schema = `bench_wh_${randomBytes(4).toString('hex')}`;
  const setup = createDataSource({ url });
  await setup.initialize();
  await setup.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
  await setup.query(`CREATE SCHEMA ${schema}`);
  await setup.destroy();
  const db = createDataSource({ url, schema, poolSize: 10 });
  await db.initialize();
  const receiver = await startReceiver();
  try {
    await db.runMigrations({ transaction: 'all' });
    await ensureDefaultWorkspace(db);
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
      database: embedded ? 'embedded PostgreSQL 17 (127.0.0.1)' : 'DATABASE_URL',
      deliveries: N,
      queueing: { crossings: N, trackEventsMsIncludingQueue: Math.round(ingestMs) },
      runs: results,
    };
    writeFileSync(path.join(__dirname, 'webhooks-results.json'), `${JSON.stringify(output, null, 2)}\n`);
    console.log(JSON.stringify(output, null, 2));
  } finally {
    await receiver.close();
    await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await db.destroy();
    await embedded?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
