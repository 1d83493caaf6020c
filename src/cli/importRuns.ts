// The import_runs table: where an import's progress lives. A batch's
// transaction moves its run (moveRun), so the database always knows the last
// line handled, whatever happens to the process after the commit.

import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { isUuid } from '../db/uuid';
import type { ImportKind } from './fields';

export interface ImportRun {
  readonly id: string;
  readonly kind: ImportKind;
  /** The file's absolute path and size when the run was created. */
  readonly file: string;
  readonly size: number;
  /** Every record starting on or before this line is handled (stored or refused). */
  readonly lastLine: number;
  /** Totals over the run's attempts since it was created. */
  readonly imported: number;
  readonly rejected: number;
  readonly done: boolean;
}

export interface NewImportRun {
  readonly kind: ImportKind;
  readonly file: string;
  readonly size: number;
  /** Lines already handled (a --from-line start, or an old progress file's); default 0. */
  readonly lastLine?: number;
  /** Created done (an old progress file's finished import); default false. */
  readonly done?: boolean;
}

/** One step of a run: from the line it was at to the line it moves to, with the counts of the step. */
export interface RunStep {
  readonly from: number;
  readonly to: number;
  readonly imported: number;
  readonly rejected: number;
  /** The step ends the file: the run is done. */
  readonly done: boolean;
}

export async function createImportRun(db: DataSource, workspaceId: string, run: NewImportRun): Promise<ImportRun> {
  const lastLine = run.lastLine ?? 0;
  const done = run.done ?? false;
  const [row] = await db.query(
    `INSERT INTO import_runs (workspace_id, kind, file, size, last_line, done) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [workspaceId, run.kind, run.file, run.size, lastLine, done],
  );
  return { id: row.id, kind: run.kind, file: run.file, size: run.size, lastLine, imported: 0, rejected: 0, done };
}

/** The run, or null when the workspace has none with this id (or the id is not a uuid). */
export async function findImportRun(db: DataSource, workspaceId: string, id: string): Promise<ImportRun | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.query(
    `SELECT id, kind, file, size, last_line, imported, rejected, done FROM import_runs WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  if (!row) return null;
  return { id: row.id, kind: row.kind, file: row.file, size: Number(row.size), lastLine: row.last_line, imported: row.imported, rejected: row.rejected, done: row.done };
}

/**
 * Moves the run by one step, on the caller's connection (inside the batch's
 * transaction). Compare-and-set: it moves only a run still at `step.from` and
 * not done; otherwise (another process moved it since) it throws, and the
 * caller's rollback keeps the batch from being stored a second time. A
 * concurrent mover holds the row lock until it ends, so the check sees its
 * commit.
 */
export async function moveRun(client: PoolClient, workspaceId: string, runId: string, step: RunStep): Promise<void> {
  const result = await client.query(
    `UPDATE import_runs
     SET last_line = $4, imported = imported + $5, rejected = rejected + $6, done = $7, updated_at = now()
     WHERE workspace_id = $1 AND id = $2 AND last_line = $3 AND NOT done`,
    [workspaceId, runId, step.from, step.to, step.imported, step.rejected, step.done],
  );
  if (result.rowCount !== 1) {
    throw new Error(`import run ${runId} is no longer at line ${step.from} (another process moved it on, or it is gone); nothing of this batch is stored`);
  }
}
