// npm run bench [-- --profile small|large]: the performance targets of
// DESIGN.md measured side by side in one run, printed as a table beside their
// targets and written to bench/results.json.
//
//  - bulk rescore of a 20-rule model (bench/dslModel.ts) through the SQL backend
//    vs ONE hand-written SQL statement computing the same scores (checked equal
//    lead by lead), with EXPLAIN ANALYZE of both; peak memory during the rescore;
//  - JS backend vs json-rules-engine, per lead (the model of bench/dslModel.ts);
//  - trackEvents ingest through the real GraphQL server, batches of 1,000, rescoring on;
//  - the same ingest into a workspace with no published model (what storing alone costs);
//  - leads(first: 50, orderBy: TOTAL DESC, filter: {stage: "MQL"}) under concurrent load (autocannon);
//  - crossing-to-subscriber latency with two server processes (crossingBench.ts);
//  - COPY import of generated files (leadscore import), rows/s.
//
// Not in `npm test`. The small profile takes about a minute on 2 cores.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { DEFAULT_WORKSPACE_ID } from '../src/db/defaultWorkspace';
import { compileToSql } from '../src/dsl';
import { gradeCutoffs } from '../src/dsl/score';
import { compile } from '../src/sql';
import { loadModel, loadPublishedTarget } from '../src/scoring/scoringModel.store';
import { createServices } from '../src/services';
import { writeDatasetToDatabase } from '../src/cli/datasetWriters';
import { generateDataset } from '../src/cli/generator';
import { MODEL_SOURCE, SETTINGS } from './dslModel';
import { formatTable, median, mib, round, sampleMemory, timed, type TableRow } from './benchSupport';
import { openBenchDatabase } from './benchData';
import { HAND_WRITTEN_SELECT, HAND_WRITTEN_SETTINGS, HAND_WRITTEN_UPSERT } from './handWrittenSql';
import { measureImport } from './importBench';
import { measureIngest, measureLeadsQuery, startBenchServer } from './serverBench';
import { measureJsVsJsonRulesEngine } from './jsBench';
import { measureCrossings } from './crossingBench';

interface Profile {
  readonly leads: number;
  readonly events: number;
  /** Runs of each rescore variant (the median is reported). */
  readonly rescoreRuns: number;
  readonly ingestSeconds: number;
  readonly querySeconds: number;
  readonly importLeads: number;
  readonly importEvents: number;
}

const PROFILES: Record<'small' | 'large', Profile> = {
  small: { leads: 20_000, events: 200_000, rescoreRuns: 3, ingestSeconds: 8, querySeconds: 8, importLeads: 20_000, importEvents: 200_000 },
  large: { leads: 1_000_000, events: 10_000_000, rescoreRuns: 1, ingestSeconds: 20, querySeconds: 20, importLeads: 100_000, importEvents: 1_000_000 },
};

const SEED = 42;
const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main(): Promise<void> {
  const cli = new Command('bench')
    .addOption(new Option('--profile <name>', 'data size').choices(['small', 'large']).default('small'))
    .option('--port <n>', 'port of the bench embedded Postgres', '54379')
    .parse(process.argv)
    .opts<{ profile: 'small' | 'large'; port: string }>();
  const profile = PROFILES[cli.profile];
  const now = Date.now();
  const asOf = new Date(now);
  const results: Record<string, unknown> = { profile: cli.profile, ...profile, node: process.version, cpus: (await import('node:os')).cpus().length, startedAt: asOf.toISOString() };
  const rows: TableRow[] = [];

  const bench = await openBenchDatabase(Number(cli.port));
  const { db } = bench;
  try {
    const [{ version }] = await db.query(`SELECT current_setting('server_version') AS version`);
    results.postgres = version;
    log(`generating ${profile.leads} leads and ${profile.events} events (seed ${SEED}) into ${bench.schema}`);
    const gen = await timed(() => writeDatasetToDatabase(db, DEFAULT_WORKSPACE_ID, generateDataset({ leads: profile.leads, events: profile.events, seed: SEED, now })));
    results.generate = { ...gen.value, seconds: round(gen.ms / 1000, 1) };
    log(`generated in ${(gen.ms / 1000).toFixed(1)} s`);

    // ---- the 20-rule model, published (the first scoring of every lead)
    // No ingest rate limit: the bench measures what the service can take, not the per-key policy (INGEST_ITEMS_PER_MINUTE).
    const services = createServices(db, { maxBatchSize: 5000, now: () => new Date(), ingestItemsPerMinute: 1e12 });
    const cut = gradeCutoffs(SETTINGS.gradeBands, SETTINGS.maxScore);
    const [mql, sqlStage] = SETTINGS.thresholds;
    if (cut.a !== HAND_WRITTEN_SETTINGS.gradeA || cut.b !== HAND_WRITTEN_SETTINGS.gradeB || cut.c !== HAND_WRITTEN_SETTINGS.gradeC
      || mql.minScore !== HAND_WRITTEN_SETTINGS.mql || sqlStage.minScore !== HAND_WRITTEN_SETTINGS.sql || sqlStage.minFit !== HAND_WRITTEN_SETTINGS.sqlMinFit) {
      throw new Error('the hand-written statement no longer matches SETTINGS of bench/dslModel.ts');
    }
    const model = await services.modelAdmin.createScoringModel(DEFAULT_WORKSPACE_ID, {
      name: 'Bench: 20 rules',
      minScore: SETTINGS.minScore,
      maxScore: SETTINGS.maxScore,
      source: MODEL_SOURCE,
      thresholds: SETTINGS.thresholds.map((t) => ({ stage: t.stage, minScore: t.minScore, minFit: t.minFit })),
    });
    const publish = await timed(() => services.modelAdmin.publishModel(DEFAULT_WORKSPACE_ID, model.id));
    log(`published (first scoring of ${publish.value.outcome.rescored} leads) in ${(publish.ms / 1000).toFixed(1)} s`);
    await db.query(`VACUUM ANALYZE lead_scores`);
    await db.query(`VACUUM ANALYZE events`);
    await db.query(`VACUUM ANALYZE leads`);
    results.publishSeconds = round(publish.ms / 1000, 2);

    const target = (await loadPublishedTarget(db.manager, await loadModel(db.manager, DEFAULT_WORKSPACE_ID, model.id, 'none')))!;
    const backendSelect = compile(compileToSql(target.program, target.settings, { workspaceId: DEFAULT_WORKSPACE_ID, asOf }));
    const wrap = (text: string) => `SELECT count(*)::int AS n, sum(total) AS s FROM (${text}) x`;
    const handParams = [DEFAULT_WORKSPACE_ID, asOf.toISOString()];

    // ---- bulk rescore, side by side, alternating so both see the same cache state
    const times = { backendRescore: [] as number[], handUpsert: [] as number[], backendSelect: [] as number[], handSelect: [] as number[] };
    let memory = null as ReturnType<ReturnType<typeof sampleMemory>['stop']> | null;
    for (let run = 0; run < profile.rescoreRuns; run++) {
      const sampler = sampleMemory(bench.dataDir);
      const r = await timed(() => services.modelAdmin.rescore(DEFAULT_WORKSPACE_ID, model.id, asOf));
      const peak = sampler.stop();
      memory = memory === null || peak.serverHeap - peak.serverHeapBefore > memory.serverHeap - memory.serverHeapBefore ? peak : memory;
      times.backendRescore.push(r.ms);
      times.handUpsert.push((await timed(() => rolledBack(db, HAND_WRITTEN_UPSERT, [...handParams, model.id, target.version]))).ms);
      times.backendSelect.push((await timed(() => db.query(wrap(backendSelect.text), backendSelect.values))).ms);
      times.handSelect.push((await timed(() => db.query(wrap(HAND_WRITTEN_SELECT), handParams))).ms);
      log(`rescore run ${run + 1}: backend ${Math.round(r.ms)} ms, hand-written upsert ${Math.round(times.handUpsert[run])} ms, selects ${Math.round(times.backendSelect[run])} / ${Math.round(times.handSelect[run])} ms`);
    }
    // Equal scores: every lead's stored score (from the backend, at asOf) against the hand-written statement.
    const [{ differing, compared }] = await db.query(
      `SELECT count(*) FILTER (WHERE (h.fit, h.engagement, h.total, h.grade, h.stage) IS DISTINCT FROM (s.fit, s.engagement, s.total, s.grade, s.stage))::int AS differing,
              count(*)::int AS compared
       FROM (${HAND_WRITTEN_SELECT}) h FULL JOIN (SELECT * FROM lead_scores WHERE workspace_id = $1 AND model_id = $3) s ON s.lead_id = h.lead_id`,
      [...handParams, model.id],
    );
    if (differing > 0) throw new Error(`the hand-written statement and the SQL backend disagree on ${differing} of ${compared} leads`);
    const stages: { stage: string | null; n: number }[] = await db.query(
      `SELECT stage, count(*)::int AS n FROM lead_scores WHERE workspace_id = $1 AND model_id = $2 GROUP BY stage ORDER BY stage`,
      [DEFAULT_WORKSPACE_ID, model.id],
    );
    const explain = async (text: string, values: unknown[]) =>
      ((await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
    const rescore = {
      leads: compared,
      scoresEqual: true,
      stages,
      backendRescoreMs: round(median(times.backendRescore)),
      handWrittenUpsertMs: round(median(times.handUpsert)),
      ratio: round(median(times.backendRescore) / median(times.handUpsert)),
      backendSelectMs: round(median(times.backendSelect)),
      handWrittenSelectMs: round(median(times.handSelect)),
      selectRatio: round(median(times.backendSelect) / median(times.handSelect)),
      runs: times,
      peakMemory: memory,
      explain: { backendSelect: await explain(backendSelect.text, backendSelect.values), handWrittenSelect: await explain(HAND_WRITTEN_SELECT, handParams) },
    };
    results.bulkRescore = rescore;
    rows.push({
      metric: `bulk rescore, ${compared} leads, 20 rules: SQL backend / hand-written SQL (scores equal)`,
      value: `${round(rescore.ratio)}x (${Math.round(rescore.backendRescoreMs)} vs ${Math.round(rescore.handWrittenUpsertMs)} ms)`,
      target: '<= 1.5x',
      ok: rescore.ratio <= 1.5,
    });
    rows.push({
      metric: '  scoring SELECT only: backend / hand-written',
      value: `${round(rescore.selectRatio)}x (${Math.round(rescore.backendSelectMs)} vs ${Math.round(rescore.handWrittenSelectMs)} ms)`,
      target: '',
      ok: null,
    });
    rows.push({
      metric: '  memory during bulk rescore: server heap growth (peak - before), peaks',
      value: memory
        ? `heap +${mib(memory.serverHeap - memory.serverHeapBefore)} (${mib(memory.serverHeapBefore)} -> ${mib(memory.serverHeap)}), server RSS ${mib(memory.serverRss)}, Postgres RSS ${bench.dataDir ? mib(memory.postgresRss) : 'n/a'}`
        : '',
      target: '',
      ok: null,
    });

    // ---- JS backend vs json-rules-engine
    log('JS backend vs json-rules-engine');
    const js = await measureJsVsJsonRulesEngine();
    results.jsVsJsonRulesEngine = js;
    rows.push({
      metric: 'JS backend vs json-rules-engine, per lead (20 rules, 50 events)',
      value: `${js.speedup}x (${js.jsMicrosPerLead} vs ${js.jreMicrosPerLead} µs; ${js.differing}/${js.compared} differ)`,
      target: '>= 10x (bench/dsl.ts)',
      ok: js.speedup >= 10,
    });

    // ---- through the real GraphQL server
    const server = await startBenchServer(services, bench.url, bench.schema);
    try {
      log(`trackEvents ingest for ${profile.ingestSeconds} s`);
      const ingest = await measureIngest(server, profile.leads, profile.ingestSeconds, SEED);
      results.ingest = ingest;
      rows.push({
        metric: 'trackEvents ingest, batches of 1,000, rescoring on',
        value: `${ingest.eventsPerSecond} events/s (p50 batch ${ingest.batchP50Ms} ms)`,
        target: '>= 20,000 events/s',
        ok: ingest.eventsPerSecond >= 20_000,
      });
      // The same ingest into a workspace with no published model: what storing costs, without rescoring.
      log(`trackEvents ingest, rescoring off, for ${profile.ingestSeconds} s`);
      const reference = await measureIngest(server, REFERENCE_LEADS, profile.ingestSeconds, SEED, await referenceWorkspace(db, services, now));
      results.ingestRescoringOff = reference;
      rows.push({
        metric: `  same, rescoring off (a workspace of ${REFERENCE_LEADS} leads, no published model)`,
        value: `${reference.eventsPerSecond} events/s (p50 batch ${reference.batchP50Ms} ms)`,
        target: '',
        ok: null,
      });
      log(`leads query under load for ${profile.querySeconds} s`);
      const query = await measureLeadsQuery(server, profile.querySeconds);
      results.leadsQuery = query;
      rows.push({
        metric: `leads(first: 50, TOTAL DESC, stage MQL), ${query.connections} connections`,
        value: `p50 ${query.p50Ms} ms, p99 ${query.p99Ms} ms, ${query.requestsPerSecond} req/s`,
        target: 'p99 < 25 ms',
        ok: query.p99Ms < 25,
      });
    } finally {
      await server.stop();
    }

    // ---- crossing to subscriber, two server processes
    log('crossing-to-subscriber latency (2 server processes, 100 subscribers)');
    const crossings = await measureCrossings(db, bench.url, bench.schema);
    results.crossings = crossings;
    rows.push({
      metric: `crossing to subscriber, 2 server processes, ${crossings.subscribers} subscribers`,
      value: `p50 ${crossings.latencyMs.p50} ms, p99 ${crossings.latencyMs.p99} ms (${crossings.deliveries} deliveries)`,
      target: 'p99 < 100 ms',
      ok: crossings.latencyMs.p99 < 100,
    });

    // ---- COPY import
    log(`COPY import of ${profile.importLeads} leads and ${profile.importEvents} events`);
    const imported = await measureImport(db, profile.importLeads, profile.importEvents, SEED + 1, now);
    results.copyImport = imported;
    rows.push({ metric: 'COPY import (leadscore import), leads', value: `${imported.leadsPerSecond} rows/s`, target: '', ok: null });
    rows.push({ metric: 'COPY import (leadscore import), events', value: `${imported.eventsPerSecond} rows/s`, target: '', ok: null });
  } finally {
    await bench.close();
  }

  const table = formatTable(rows);
  const header = `npm run bench -- --profile ${cli.profile}: ${profile.leads} leads, ${profile.events} events; node ${process.version}, ${results.cpus} cores, PostgreSQL ${results.postgres}`;
  process.stdout.write(`\n${header}\n\n${table}\n`);
  results.table = rows;
  results.printed = `${header}\n\n${table}`;
  writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

const REFERENCE_WORKSPACE_ID = '00000000-0000-4000-8000-0000000be4c0';
const REFERENCE_LEADS = 20_000;

/** A second workspace, generated leads and no scoring model; returns request headers with a writer key of it. */
async function referenceWorkspace(db: import('typeorm').DataSource, services: ReturnType<typeof createServices>, now: number): Promise<Record<string, string>> {
  await db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Bench: rescoring off')`, [REFERENCE_WORKSPACE_ID]);
  await writeDatasetToDatabase(db, REFERENCE_WORKSPACE_ID, generateDataset({ leads: REFERENCE_LEADS, events: REFERENCE_LEADS * 10, seed: SEED, now }));
  const { key } = await services.apiKeys.createKey(REFERENCE_WORKSPACE_ID, 'bench', 'writer');
  return { 'content-type': 'application/json', authorization: `Bearer ${key}` };
}

/** Runs the statement in a transaction that is rolled back: the hand-written writes leave the backend's scores in place. */
async function rolledBack(db: import('typeorm').DataSource, text: string, values: unknown[]): Promise<void> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(text, values);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
