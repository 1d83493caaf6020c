// The progress file of an import (FILE.progress.json): it names the import's
// run (import_runs) and what the run imports (file, size, kind, workspace), so
// `--resume` finds the run and never resumes a different import. How far the
// run got is the database's to say: `lastLine` and `done` here are a copy
// written after each commit, for people, and may lag by one batch.

import { existsSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { ImportKind } from './fields';

export interface ImportProgressRecord {
  /** Absolute path. */
  readonly file: string;
  readonly size: number;
  readonly kind: ImportKind;
  readonly workspaceId: string;
  /** The run in import_runs; absent in files written before runs existed. */
  readonly runId?: string;
  /** Every record starting on or before this line was handled when the file was written. */
  readonly lastLine: number;
  readonly done: boolean;
}

export function defaultProgressPath(file: string): string {
  return `${file}.progress.json`;
}

/** Replaces the file atomically (write, then rename), so a crash never leaves half a record. */
export function writeProgress(progressPath: string, record: ImportProgressRecord): void {
  const temporary = `${progressPath}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(temporary, progressPath);
}

/**
 * The progress file's record, or null when there is none.
 * Throws when it belongs to another file, size, kind or workspace.
 */
export function readProgress(progressPath: string, file: string, kind: ImportKind, workspaceId: string): ImportProgressRecord | null {
  if (!existsSync(progressPath)) return null;
  const record = JSON.parse(readFileSync(progressPath, 'utf8')) as ImportProgressRecord;
  const size = statSync(file).size;
  if (record.file !== path.resolve(file) || record.size !== size || record.kind !== kind || record.workspaceId !== workspaceId) {
    throw new Error(`${progressPath} records another import (${record.kind} of ${record.file}, ${record.size} bytes); remove it or pass --progress-file`);
  }
  return record;
}
