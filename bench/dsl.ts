// npm run bench:dsl — compile time of a 200-rule source, JS backend
// evaluations per second on a 20-rule model over leads with 50 events, and the
// same model on json-rules-engine. Prints and writes bench/dsl-results.json.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileSource } from '../src/dsl';
import { planJs } from '../src/dsl/js';
import { compileToSql } from '../src/dsl/sql';
import { compile } from '../src/sql';
import { bigSource, jsonRulesEngine, makeLeads, MODEL_SOURCE, SETTINGS } from './dslModel';

const ASOF = Date.UTC(2025, 5, 1);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeMs(f: () => void, runs = 30, warmup = 5): number {
  for (let i = 0; i < warmup; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function main(): Promise<void> {
  // ---- compile: 200 rules
  const source = bigSource();
  const ruleCount = source.split('\n').length;
  const first = compileSource(source);
  if (first.program === null) throw new Error(`bench source does not compile: ${JSON.stringify(first.diagnostics.slice(0, 3))}`);
  const program200 = first.program;
  const compileSourceMs = timeMs(() => compileSource(source));
  const planJsMs = timeMs(() => planJs(program200, SETTINGS));
  const compileToSqlMs = timeMs(() => compile(compileToSql(program200, SETTINGS, { workspaceId: '00000000-0000-0000-0000-000000000000', asOf: new Date(ASOF) })));

  // ---- JS evaluations
  const model = compileSource(MODEL_SOURCE).program;
  if (model === null) throw new Error('bench model does not compile');
  const leads = makeLeads(2000, 50, ASOF);
  const score = planJs(model, SETTINGS);
  let sink = 0;
  for (const l of leads) sink += score(l.lead, l.events, ASOF).total; // warm-up
  const js = await rate(leads.length, 3000, () => {
    for (const l of leads) sink += score(l.lead, l.events, ASOF).total;
  });

  // ---- json-rules-engine, same model, same leads
  const jre = jsonRulesEngine();
  let mismatches = 0;
  for (const l of leads.slice(0, 500)) {
    const a = await jre({ lead: l.lead, events: l.events, asOf: ASOF });
    const b = score(l.lead, l.events, ASOF);
    if (JSON.stringify(a) !== JSON.stringify(b)) mismatches++;
  }
  const jreLeads = leads.slice(0, 200);
  const jreRate = await rate(jreLeads.length, 3000, async () => {
    for (const l of jreLeads) sink += (await jre({ lead: l.lead, events: l.events, asOf: ASOF })).total;
  });

  const results = {
    node: process.version,
    compile200: {
      rules: ruleCount,
      compileSourceMs: round(compileSourceMs),
      planJsMs: round(planJsMs),
      compileToSqlMs: round(compileToSqlMs),
      totalMs: round(compileSourceMs + planJsMs + compileToSqlMs),
      targetMs: 20,
    },
    js: { rules: 20, eventsPerLead: 50, leads: leads.length, ...js, target: 100_000 },
    jsonRulesEngine: {
      ...jreRate,
      resultsDifferingFromJsBackend: mismatches,
      comparedLeads: 500,
    },
    speedupOverJsonRulesEngine: round(js.evaluationsPerCpuSecond / jreRate.evaluationsPerCpuSecond),
    targetSpeedup: 10,
    sink: sink > 0,
  };
  console.log(JSON.stringify(results, null, 2));
  writeFileSync(path.join(__dirname, 'dsl-results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

/**
 * Evaluations per second of wall time and per second of this process's CPU
 * time (user + system): the CPU figure is the steadier one on a shared machine.
 */
async function rate(perRound: number, forMs: number, round: () => unknown): Promise<{ evaluationsPerSecond: number; evaluationsPerCpuSecond: number }> {
  let evaluations = 0;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - wall < forMs) {
    await round();
    evaluations += perRound;
  }
  const used = process.cpuUsage(cpu);
  return {
    evaluationsPerSecond: Math.round(evaluations / ((performance.now() - wall) / 1000)),
    evaluationsPerCpuSecond: Math.round(evaluations / ((used.user + used.system) / 1e6)),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
