// Where a `leadscore import` starts: a new run, or the run its progress file
// names (--resume). The run in the database says how far an import got; the
// progress file only says which run that is.

import { statSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { ImportKind } from './fields';
import { createImportRun, findImportRun, type ImportRun } from './importRuns';
import { writeProgress, type ImportProgressRecord } from './progressFile';

export interface StartOptions {
  readonly db: DataSource;
  readonly workspaceId: string;
  readonly kind: ImportKind;
  readonly file: string;
  readonly progressPath: string;
  /** The progress file's record when resuming (readProgress: already checked to be this import's), else null. */
  readonly resumed: ImportProgressRecord | null;
  /** A new run starts after the line before this one (default 1). */
  readonly fromLine?: number;
  /** Told when an old progress file (no run) is resumed: its last batch may be repeated. */
  readonly warn: (message: string) => void;
}

/**
 * The run to import with. Resuming: the run the progress file names, as the
 * database has it (throws when the database does not have it). A progress
 * file without a run (written before runs existed) is trusted one last time:
 * a new run starts where it says, with a warning. Otherwise a new run. A new
 * run is written to the progress file before anything is imported.
 */
export async function startImport(options: StartOptions): Promise<ImportRun> {
  const { db, workspaceId, kind, progressPath, resumed } = options;
  if (resumed?.runId !== undefined) {
    const run = await findImportRun(db, workspaceId, resumed.runId);
    if (!run) throw new Error(`${progressPath} names import run ${resumed.runId}, which this database does not have; remove it to import from the start`);
    return run;
  }
  if (resumed) {
    options.warn(
      `${progressPath} names no import run (written by an older leadscore): resuming after its line ${resumed.lastLine}; ` +
        'if the last import stopped between a commit and its progress write, the batch after that line is stored again (events without an idempotencyKey twice)\n',
    );
  }
  const file = path.resolve(options.file);
  const size = statSync(file).size;
  const run = await createImportRun(db, workspaceId, { kind, file, size, lastLine: resumed ? resumed.lastLine : (options.fromLine ?? 1) - 1, done: resumed?.done ?? false });
  writeProgress(progressPath, { file, size, kind, workspaceId, runId: run.id, lastLine: run.lastLine, done: run.done });
  return run;
}
