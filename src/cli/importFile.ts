// Imports a CSV or NDJSON file of leads or events, streamed, in batches.
//
// Contract:
// - Every record is validated with the API's rules (fields.ts); a refused
//   record is reported (line, reason) and not imported, the others go on.
// - Accepted records are written in batches, each in its own transaction:
//   a batch is stored whole or not at all, rescoring of its leads included
//   (when a rescorer is given), as a trackEvents / upsertLeads call would be.
// - Resumable exactly once, given a run (import_runs, importRuns.ts): the
//   import starts after the run's last line, and each batch's transaction
//   also moves the run to the batch's last line, so the run says what is
//   stored whatever happens after the commit. A flush with no accepted
//   record (only refusals) moves the run in a transaction of its own, so the
//   run always knows the last line handled; the last flush marks it done. A
//   run moved on by someone else since (two resumes at once) fails the
//   batch, which stores nothing. A run already done imports nothing.
//   A refusal is reported (onReject) after its commit: a crash right after
//   the commit loses that report, not the count (the run's `rejected`).
// - Without a run, progress is only what `onCommitted` is told after each
//   commit: a crash between a commit and onCommitted repeats that batch when
//   started again after the last line it was told (events without an
//   idempotencyKey would be stored twice).
// - The same lead twice in one batch (externalId or email) is refused, as the
//   API refuses it in one call; across batches the later record updates the lead.

import type { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import type { EventFields, LeadFields } from '../leads/lead.model';
import type { LeadRescorer } from '../scoring/leadRescorer';
import type { Rejection, StagedRow } from './batch';
import { writeEventBatch } from './eventBatch';
import { eventFromRecord, leadFromRecord, type ImportKind } from './fields';
import { findImportRun, moveRun, type ImportRun, type RunStep } from './importRuns';
import { writeLeadBatch } from './leadBatch';
import { readRecords, type FileFormat } from './records';

export interface ImportOptions {
  readonly db: DataSource;
  readonly workspaceId: string;
  readonly kind: ImportKind;
  readonly file: string;
  readonly format: FileFormat;
  /** Records per transaction (default 5000). */
  readonly batchSize?: number;
  /** Skip records that start before this line; default 1 (with a run: the line after the run's last). */
  readonly fromLine?: number;
  /** The import run (import_runs) to continue and move with every batch; see the contract above. */
  readonly runId?: string;
  /** Rescore the batch's leads under every published model, in the batch's transaction; null: do not. */
  readonly rescorer: LeadRescorer | null;
  /** The clock (epoch ms) for validation and events given without occurredAt. */
  readonly now?: () => number;
  /** Each refused record, in line order, after its batch is committed. */
  readonly onReject?: (rejection: Rejection) => void;
  /** After each commit: the last line covered, this call's totals so far, and the bytes of the file read. */
  readonly onCommitted?: (progress: ImportProgress) => void | Promise<void>;
}

export interface ImportProgress {
  readonly lastLine: number;
  readonly records: number;
  readonly imported: number;
  readonly rejected: number;
  readonly bytesRead: number;
}

export interface ImportSummary extends ImportProgress {
  /** The first line considered (after the run's last line, when continuing a run). */
  readonly fromLine: number;
  /** Events not stored because their (lead, idempotencyKey) was already stored (events only). */
  readonly duplicates: number;
  readonly batches: number;
  readonly ms: number;
}

export async function importFile(options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const run = options.runId === undefined ? null : await openRun(options, options.runId);
  const fromLine = Math.max(options.fromLine ?? 1, run ? run.lastLine + 1 : 1);
  const totals = { records: 0, imported: 0, rejected: 0, duplicates: 0, batches: 0, lastLine: fromLine - 1 };
  if (run?.done) return { ...totals, fromLine, bytesRead: 0, ms: performance.now() - started };
  const batchSize = options.batchSize ?? 5000;
  const now = options.now ?? Date.now;
  const stream = readRecords(options.file, options.format);
  // The line the run stands at in the database: each flush moves it from here.
  let runLine = run?.lastLine ?? 0;
  // Refusals wait for their batch, so that those the database finds come in line order with the others.
  let refused: Rejection[] = [];
  const reject = (rejection: Rejection) => {
    refused.push(rejection);
  };
  let batch: StagedRow<LeadFields | EventFields>[] = [];
  const seen = new Map<string, number>();

  const flush = async (lastLine: number, final: boolean) => {
    if (batch.length || run) {
      const step = run && { runId: run.id, from: runLine, to: lastLine, refused: refused.length, done: final };
      const outcome = await writeBatch(options, batch, now(), step);
      refused.push(...outcome.rejected);
      totals.imported += outcome.imported;
      totals.duplicates += outcome.duplicates;
      if (batch.length) totals.batches++;
      runLine = lastLine;
    }
    for (const r of refused.sort((a, b) => a.line - b.line)) options.onReject?.(r);
    totals.rejected += refused.length;
    refused = [];
    totals.lastLine = lastLine;
    batch = [];
    seen.clear();
    await options.onCommitted?.({ ...totals, bytesRead: stream.bytesRead() });
  };

  let lastLine = totals.lastLine;
  for await (const record of stream.records) {
    if (record.line < fromLine) continue;
    totals.records++;
    lastLine = record.line;
    if (record.error !== undefined) {
      reject({ line: record.line, reason: `INVALID_RECORD: ${record.error}` });
      continue;
    }
    const converted = options.kind === 'leads' ? leadFromRecord(record.value) : eventFromRecord(record.value, now());
    if (converted.error !== undefined) {
      reject({ line: record.line, reason: converted.error });
      continue;
    }
    const twice = options.kind === 'leads' ? sameLeadTwice(converted.fields as LeadFields, record.line, seen) : null;
    if (twice) {
      reject({ line: record.line, reason: twice });
      continue;
    }
    batch.push({ line: record.line, fields: converted.fields });
    if (batch.length >= batchSize) await flush(lastLine, false);
  }
  await flush(lastLine, true);
  return { ...totals, fromLine, bytesRead: stream.bytesRead(), ms: performance.now() - started };
}

/** The run as the database has it; throws when the workspace has no such run or it imports another kind. */
async function openRun(options: ImportOptions, runId: string): Promise<ImportRun> {
  const run = await findImportRun(options.db, options.workspaceId, runId);
  if (!run) throw new Error(`No import run ${runId} in workspace ${options.workspaceId}`);
  if (run.kind !== options.kind) throw new Error(`Import run ${runId} imports ${run.kind}, not ${options.kind}`);
  return run;
}

/** The refusal when the batch already holds this externalId or email (case-insensitively), else null; records them. */
function sameLeadTwice(fields: LeadFields, line: number, seen: Map<string, number>): string | null {
  const externalId = fields.externalId?.trim();
  const email = fields.email?.trim();
  const keys: [string, string][] = [];
  if (externalId) keys.push([`x:${externalId}`, `externalId "${externalId}"`]);
  if (email) keys.push([`e:${email.toLowerCase()}`, `email "${email}"`]);
  for (const [key, named] of keys) {
    const earlier = seen.get(key);
    if (earlier !== undefined) return `INVALID_LEAD: ${named} already appears on line ${earlier} of this batch`;
  }
  for (const [key] of keys) seen.set(key, line);
  return null;
}

/** A run's step before the batch is written: `refused` counts the refusals found before the database. */
type PendingStep = Omit<RunStep, 'imported' | 'rejected'> & { readonly runId: string; readonly refused: number };

/**
 * One transaction: the batch's rows (none: only the run moves), the rescoring
 * of their leads, then the run's step; rolled back whole on any error.
 */
async function writeBatch(
  options: ImportOptions,
  rows: readonly StagedRow<LeadFields | EventFields>[],
  now: number,
  step: PendingStep | null,
): Promise<{ rejected: Rejection[]; imported: number; duplicates: number }> {
  const runner = options.db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    let outcome: { rejected: Rejection[]; imported: number; duplicates: number; leadIds: string[] };
    if (!rows.length) {
      outcome = { rejected: [], imported: 0, duplicates: 0, leadIds: [] };
    } else if (options.kind === 'leads') {
      const r = await writeLeadBatch(client, options.workspaceId, rows as StagedRow<LeadFields>[]);
      outcome = { ...r, imported: rows.length - r.rejected.length, duplicates: 0 };
    } else {
      const r = await writeEventBatch(client, options.workspaceId, rows as StagedRow<EventFields>[], now);
      outcome = { ...r, imported: r.accepted, duplicates: rows.length - r.rejected.length - r.accepted };
    }
    if (options.rescorer && outcome.leadIds.length) await options.rescorer.rescore(runner.manager, options.workspaceId, outcome.leadIds);
    if (step) {
      const { runId, refused, ...line } = step;
      await moveRun(client, options.workspaceId, runId, { ...line, imported: outcome.imported, rejected: refused + outcome.rejected.length });
    }
    await runner.commitTransaction();
    return outcome;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
