// The progress file of an import: written after every committed batch, it
// records the last line stored, so `--resume` continues after it. It names
// the file, its size and the kind, so it never resumes a different import.

import { existsSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { ImportKind } from './fields';

export interface ImportProgressRecord {
  readonly file: string;
  readonly size: number;
  readonly kind: ImportKind;
  readonly workspaceId: string;
  /** Every record starting on or before this line is handled (stored or reported). */
  readonly lastLine: number;
  readonly imported: number;
  readonly rejected: number;
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
 * The line to resume from (lastLine + 1), or 1 when there is no progress file.
 * Throws when the progress file belongs to another file, size, kind or workspace.
 */
export function resumeLine(progressPath: string, file: string, kind: ImportKind, workspaceId: string): { fromLine: number; done: boolean } {
  if (!existsSync(progressPath)) return { fromLine: 1, done: false };
  const record = JSON.parse(readFileSync(progressPath, 'utf8')) as ImportProgressRecord;
  const size = statSync(file).size;
  if (record.file !== path.resolve(file) || record.size !== size || record.kind !== kind || record.workspaceId !== workspaceId) {
    throw new Error(`${progressPath} records another import (${record.kind} of ${record.file}, ${record.size} bytes); remove it or pass --progress-file`);
  }
  return { fromLine: record.lastLine + 1, done: record.done };
}
