// leadscore import on a real Postgres: refused rows reported and not stored,
// batches whole, resuming after a partial import, rescoring of touched leads.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_WORKSPACE_ID, ensureDefaultWorkspace } from '../../src/db/defaultWorkspace';
import type { Rejection } from '../../src/cli/batch';
import { importFile, type ImportOptions } from '../../src/cli/importFile';
import { readProgress, writeProgress } from '../../src/cli/progressFile';
import { notifySink } from '../../src/realtime/crossingSink';
import { LeadRescorer } from '../../src/scoring/leadRescorer';
import { ScoringModelService } from '../../src/scoring/scoringModel.service';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/database';

const NOW = Date.UTC(2026, 0, 10);
const dir = mkdtempSync(path.join(tmpdir(), 'leadscore-import-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureDefaultWorkspace(t.dataSource);
});
afterAll(async () => {
  await dropTestDatabase(t);
});

async function run(options: Partial<ImportOptions> & Pick<ImportOptions, 'kind' | 'file' | 'format'>) {
  const rejected: Rejection[] = [];
  const summary = await importFile({ db: t.dataSource, workspaceId: DEFAULT_WORKSPACE_ID, rescorer: null, now: () => NOW, onReject: (r) => rejected.push(r), ...options });
  return { summary, rejected };
}

const LEADS_CSV = [
  'externalId,email,firstName,company,employees,attributes.plan,created_at',
  'crm-1,ana@acme.io,Ana,Acme,250,trial,2025-12-01T10:00:00Z',
  'crm-2,not-an-email,Bob,Globex,10,,',
  'crm-3,li@example.cn,李,"Example, Inc.",-5,,',
  'crm-4,zoe@initech.com,Zoë,Initech,x,,',
  'crm-5,ANA@acme.io,Ann,Acme,,,',
  'crm-6,jo@umbrella.com,"Jo ""JJ""",Umbrella,40,pro,yesterday',
  ',,Nobody,,,,',
  'crm-7,kai@hooli.com,Kai,Hooli,,,',
].join('\n');

describe('leadscore import', () => {
  it('imports the valid leads of a CSV and reports every refused row with its line and reason', async () => {
    const { summary, rejected } = await run({ kind: 'leads', file: file('leads.csv', LEADS_CSV), format: 'csv' });
    expect(rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(rejected[0].reason).toMatch(/^INVALID_LEAD: .*not an email address/);
    expect(rejected[1].reason).toMatch(/employees cannot be negative/);
    expect(rejected[2].reason).toMatch(/employees must be an integer/);
    expect(rejected[3].reason).toMatch(/email "ANA@acme.io" already appears on line 2/);
    expect(rejected[4].reason).toMatch(/createdAt must be an ISO 8601 timestamp/);
    expect(rejected[5].reason).toMatch(/give an externalId or an email/);
    expect(summary).toMatchObject({ records: 8, imported: 2, rejected: 6, lastLine: 9 });
    const rows = await t.dataSource.query(`SELECT external_id, email, first_name, company, employees, attributes, created_at FROM leads ORDER BY external_id`);
    expect(rows).toEqual([
      { external_id: 'crm-1', email: 'ana@acme.io', first_name: 'Ana', company: 'Acme', employees: 250, attributes: { plan: 'trial' }, created_at: new Date('2025-12-01T10:00:00Z') },
      expect.objectContaining({ external_id: 'crm-7', email: 'kai@hooli.com', employees: null, attributes: {} }),
    ]);
  });

  it('updates leads matched by externalId or email and refuses an email owned by another externalId', async () => {
    const ndjson = [
      JSON.stringify({ externalId: 'crm-1', title: 'CTO', attributes: { seats: 3 } }),
      JSON.stringify({ email: 'KAI@hooli.com', title: 'CEO' }),
      JSON.stringify({ externalId: 'crm-8', email: 'ana@acme.io' }),
      '{not json',
    ].join('\n');
    const { summary, rejected } = await run({ kind: 'leads', file: file('leads.ndjson', ndjson), format: 'ndjson' });
    expect(rejected).toEqual([
      { line: 3, reason: 'INVALID_LEAD: email "ana@acme.io" belongs to the lead with externalId "crm-1", not "crm-8"' },
      expect.objectContaining({ line: 4, reason: expect.stringMatching(/^INVALID_RECORD: not JSON/) }),
    ]);
    expect(summary.imported).toBe(2);
    const [ana] = await t.dataSource.query(`SELECT title, company, attributes FROM leads WHERE external_id = 'crm-1'`);
    expect(ana).toEqual({ title: 'CTO', company: 'Acme', attributes: { plan: 'trial', seats: 3 } });
    const [kai] = await t.dataSource.query(`SELECT external_id, title FROM leads WHERE lower(email) = 'kai@hooli.com'`);
    expect(kai).toEqual({ external_id: 'crm-7', title: 'CEO' });
  });

  it('imports NDJSON events by externalId or email, refuses bad ones, keeps last activity and rescores the leads', async () => {
    const models = new ScoringModelService(t.dataSource, notifySink, () => new Date(NOW));
    const model = await models.createScoringModel(DEFAULT_WORKSPACE_ID, {
      name: 'Import test',
      source: '+10 when visited("/pricing")',
      thresholds: [{ stage: 'MQL', minScore: 10 }],
    });
    await models.publishModel(DEFAULT_WORKSPACE_ID, model.id);
    const events = [
      { leadExternalId: 'crm-1', type: 'page_view', occurredAt: '2026-01-05T10:00:00Z', properties: { path: '/pricing' }, idempotencyKey: 'k1' },
      { leadEmail: 'KAI@hooli.com', type: 'email_open', occurredAt: '2026-01-06T10:00:00.123Z' },
      { leadExternalId: 'nobody', type: 'page_view' },
      { leadExternalId: 'crm-1', type: '1bad', occurredAt: '2026-01-05T10:00:00Z' },
      { leadExternalId: 'crm-1', type: 'page_view', occurredAt: '1999-12-31T00:00:00Z' },
      { leadExternalId: 'crm-1', leadEmail: 'kai@hooli.com', type: 'page_view' },
      { leadExternalId: 'crm-1', type: 'page_view', occurredAt: '2026-01-05T10:00:00Z', properties: { path: '/pricing' }, idempotencyKey: 'k1' },
      { leadExternalId: 'crm-1', type: 'form_submit', properties: { form: 7 } },
    ].map((e) => JSON.stringify(e));
    const rescorer = new LeadRescorer(notifySink, () => new Date(NOW));
    const { summary, rejected } = await run({ kind: 'events', file: file('events.ndjson', events.join('\n')), format: 'ndjson', rescorer });
    expect(rejected.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [3, 'UNKNOWN_LEAD'],
      [4, 'INVALID_EVENT_TYPE'],
      [5, 'INVALID_TIMESTAMP'],
      [6, 'UNKNOWN_LEAD'],
      [8, 'INVALID_PROPERTIES'],
    ]);
    expect(rejected[0].reason).toBe('UNKNOWN_LEAD: no lead with leadExternalId "nobody" in this workspace');
    expect(summary).toMatchObject({ imported: 2, duplicates: 1, rejected: 5 });
    const leads = await t.dataSource.query(
      `SELECT l.external_id, a.last_activity_at, s.total, s.stage FROM leads l
       JOIN lead_activity a ON a.workspace_id = l.workspace_id AND a.lead_id = l.id
       LEFT JOIN lead_scores s ON s.lead_id = l.id AND s.model_id = $1 WHERE l.external_id IN ('crm-1', 'crm-7') ORDER BY 1`,
      [model.id],
    );
    expect(leads).toEqual([
      { external_id: 'crm-1', last_activity_at: new Date('2026-01-05T10:00:00Z'), total: 10, stage: 'MQL' },
      { external_id: 'crm-7', last_activity_at: new Date('2026-01-06T10:00:00.123Z'), total: 0, stage: null },
    ]);
  });

  it('without a run, resumes from a line: committed batches stay, the rest follows, nothing twice', async () => {
    const lines = ['leadExternalId,type,occurredAt,properties.path'];
    for (let i = 0; i < 10; i++) lines.push(`crm-7,resume_test,2026-01-0${1 + (i % 9)}T00:00:0${i}Z,/p${i}`);
    const csv = file('resume.csv', lines.join('\n'));
    const progressPath = `${csv}.progress.json`;
    let commits = 0;
    await expect(
      run({
        kind: 'events',
        file: csv,
        format: 'csv',
        batchSize: 4,
        onCommitted: (p) => {
          writeProgress(progressPath, { file: csv, size: 0, kind: 'events', workspaceId: DEFAULT_WORKSPACE_ID, lastLine: p.lastLine, done: false });
          if (++commits === 1) throw new Error('killed after the first batch');
        },
      }),
    ).rejects.toThrow('killed');
    const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE type = 'resume_test'`))[0].n;
    expect(await count()).toBe(4);
    // The progress file names another size: resuming from it is refused rather than guessed.
    expect(() => readProgress(progressPath, csv, 'events', DEFAULT_WORKSPACE_ID)).toThrow(/another import/);
    const { summary } = await run({ kind: 'events', file: csv, format: 'csv', batchSize: 4, fromLine: 6 });
    expect(summary).toMatchObject({ records: 6, imported: 6, lastLine: 11 });
    expect(await count()).toBe(10);
    const paths = await t.dataSource.query(`SELECT properties->>'path' AS p FROM events WHERE type = 'resume_test' ORDER BY id`);
    expect(paths.map((r: { p: string }) => r.p)).toEqual(Array.from({ length: 10 }, (_, i) => `/p${i}`));
  });

  it('stores nothing of a batch that fails (the batch is one transaction)', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM leads`))[0].n;
    const csv = file('fail.csv', 'externalId,email\nnew-1,new1@x.io\nnew-2,new2@x.io\n');
    await expect(
      importFile({
        db: t.dataSource,
        workspaceId: DEFAULT_WORKSPACE_ID,
        kind: 'leads',
        file: csv,
        format: 'csv',
        now: () => NOW,
        // A rescorer that fails after the rows are written: the whole batch must roll back.
        rescorer: { rescore: async () => Promise.reject(new Error('rescoring failed')) } as unknown as LeadRescorer,
      }),
    ).rejects.toThrow('rescoring failed');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM leads`))[0].n).toBe(before);
  });
});
