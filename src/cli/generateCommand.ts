// `leadscore generate` / `npm run generate -- --leads N --events M --seed S`:
// a deterministic data set into the database (default) or into files (--out DIR).

import type { Command } from 'commander';
import { DEFAULT_WORKSPACE_ID } from '../db/defaultWorkspace';
import { cliLogger, openCliDatabase } from './connect';
import { writeDatasetFiles, writeDatasetToDatabase } from './datasetWriters';
import { generateDataset } from './generator';
import { integer } from './options';

export interface GenerateOptions {
  readonly leads: number;
  readonly events: number;
  readonly seed: number;
  readonly now?: string;
  readonly out?: string;
  readonly format: 'csv' | 'ndjson';
  readonly workspace: string;
}

/** The data's present: --now, or the start of today (UTC), so a seed gives the same data all day. */
function presentOf(now: string | undefined): number {
  if (now === undefined) return Math.floor(Date.now() / 86_400_000) * 86_400_000;
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new Error(`--now: not a timestamp: ${now}`);
  return ms;
}

export async function runGenerate(options: GenerateOptions): Promise<number> {
  const started = performance.now();
  const dataset = generateDataset({ leads: options.leads, events: options.events, seed: options.seed, now: presentOf(options.now) });
  let where: string;
  let counts;
  if (options.out) {
    const files = await writeDatasetFiles(dataset, options.out, options.format);
    counts = files;
    where = `${files.leadsFile} and ${files.eventsFile}`;
  } else {
    const database = await openCliDatabase(cliLogger());
    try {
      counts = await writeDatasetToDatabase(database.dataSource, options.workspace, dataset);
    } finally {
      await database.close();
    }
    where = `workspace ${options.workspace}`;
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`generated ${counts.leads} leads and ${counts.events} events (seed ${options.seed}) into ${where} in ${seconds.toFixed(1)} s\n`);
  return 0;
}

/** The generate options on a commander command (shared by the CLI and scripts/generate.ts). */
export function withGenerateOptions(command: Command): Command {
  return command
    .option('--leads <n>', 'number of leads', integer, 3000)
    .option('--events <n>', 'number of events, in all', integer, 60_000)
    .option('--seed <n>', 'PRNG seed: the same seed, counts and --now give the same data', integer, 42)
    .option('--now <iso>', "the data's present (default: start of today, UTC)")
    .option('--out <dir>', 'write leads.<format> and events.<format> into this folder instead of the database')
    .option('--format <format>', 'file format with --out: csv or ndjson', 'csv')
    .option('--workspace <id>', 'workspace to fill (must hold no leads)', DEFAULT_WORKSPACE_ID);
}
