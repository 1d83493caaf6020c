// COPY import measured through the CLI's import (src/cli/importFile.ts):
// generated CSV files into a fresh workspace, validated row by row, in
// transactional batches of 5,000, without rescoring.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { writeDatasetFiles } from '../src/cli/datasetWriters';
import { generateDataset } from '../src/cli/generator';
import { importFile } from '../src/cli/importFile';
import { round } from './benchSupport';

export async function measureImport(db: DataSource, leads: number, events: number, seed: number, now: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'leadscore-import-'));
  try {
    const files = await writeDatasetFiles(generateDataset({ leads, events, seed, now }), dir, 'csv');
    const [{ id: workspaceId }] = await db.query(`INSERT INTO workspaces (name) VALUES ('bench import') RETURNING id`);
    const run = (kind: 'leads' | 'events', file: string) =>
      importFile({ db, workspaceId, kind, file, format: 'csv', batchSize: 5000, rescorer: null, now: () => now + 1000 });
    const l = await run('leads', files.leadsFile);
    const e = await run('events', files.eventsFile);
    if (l.rejected || e.rejected) throw new Error(`import refused ${l.rejected} leads and ${e.rejected} events of generated files`);
    return {
      leads: l.imported,
      events: e.imported,
      leadsSeconds: round(l.ms / 1000),
      eventsSeconds: round(e.ms / 1000),
      leadsPerSecond: Math.round(l.imported / (l.ms / 1000)),
      eventsPerSecond: Math.round(e.imported / (e.ms / 1000)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
