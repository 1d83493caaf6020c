// npm run bench:incremental — how trackEvents should rescore the leads it
// touches: the SQL backend on just those leads, or the JS backend over the
// leads and events loaded into the process. Measures both on the demo model
// (15 point rules) over demo data, then the whole trackEvents path (100 events
// for 100 leads: stored, rescored, crossings committed) against DESIGN.md's
// target of 50 ms at the median. Prints a table and writes bench/incremental-results.json.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_WORKSPACE_ID } from '../src/db/defaultWorkspace';
import { openBenchDatabase } from './benchData';
import { seedDemoModel } from '../src/demo/demoModel';
import { seedDemo } from '../src/demo/seedDemo';
import { planJs } from '../src/dsl';
import { notifySink } from '../src/realtime/crossingSink';
import { rescoreLeads, rescoreLeadsInProcess } from '../src/scoring/rescore';
import { loadModel, loadPublishedTarget } from '../src/scoring/scoringModel.store';
import { createServices } from '../src/services';

const LEADS = Number(process.env.BENCH_LEADS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);

async function main(): Promise<void> {
  const bench = await openBenchDatabase(54377);
  const db = bench.db;
  try {
    const services = createServices(db, { maxBatchSize: 5000 });
    const seeded = await seedDemo(db, DEFAULT_WORKSPACE_ID, { leads: LEADS, now: new Date() });
    await seedDemoModel(services.modelAdmin, services.models, DEFAULT_WORKSPACE_ID);
    // Steady state: the statistics autovacuum would have gathered after the load and the first scoring.
    await db.query(`VACUUM ANALYZE lead_scores`);
    const [{ id: modelId }] = await db.query(`SELECT id FROM scoring_models LIMIT 1`);
    const ids: string[] = (await db.query(`SELECT id FROM leads ORDER BY random()`)).map((r: { id: string }) => r.id);
    const target = (await loadPublishedTarget(db.manager, await loadModel(db.manager, DEFAULT_WORKSPACE_ID, modelId, 'none')))!;
    const score = planJs(target.program, target.settings);

    const sqlTimes: number[] = [];
    const jsTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const batch = ids.slice(round * BATCH, (round + 1) * BATCH);
      // SQL backend: one statement scores and stores the batch (rolled back, so rounds stay comparable).
      await rolledBack(db, async (tx) => {
        const t = performance.now();
        await rescoreLeads(tx, target, { asOf: new Date(), leadIds: batch, returnCrossings: true, sink: notifySink });
        sqlTimes.push(performance.now() - t);
      });
      // JS backend: load the leads and their events, score in the process, store like the SQL path.
      await rolledBack(db, async (tx) => {
        const t = performance.now();
        await rescoreLeadsInProcess(tx, target, score, { asOf: new Date(), leadIds: batch, returnCrossings: true, sink: notifySink });
        jsTimes.push(performance.now() - t);
      });
    }

    // The whole path: 100 events for 100 leads through the service (stored, rescored, crossings committed).
    const trackTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const batch = ids.slice((ROUNDS + round) * BATCH, (ROUNDS + round + 1) * BATCH);
      const input = batch.map((leadId) => ({ leadId, type: 'page_view', properties: { path: '/pricing' } }));
      const t = performance.now();
      await services.events.trackEvents(DEFAULT_WORKSPACE_ID, input);
      trackTimes.push(performance.now() - t);
    }

    const results = {
      machine: `${process.platform} ${process.arch}, ${require('node:os').cpus().length} cores`,
      leads: seeded.leads,
      events: seeded.events,
      batch: BATCH,
      rounds: ROUNDS,
      sqlBackendMs: summary(sqlTimes),
      jsBackendMs: summary(jsTimes),
      trackEventsMs: summary(trackTimes),
      target: 'trackEvents of 100 events for 100 leads: median < 50 ms',
    };
    console.table({
      [`SQL backend, ${BATCH} leads (score + store + crossings)`]: results.sqlBackendMs,
      [`JS backend, ${BATCH} leads (load + score + store + crossings)`]: results.jsBackendMs,
      [`trackEvents, ${BATCH} events / ${BATCH} leads (whole path)`]: results.trackEventsMs,
    });
    writeFileSync(path.join(__dirname, 'incremental-results.json'), JSON.stringify(results, null, 2));
  } finally {
    await bench.close();
  }
}

const ROLLBACK = Symbol('rollback');

/** Runs fn in a transaction that is always rolled back, so every round starts from the same data. */
async function rolledBack(db: DataSource, fn: (tx: EntityManager) => Promise<void>): Promise<void> {
  await db
    .transaction(async (tx) => {
      await fn(tx);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
  return { p50: at(0.5), p90: at(0.9), max: at(1) };
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
