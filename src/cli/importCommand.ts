// `leadscore import leads|events FILE`: the import with a progress bar on a
// terminal, a report of refused records, and resumable exactly once: the
// import's run (import_runs) moves with each batch's commit, the progress
// file names the run for --resume (importStart.ts).
// Exit code 0 when every record was imported, 2 when some were refused (the
// others are stored), 1 when the import failed (committed batches stay).

import { createWriteStream, statSync } from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { DataSource } from 'typeorm';
import { notifySink } from '../realtime/crossingSink';
import { LeadRescorer } from '../scoring/leadRescorer';
import type { Rejection } from './batch';
import { cliLogger, openCliDatabase } from './connect';
import type { ImportKind } from './fields';
import { importFile, type ImportSummary } from './importFile';
import type { ImportRun } from './importRuns';
import { startImport } from './importStart';
import { defaultProgressPath, readProgress, writeProgress } from './progressFile';
import { formatOf, type FileFormat } from './records';

export interface ImportCommandOptions {
  readonly format?: string;
  readonly batchSize: number;
  readonly fromLine?: number;
  readonly resume: boolean;
  readonly progressFile?: string;
  readonly report?: string;
  readonly rescore: boolean;
  readonly workspace: string;
  /** How many refused records to print (all go to --report). */
  readonly show: number;
  readonly quiet: boolean;
}

export async function runImport(kind: ImportKind, file: string, options: ImportCommandOptions): Promise<number> {
  const format = (options.format ?? formatOf(file)) as FileFormat | null;
  if (format !== 'csv' && format !== 'ndjson') throw new Error(`Cannot tell the format of ${file}: name it .csv or .ndjson, or pass --format csv|ndjson`);
  const progressPath = options.progressFile ?? defaultProgressPath(file);
  // Checked before the database opens: a progress file of another import is refused at once.
  const resumed = options.resume ? readProgress(progressPath, file, kind, options.workspace) : null;
  const database = await openCliDatabase(cliLogger());
  try {
    const run = await startImport({ db: database.dataSource, workspaceId: options.workspace, kind, file, progressPath, resumed, fromLine: options.fromLine, warn: (m) => process.stderr.write(m) });
    if (run.done) {
      process.stderr.write(`${file} was imported completely already (import run ${run.id}); nothing to do\n`);
      return 0;
    }
    const fromLine = Math.max(options.fromLine ?? 1, run.lastLine + 1);
    if (resumed && fromLine > 1) process.stderr.write(`resuming ${file} from line ${fromLine} (import run ${run.id})\n`);
    return await continueRun(database.dataSource, { kind, file, format, progressPath, run, fromLine }, options);
  } finally {
    await database.close();
  }
}

interface RunTarget {
  readonly kind: ImportKind;
  readonly file: string;
  readonly format: FileFormat;
  readonly progressPath: string;
  readonly run: ImportRun;
  /** Where the import starts (for the report file: appended to after line 1). */
  readonly fromLine: number;
}

/** Imports the rest of the run, with the bar, the report and the progress file. */
async function continueRun(db: DataSource, target: RunTarget, options: ImportCommandOptions): Promise<number> {
  const { kind, file, progressPath, run } = target;
  const size = statSync(file).size;
  const record = { file: path.resolve(file), size, kind, workspaceId: options.workspace, runId: run.id };
  const report = options.report ? createWriteStream(options.report, { flags: target.fromLine > 1 ? 'a' : 'w' }) : null;
  const bar = process.stderr.isTTY && !options.quiet ? new SingleBar({ format: `${kind} {bar} {percentage}% | {records} records | {rejected} refused | ETA {eta_formatted}`, stream: process.stderr }, Presets.shades_classic) : null;
  bar?.start(size, 0, { records: 0, rejected: 0 });
  let shown = 0;
  const onReject = (r: Rejection) => {
    report?.write(`${JSON.stringify(r)}\n`);
    if (shown++ < options.show) {
      bar?.stop();
      process.stderr.write(`line ${r.line}: ${r.reason}\n`);
    }
  };
  let summary: ImportSummary;
  try {
    summary = await importFile({
      db,
      workspaceId: options.workspace,
      kind,
      file,
      format: target.format,
      batchSize: options.batchSize,
      fromLine: options.fromLine,
      runId: run.id,
      rescorer: options.rescore ? new LeadRescorer(notifySink) : null,
      onReject,
      onCommitted: (p) => {
        writeProgress(progressPath, { ...record, lastLine: p.lastLine, done: false });
        bar?.update(p.bytesRead, { records: p.records, rejected: p.rejected });
      },
    });
    writeProgress(progressPath, { ...record, lastLine: summary.lastLine, done: true });
  } finally {
    bar?.stop();
    await new Promise((resolve) => (report ? report.end(resolve) : resolve(undefined)));
  }
  if (shown > options.show) process.stderr.write(`... and ${shown - options.show} more refused records${options.report ? ` (all in ${options.report})` : ' (--report FILE lists all)'}\n`);
  const seconds = summary.ms / 1000;
  const dup = kind === 'events' && summary.duplicates ? `, ${summary.duplicates} duplicates skipped` : '';
  process.stdout.write(
    `${kind}: ${summary.imported} imported, ${summary.rejected} refused${dup}, of ${summary.records} records from line ${summary.fromLine} in ${seconds.toFixed(1)} s (${Math.round(summary.records / Math.max(seconds, 1e-3))} records/s)\n`,
  );
  return summary.rejected > 0 ? 2 : 0;
}
