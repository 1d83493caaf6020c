import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeDatasetFiles } from '../../src/cli/datasetWriters';
import { generateDataset } from '../../src/cli/generator';

const NOW = Date.UTC(2026, 0, 1);

function snapshot(seed: number, leads = 300, events = 5000) {
  const dataset = generateDataset({ leads, events, seed, now: NOW });
  return [...dataset.eventsByLead()].map(({ lead, events: list }) => ({ lead, events: list }));
}

describe('data generator', () => {
  it('is deterministic for a seed, and another seed gives other data', () => {
    const a = snapshot(7);
    expect(JSON.stringify(snapshot(7))).toBe(JSON.stringify(a));
    expect(JSON.stringify(snapshot(8))).not.toBe(JSON.stringify(a));
  });

  it('gives exactly the events asked for, in the 120 days before now, with a long tail and silent leads', () => {
    const data = snapshot(3, 500, 12_345);
    const counts = data.map((d) => d.events.length);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(12_345);
    expect(counts.filter((c) => c === 0).length).toBeGreaterThan(20);
    expect(Math.max(...counts)).toBeGreaterThan(5 * (12_345 / 500));
    for (const { lead, events } of data) {
      for (const e of events) {
        expect(e.occurredAt).toBeGreaterThanOrEqual(lead.createdAt);
        expect(e.occurredAt).toBeLessThanOrEqual(NOW);
      }
    }
    expect(new Set(data.map((d) => d.lead.id)).size).toBe(500);
    expect(new Set(data.map((d) => d.lead.country)).size).toBeGreaterThan(5);
  });

  it('writes the same files for the same seed', async () => {
    const write = async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'leadscore-gen-'));
      const files = await writeDatasetFiles(generateDataset({ leads: 50, events: 400, seed: 11, now: NOW }), dir, 'csv');
      return [readFileSync(files.leadsFile, 'utf8'), readFileSync(files.eventsFile, 'utf8')];
    };
    const [leads, events] = await write();
    expect(await write()).toEqual([leads, events]);
    expect(leads.split('\n')[0]).toBe('externalId,email,firstName,lastName,title,company,industry,country,source,employees,annualRevenue,attributes,createdAt');
    expect(events.trim().split('\n')).toHaveLength(401);
  });
});
