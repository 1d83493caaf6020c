// Exactly-once resume of `leadscore import`: the import run (import_runs)
// moves in each batch's transaction, so a crash between a commit and the
// progress-file write stores nothing twice when `--resume` continues.

import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImport, type ImportCommandOptions } from '../../src/cli/importCommand';
import { importFile, type ImportOptions } from '../../src/cli/importFile';
import { findImportRun } from '../../src/cli/importRuns';
import { startImport } from '../../src/cli/importStart';
import { readProgress } from '../../src/cli/progressFile';
import { DEFAULT_WORKSPACE_ID, ensureDefaultWorkspace } from '../../src/db/defaultWorkspace';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/database';

const NOW = Date.UTC(2026, 0, 10);
const dir = mkdtempSync(path.join(tmpdir(), 'leadscore-resume-'));

/** A CSV of `n` events of this type for lead crm-1, without idempotency keys; event i has path /p{i} and starts on line i + 2. */
function eventsFile(type: string, n: number, extra: string[] = []): string {
  const lines = ['leadExternalId,type,occurredAt,properties.path'];
  for (let i = 0; i < n; i++) lines.push(`crm-1,${type},2026-01-01T00:00:${String(i).padStart(2, '0')}Z,/p${i}`);
  const p = path.join(dir, `${type}.csv`);
  writeFileSync(p, [...lines, ...extra].join('\n'));
  return p;
}

let t: TestDatabase;
const env = { ...process.env };
let stderr = '';
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureDefaultWorkspace(t.dataSource);
  await importFile({ ...base(), kind: 'leads', file: writeLeads(), format: 'csv' });
  // runImport connects the way the command does: to DATABASE_URL, in DATABASE_SCHEMA.
  process.env.DATABASE_URL = t.url;
  process.env.DATABASE_SCHEMA = t.schema;
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterAll(async () => {
  jest.restoreAllMocks();
  process.env = env;
  await dropTestDatabase(t);
});
beforeEach(() => {
  stderr = '';
});

function writeLeads(): string {
  const p = path.join(dir, 'leads.csv');
  writeFileSync(p, 'externalId,email\ncrm-1,ana@acme.io\n');
  return p;
}

function base(): Pick<ImportOptions, 'db' | 'workspaceId' | 'rescorer' | 'now'> {
  return { db: t.dataSource, workspaceId: DEFAULT_WORKSPACE_ID, rescorer: null, now: () => NOW };
}

function resumeOptions(progressFile: string): ImportCommandOptions {
  return { resume: true, progressFile, batchSize: 4, rescore: false, workspace: DEFAULT_WORKSPACE_ID, show: 20, quiet: true };
}

/** The paths of the stored events of this type, in insertion order: each /p{i} must appear once. */
async function storedPaths(type: string): Promise<string[]> {
  const rows = await t.dataSource.query(`SELECT properties->>'path' AS p FROM events WHERE type = $1 ORDER BY id`, [type]);
  return rows.map((r: { p: string }) => r.p);
}

const paths = (n: number) => Array.from({ length: n }, (_, i) => `/p${i}`);

describe('leadscore import --resume, exactly once', () => {
  it('stores a batch once when the process died between its commit and the progress write', async () => {
    const csv = eventsFile('crash_test', 10);
    const progressPath = `${csv}.progress.json`;
    const run = await startImport({ db: t.dataSource, workspaceId: DEFAULT_WORKSPACE_ID, kind: 'events', file: csv, progressPath, resumed: null, warn: () => undefined });
    // The command writes the progress file in onCommitted: dying there leaves it one batch behind.
    await expect(
      importFile({
        ...base(),
        kind: 'events',
        file: csv,
        format: 'csv',
        batchSize: 4,
        runId: run.id,
        onCommitted: () => {
          throw new Error('killed after the commit, before the progress write');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await storedPaths('crash_test')).toEqual(paths(4));
    expect(readProgress(progressPath, csv, 'events', DEFAULT_WORKSPACE_ID)).toMatchObject({ runId: run.id, lastLine: 0, done: false });
    expect(await findImportRun(t.dataSource, DEFAULT_WORKSPACE_ID, run.id)).toMatchObject({ lastLine: 5, imported: 4, done: false });

    expect(await runImport('events', csv, resumeOptions(progressPath))).toBe(0);
    expect(stderr).toContain(`resuming ${csv} from line 6`);
    expect(await storedPaths('crash_test')).toEqual(paths(10));
    expect(await findImportRun(t.dataSource, DEFAULT_WORKSPACE_ID, run.id)).toMatchObject({ lastLine: 11, imported: 10, rejected: 0, done: true });
    expect(readProgress(progressPath, csv, 'events', DEFAULT_WORKSPACE_ID)).toMatchObject({ runId: run.id, lastLine: 11, done: true });

    // Once done, resuming again imports nothing.
    expect(await runImport('events', csv, resumeOptions(progressPath))).toBe(0);
    expect(stderr).toContain('imported completely already');
    expect(await storedPaths('crash_test')).toEqual(paths(10));
  });

  it('a fresh import through the command records its run in the progress file and the database', async () => {
    const csv = eventsFile('fresh_test', 6);
    const progressPath = path.join(dir, 'fresh.progress.json');
    expect(await runImport('events', csv, { ...resumeOptions(progressPath), resume: false })).toBe(0);
    const progress = readProgress(progressPath, csv, 'events', DEFAULT_WORKSPACE_ID);
    expect(progress).toMatchObject({ lastLine: 7, done: true, runId: expect.any(String) });
    expect(await findImportRun(t.dataSource, DEFAULT_WORKSPACE_ID, progress!.runId!)).toMatchObject({ kind: 'events', file: csv, lastLine: 7, imported: 6, done: true });
    expect(await storedPaths('fresh_test')).toEqual(paths(6));
  });

  it('refuses a batch when another process moved the run on since (two resumes at once)', async () => {
    const csv = eventsFile('race_test', 10);
    const run = await startImport({ db: t.dataSource, workspaceId: DEFAULT_WORKSPACE_ID, kind: 'events', file: csv, progressPath: `${csv}.progress.json`, resumed: null, warn: () => undefined });
    let inner: Promise<unknown> | null = null;
    const options = { ...base(), kind: 'events' as const, file: csv, format: 'csv' as const, batchSize: 4, runId: run.id };
    await expect(
      importFile({
        ...options,
        // After this import's first batch (lines 2-5), a second one on the same run stores lines 6-9, then dies.
        onCommitted: async () => {
          inner ??= importFile({ ...options, onCommitted: () => Promise.reject(new Error('second import killed')) });
          await inner.catch(() => undefined);
        },
      }),
    ).rejects.toThrow(/no longer at line 5/);
    await expect(inner).rejects.toThrow('second import killed');
    expect(await storedPaths('race_test')).toEqual(paths(8));
    expect(await importFile(options)).toMatchObject({ fromLine: 10, imported: 2 });
    expect(await storedPaths('race_test')).toEqual(paths(10));
    expect(await findImportRun(t.dataSource, DEFAULT_WORKSPACE_ID, run.id)).toMatchObject({ lastLine: 11, imported: 10, done: true });
  });

  it('records the progress of a last flush that holds only refused records', async () => {
    // Lines 2-4 stored in one batch; lines 5-6 refused: the last flush has no row to write, yet moves the run.
    const csv = eventsFile('tail_test', 3, ['crm-1,1bad,,', 'crm-1,also bad!,,']);
    const run = await startImport({ db: t.dataSource, workspaceId: DEFAULT_WORKSPACE_ID, kind: 'events', file: csv, progressPath: `${csv}.progress.json`, resumed: null, warn: () => undefined });
    const summary = await importFile({ ...base(), kind: 'events', file: csv, format: 'csv', batchSize: 3, runId: run.id });
    expect(summary).toMatchObject({ batches: 1, imported: 3, rejected: 2, lastLine: 6 });
    expect(await findImportRun(t.dataSource, DEFAULT_WORKSPACE_ID, run.id)).toMatchObject({ lastLine: 6, imported: 3, rejected: 2, done: true });
  });

  it('resumes an old progress file (no run) from its own line with a warning, then with a run', async () => {
    const csv = eventsFile('old_test', 6);
    const progressPath = `${csv}.progress.json`;
    await importFile({ ...base(), kind: 'events', file: csv, format: 'csv', fromLine: 1, batchSize: 4, onCommitted: () => Promise.reject(new Error('killed')) }).catch(() => undefined);
    const { size } = statSync(csv);
    // As an older leadscore wrote it: no runId, its own counts.
    writeFileSync(progressPath, JSON.stringify({ file: csv, size, kind: 'events', workspaceId: DEFAULT_WORKSPACE_ID, lastLine: 5, imported: 4, rejected: 0, done: false }));
    expect(await runImport('events', csv, resumeOptions(progressPath))).toBe(0);
    expect(stderr).toMatch(/names no import run .*resuming after its line 5/);
    expect(await storedPaths('old_test')).toEqual(paths(6));
    const progress = JSON.parse(readFileSync(progressPath, 'utf8'));
    expect(progress).toMatchObject({ lastLine: 7, done: true, runId: expect.any(String) });
    expect(await findImportRun(t.dataSource, DEFAULT_WORKSPACE_ID, progress.runId)).toMatchObject({ lastLine: 7, imported: 2, done: true });
  });

  it('refuses a progress file naming a run this database does not have', async () => {
    const csv = eventsFile('lost_test', 2);
    const progressPath = `${csv}.progress.json`;
    const { size } = statSync(csv);
    writeFileSync(progressPath, JSON.stringify({ file: csv, size, kind: 'events', workspaceId: DEFAULT_WORKSPACE_ID, runId: '00000000-0000-4000-8000-000000000000', lastLine: 1, done: false }));
    await expect(runImport('events', csv, resumeOptions(progressPath))).rejects.toThrow(/names import run 00000000-.*which this database does not have/);
    expect(await storedPaths('lost_test')).toEqual([]);
  });
});
