// Where a generated data set goes: straight into Postgres (COPY into leads and
// events, one transaction), or into files the import command reads
// (leads.csv / events.csv, or .ndjson; events name their lead by externalId).

import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { DemoEvent } from '../demo/generateEvents';
import { SET_LAST_ACTIVITY } from '../leads/leadActivity';
import { copyLine, copyRows } from './copy';
import type { Dataset, GeneratedLead } from './generator';
import type { FileFormat } from './records';

const iso = (ms: number) => new Date(ms).toISOString();

/** Leads per COPY round: their rows, then their events (the foreign key needs the leads first). */
const CHUNK = 5000;

export interface WriteCounts {
  readonly leads: number;
  readonly events: number;
}

/**
 * Inserts the data set into the workspace in one transaction (all or nothing),
 * with each lead's last activity set from its events. Refuses a workspace that holds
 * leads: generated rows never mix into real ones.
 */
export async function writeDatasetToDatabase(db: DataSource, workspaceId: string, dataset: Dataset, onLead?: (n: number) => void): Promise<WriteCounts> {
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    const [{ has }] = (await client.query(`SELECT EXISTS (SELECT 1 FROM leads WHERE workspace_id = $1) AS has`, [workspaceId])).rows;
    if (has) throw new Error(`workspace ${workspaceId} already holds leads; generate into an empty workspace`);
    let leads: string[] = [];
    let events: string[] = [];
    let activity: { ids: string[]; lasts: (string | null)[] } = { ids: [], lasts: [] };
    let counts = { leads: 0, events: 0 };
    const flush = async () => {
      await copyRows(
        client,
        `COPY leads (workspace_id, id, external_id, email, first_name, last_name, title, company, industry, country, source,
           employees, annual_revenue, attributes, created_at, updated_at) FROM STDIN`,
        leads,
      );
      await copyRows(client, `COPY events (workspace_id, lead_id, type, occurred_at, properties, received_at) FROM STDIN`, events);
      await client.query(SET_LAST_ACTIVITY, [workspaceId, activity.ids, activity.lasts]);
      leads = [];
      events = [];
      activity = { ids: [], lasts: [] };
      onLead?.(counts.leads);
    };
    for (const { lead, events: list } of dataset.eventsByLead()) {
      activity.ids.push(lead.id);
      activity.lasts.push(list.length ? iso(list[list.length - 1].occurredAt) : null);
      leads.push(
        copyLine([
          workspaceId, lead.id, lead.externalId, lead.email, lead.firstName, lead.lastName, lead.title, lead.company, lead.industry,
          lead.country, lead.source, lead.employees, lead.annualRevenue, JSON.stringify(lead.attributes), iso(lead.createdAt), iso(lead.createdAt),
        ]),
      );
      // received_at = occurred_at: as if tracked live.
      for (const e of list) events.push(copyLine([workspaceId, lead.id, e.type, iso(e.occurredAt), JSON.stringify(e.properties), iso(e.occurredAt)]));
      counts = { leads: counts.leads + 1, events: counts.events + list.length };
      if (leads.length >= CHUNK) await flush();
    }
    await flush();
    await runner.commitTransaction();
    // Fresh statistics for the planner after a bulk load.
    await client.query(`ANALYZE leads`);
    await client.query(`ANALYZE lead_activity`);
    await client.query(`ANALYZE events`);
    return counts;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

const LEAD_HEADER = ['externalId', 'email', 'firstName', 'lastName', 'title', 'company', 'industry', 'country', 'source', 'employees', 'annualRevenue', 'attributes', 'createdAt'];
const EVENT_HEADER = ['leadExternalId', 'type', 'occurredAt', 'properties'];

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function leadRecord(lead: GeneratedLead): Record<string, string | number | null> {
  return {
    externalId: lead.externalId, email: lead.email, firstName: lead.firstName, lastName: lead.lastName, title: lead.title, company: lead.company,
    industry: lead.industry, country: lead.country, source: lead.source, employees: lead.employees, annualRevenue: lead.annualRevenue,
    attributes: JSON.stringify(lead.attributes), createdAt: iso(lead.createdAt),
  };
}

function eventRecord(lead: GeneratedLead, e: DemoEvent): Record<string, string> {
  return { leadExternalId: lead.externalId, type: e.type, occurredAt: iso(e.occurredAt), properties: JSON.stringify(e.properties) };
}

/** Writes `leads.<format>` and `events.<format>` into dir; returns their paths and counts. */
export async function writeDatasetFiles(dataset: Dataset, dir: string, format: FileFormat): Promise<WriteCounts & { leadsFile: string; eventsFile: string }> {
  mkdirSync(dir, { recursive: true });
  const leadsFile = path.join(dir, `leads.${format}`);
  const eventsFile = path.join(dir, `events.${format}`);
  const leadsOut = createWriteStream(leadsFile);
  const eventsOut = createWriteStream(eventsFile);
  const line = (header: string[], record: Record<string, unknown>) =>
    format === 'csv'
      ? `${header.map((h) => csvField(record[h] as string | number | null)).join(',')}\n`
      : `${JSON.stringify(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, k === 'attributes' || k === 'properties' ? JSON.parse(v as string) : v])))}\n`;
  const write = async (out: NodeJS.WritableStream, text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  if (format === 'csv') {
    await write(leadsOut, `${LEAD_HEADER.join(',')}\n`);
    await write(eventsOut, `${EVENT_HEADER.join(',')}\n`);
  }
  let counts = { leads: 0, events: 0 };
  for (const { lead, events } of dataset.eventsByLead()) {
    await write(leadsOut, line(LEAD_HEADER, leadRecord(lead)));
    let text = '';
    for (const e of events) text += line(EVENT_HEADER, eventRecord(lead, e));
    if (text) await write(eventsOut, text);
    counts = { leads: counts.leads + 1, events: counts.events + events.length };
  }
  await Promise.all([new Promise((r) => leadsOut.end(r)), new Promise((r) => eventsOut.end(r))]);
  return { ...counts, leadsFile, eventsFile };
}
