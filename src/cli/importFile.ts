// Imports a CSV or NDJSON file of leads or events, streamed, in batches.
//
// Contract:
// - Every record is validated with the API's rules (fields.ts); a refused
//   record is reported (line, reason) and not imported, the others go on.
// - Accepted records are written in batches, each in its own transaction:
//   a batch is stored whole or not at all, rescoring of its leads included
//   (when a rescorer is given), as a trackEvents / upsertLeads call would be.
// - Resumable: after each committed batch `onCommitted` is told the last line
//   the batch covers; starting again with fromLine = that + 1 skips what is
//   stored. (A crash between a commit and onCommitted repeats at most that
//   one batch: leads are upserts, events with an idempotencyKey are stored
//   once, events without one would be stored twice.)
// - The same lead twice in one batch (externalId or email) is refused, as the
//   API refuses it in one call; across batches the later record updates the lead.

import type { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import type { EventFields, LeadFields } from '../leads/lead.model';
import type { LeadRescorer } from '../scoring/leadRescorer';
import type { Rejection, StagedRow } from './batch';
import { writeEventBatch } from './eventBatch';
import { eventFromRecord, leadFromRecord, type ImportKind } from './fields';
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
  /** Skip records that start before this line (resuming); default 1. */
  readonly fromLine?: number;
  /** Rescore the batch's leads under every published model, in the batch's transaction; null: do not. */
  readonly rescorer: LeadRescorer | null;
  /** The clock (epoch ms) for validation and events given without occurredAt. */
  readonly now?: () => number;
  /** Each refused record, in line order, after its batch is committed. */
  readonly onReject?: (rejection: Rejection) => void;
  /** After each commit: the last line covered, the totals so far, and the bytes of the file read. */
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
  /** Events not stored because their (lead, idempotencyKey) was already stored (events only). */
  readonly duplicates: number;
  readonly batches: number;
  readonly ms: number;
}

export async function importFile(options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  const fromLine = options.fromLine ?? 1;
  const now = options.now ?? Date.now;
  const stream = readRecords(options.file, options.format);
  const totals = { records: 0, imported: 0, rejected: 0, duplicates: 0, batches: 0, lastLine: fromLine - 1 };
  // Refusals wait for their batch, so that those the database finds come in line order with the others.
  let refused: Rejection[] = [];
  const reject = (rejection: Rejection) => {
    refused.push(rejection);
  };
  let batch: StagedRow<LeadFields | EventFields>[] = [];
  const seen = new Map<string, number>();

  const flush = async (lastLine: number) => {
    if (batch.length) {
      const outcome = await writeBatch(options, batch, now());
      refused.push(...outcome.rejected);
      totals.imported += outcome.imported;
      totals.duplicates += outcome.duplicates;
      totals.batches++;
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
    if (batch.length >= batchSize) await flush(lastLine);
  }
  await flush(lastLine);
  return { ...totals, bytesRead: stream.bytesRead(), ms: performance.now() - started };
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

/** One transaction: the batch's rows, then the rescoring of their leads; rolled back whole on any error. */
async function writeBatch(
  options: ImportOptions,
  rows: readonly StagedRow<LeadFields | EventFields>[],
  now: number,
): Promise<{ rejected: Rejection[]; imported: number; duplicates: number }> {
  const runner = options.db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    let outcome: { rejected: Rejection[]; imported: number; duplicates: number; leadIds: string[] };
    if (options.kind === 'leads') {
      const r = await writeLeadBatch(client, options.workspaceId, rows as StagedRow<LeadFields>[]);
      outcome = { ...r, imported: rows.length - r.rejected.length, duplicates: 0 };
    } else {
      const r = await writeEventBatch(client, options.workspaceId, rows as StagedRow<EventFields>[], now);
      outcome = { ...r, imported: r.accepted, duplicates: rows.length - r.rejected.length - r.accepted };
    }
    if (options.rescorer && outcome.leadIds.length) await options.rescorer.rescore(runner.manager, options.workspaceId, outcome.leadIds);
    await runner.commitTransaction();
    return outcome;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
