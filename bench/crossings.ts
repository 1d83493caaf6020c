// npm run bench:crossings — crossing-to-subscriber latency on its own (see
// crossingBench.ts; `npm run bench` measures it too), over an empty database:
// BENCH_SUBSCRIBERS (default 100) on process B, BENCH_CROSSINGS (default 100).
// Target (DESIGN.md): p99 under 100 ms. Prints a table and writes bench/crossings-results.json.

import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { openBenchDatabase } from './benchData';
import { measureCrossings } from './crossingBench';

async function main(): Promise<void> {
  const bench = await openBenchDatabase(54376);
  try {
    const measured = await measureCrossings(bench.db, bench.url, bench.schema, {
      subscribers: Number(process.env.BENCH_SUBSCRIBERS ?? 100),
      crossings: Number(process.env.BENCH_CROSSINGS ?? 100),
    });
    const results = { machine: `${process.platform} ${process.arch}, ${cpus().length} cores`, ...measured, target: 'p99 < 100 ms' };
    console.table({ 'crossing to subscriber (ms)': results.latencyMs });
    console.log(`${results.deliveries} deliveries to ${results.subscribers} subscribers on process B; target ${results.target}`);
    writeFileSync(path.join(__dirname, 'crossings-results.json'), JSON.stringify(results, null, 2));
  } finally {
    await bench.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
