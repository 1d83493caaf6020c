// `leadscore import leads|events FILE`: the import with a progress bar on a
// terminal, a report of refused records, and a progress file for --resume.
// Exit code 0 when every record was imported, 2 when some were refused (the
// others are stored), 1 when the import failed (committed batches stay).

import { createWriteStream, statSync } from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { notifySink } from '../realtime/crossingSink';
import { LeadRescorer } from '../scoring/leadRescorer';
import type { Rejection } from './batch';
import { cliLogger, openCliDatabase } from './connect';
import type { ImportKind } from './fields';
import { importFile, type ImportSummary } from './importFile';
import { defaultProgressPath, resumeLine, writeProgress } from './progressFile';
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
  const size = statSync(file).size;
  const progressPath = options.progressFile ?? defaultProgressPath(file);
  let fromLine = options.fromLine ?? 1;
  if (options.resume) {
    const resumed = resumeLine(progressPath, file, kind, options.workspace);
    if (resumed.done) {
      process.stderr.write(`${file} was imported completely already (${progressPath}); nothing to do\n`);
      return 0;
    }
    fromLine = Math.max(fromLine, resumed.fromLine);
    if (fromLine > 1) process.stderr.write(`resuming ${file} from line ${fromLine}\n`);
  }

  const logger = cliLogger();
  const database = await openCliDatabase(logger);
  const report = options.report ? createWriteStream(options.report, { flags: fromLine > 1 ? 'a' : 'w' }) : null;
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
  let summary: ImportSummary | null = null;
  try {
    summary = await importFile({
      db: database.dataSource,
      workspaceId: options.workspace,
      kind,
      file,
      format,
      batchSize: options.batchSize,
      fromLine,
      rescorer: options.rescore ? new LeadRescorer(notifySink) : null,
      onReject,
      onCommitted: (p) => {
        writeProgress(progressPath, { file: path.resolve(file), size, kind, workspaceId: options.workspace, lastLine: p.lastLine, imported: p.imported, rejected: p.rejected, done: false });
        bar?.update(p.bytesRead, { records: p.records, rejected: p.rejected });
      },
    });
    writeProgress(progressPath, { file: path.resolve(file), size, kind, workspaceId: options.workspace, lastLine: summary.lastLine, imported: summary.imported, rejected: summary.rejected, done: true });
  } finally {
    bar?.stop();
    await new Promise((resolve) => (report ? report.end(resolve) : resolve(undefined)));
    await database.close();
  }
  if (shown > options.show) process.stderr.write(`... and ${shown - options.show} more refused records${options.report ? ` (all in ${options.report})` : ' (--report FILE lists all)'}\n`);
  const seconds = summary.ms / 1000;
  const dup = kind === 'events' && summary.duplicates ? `, ${summary.duplicates} duplicates skipped` : '';
  process.stdout.write(
    `${kind}: ${summary.imported} imported, ${summary.rejected} refused${dup}, of ${summary.records} records from line ${fromLine} in ${seconds.toFixed(1)} s (${Math.round(summary.records / Math.max(seconds, 1e-3))} records/s)\n`,
  );
  return summary.rejected > 0 ? 2 : 0;
}
