// seedDemo against a real Postgres: counts, determinism, once-only, time bounds,
// last_activity_at, variety of the data, all-or-nothing, concurrent callers.

import { seedDemo } from '../../src/demo/seedDemo';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/database';

const NOW = new Date('2026-11-02T09:30:15.123Z');
const WS = '00000000-0000-4000-8000-00000000d001';
const DAY = 86_400_000;

/** Every lead column but the generated id, in a stable order. */
const LEAD_ROWS = `SELECT external_id, email, first_name, last_name, title, company, industry, country, source, employees,
                          annual_revenue, attributes, created_at, updated_at, a.last_activity_at
                     FROM leads l JOIN lead_activity a ON a.workspace_id = l.workspace_id AND a.lead_id = l.id
                    WHERE l.workspace_id = $1 ORDER BY external_id`;

/** A digest of every event of the workspace, keyed by the lead's external id (ids differ between databases). */
const EVENT_DIGEST = `SELECT count(*)::int AS n,
                             md5(string_agg(l.external_id || '|' || e.type || '|' || to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')
                                            || '|' || e.properties::text, ',' ORDER BY l.external_id, e.occurred_at, e.type, e.properties::text)) AS digest
                        FROM events e JOIN leads l ON l.workspace_id = e.workspace_id AND l.id = e.lead_id
                       WHERE e.workspace_id = $1`;

async function addWorkspace(db: TestDatabase, id: string): Promise<void> {
  await db.dataSource.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Demo')`, [id]);
}

async function one<T>(db: TestDatabase, sql: string, params: unknown[]): Promise<T> {
  const rows = (await db.dataSource.query(sql, params)) as T[];
  return rows[0];
}

describe('seedDemo', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let firstRun: { leads: number; events: number; skipped: boolean };

  beforeAll(async () => {
    // One after the other: concurrent migrations race on CREATE EXTENSION IF NOT EXISTS in a fresh cluster.
    a = await createTestDatabase();
    b = await createTestDatabase();
    await Promise.all([addWorkspace(a, WS), addWorkspace(b, WS)]);
    const started = Date.now();
    firstRun = await seedDemo(a.dataSource, WS, { now: NOW, seed: 42 });
    // Visible in the test output: the seed's cost at the default size.
    console.log(`seedDemo: ${firstRun.leads} leads, ${firstRun.events} events in ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    await Promise.all([a && dropTestDatabase(a), b && dropTestDatabase(b)]);
  });

  it('seeds 3000 leads and 50,000-100,000 events, as stored', async () => {
    expect(firstRun.skipped).toBe(false);
    expect(firstRun.leads).toBe(3000);
    expect(firstRun.events).toBeGreaterThanOrEqual(50_000);
    expect(firstRun.events).toBeLessThanOrEqual(100_000);
    const counts = await one<{ leads: number; events: number }>(
      a,
      `SELECT (SELECT count(*)::int FROM leads WHERE workspace_id = $1) AS leads,
              (SELECT count(*)::int FROM events WHERE workspace_id = $1) AS events`,
      [WS],
    );
    expect(counts).toEqual({ leads: firstRun.leads, events: firstRun.events });
  });

  it('is skipped, writing nothing, when the workspace already has leads', async () => {
    const before = await one(a, `SELECT count(*)::int AS n, max(id)::text AS max_id FROM events WHERE workspace_id = $1`, [WS]);
    const leadsBefore = (await a.dataSource.query(LEAD_ROWS, [WS])) as unknown[];
    const again = await seedDemo(a.dataSource, WS, { now: new Date(NOW.getTime() + DAY), seed: 7 });
    expect(again).toEqual({ leads: 0, events: 0, skipped: true });
    expect(await one(a, `SELECT count(*)::int AS n, max(id)::text AS max_id FROM events WHERE workspace_id = $1`, [WS])).toEqual(before);
    expect(await a.dataSource.query(LEAD_ROWS, [WS])).toEqual(leadsBefore);
  });

  it('is deterministic: the same seed and now give the same leads and events in a fresh schema', async () => {
    const second = await seedDemo(b.dataSource, WS, { now: NOW, seed: 42 });
    expect(second).toEqual(firstRun);
    expect(await b.dataSource.query(LEAD_ROWS, [WS])).toEqual(await a.dataSource.query(LEAD_ROWS, [WS]));
    expect(await one(b, EVENT_DIGEST, [WS])).toEqual(await one(a, EVENT_DIGEST, [WS]));
  });

  it('gives different data for another seed', async () => {
    const other = '00000000-0000-4000-8000-00000000d002';
    await addWorkspace(b, other);
    await seedDemo(b.dataSource, other, { now: NOW, seed: 7, leads: 300 });
    const mine = (await b.dataSource.query(`${LEAD_ROWS} LIMIT 300`, [WS])) as { email: string }[];
    const theirs = (await b.dataSource.query(LEAD_ROWS, [other])) as { email: string }[];
    expect(theirs).toHaveLength(300);
    expect(theirs.map((r) => r.email)).not.toEqual(mine.map((r) => r.email));
  });

  it('keeps every lead in the 120 days before now and every event between its lead\'s created_at and now, in ms', async () => {
    const bounds = await one<Record<string, number>>(
      a,
      `SELECT count(*) FILTER (WHERE l.created_at < $2::timestamptz - interval '120 days' OR l.created_at > $2)::int AS bad_leads,
              (SELECT count(*)::int FROM events e JOIN leads l2 ON l2.workspace_id = e.workspace_id AND l2.id = e.lead_id
                WHERE e.workspace_id = $1 AND (e.occurred_at < l2.created_at OR e.occurred_at > $2)) AS bad_events,
              (SELECT count(*)::int FROM events e WHERE e.workspace_id = $1 AND e.occurred_at <> date_trunc('milliseconds', e.occurred_at)) AS sub_ms,
              (SELECT count(*)::int FROM events e WHERE e.workspace_id = $1 AND extract(milliseconds FROM e.occurred_at)::numeric % 1000 <> 0) AS with_ms
         FROM leads l WHERE l.workspace_id = $1`,
      [WS, NOW],
    );
    expect(bounds.bad_leads).toBe(0);
    expect(bounds.bad_events).toBe(0);
    expect(bounds.sub_ms).toBe(0);
    expect(bounds.with_ms).toBeGreaterThan(1000);
  });

  it('sets each lead\'s last activity to its latest event, and leaves some leads without events', async () => {
    const r = await one<{ mismatched: number; silent: number; busiest: number }>(
      a,
      `SELECT count(*) FILTER (WHERE a.last_activity_at IS DISTINCT FROM x.last)::int AS mismatched,
              count(*) FILTER (WHERE x.n = 0)::int AS silent,
              max(x.n)::int AS busiest
         FROM leads l
         JOIN lead_activity a ON a.workspace_id = l.workspace_id AND a.lead_id = l.id
         CROSS JOIN LATERAL (SELECT max(e.occurred_at) AS last, count(*) AS n FROM events e
                              WHERE e.workspace_id = l.workspace_id AND e.lead_id = l.id) x
        WHERE l.workspace_id = $1`,
      [WS],
    );
    expect(r.mismatched).toBe(0);
    expect(r.silent).toBeGreaterThan(100);
    expect(r.silent).toBeLessThan(1000);
    expect(r.busiest).toBeGreaterThan(100); // a long tail: some leads are very active
  });

  it('writes names in several scripts, free-mail and business addresses, and mixed-type attributes', async () => {
    const leads = (await a.dataSource.query(LEAD_ROWS, [WS])) as {
      first_name: string;
      last_name: string;
      email: string | null;
      title: string | null;
      country: string;
    }[];
    const names = leads.map((l) => `${l.first_name} ${l.last_name}`);
    for (const script of [/\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Han}/u, /[äöüßéèçñãíİış]/u]) {
      expect(names.filter((n) => script.test(n)).length).toBeGreaterThan(20);
    }
    expect(new Set(leads.map((l) => l.country)).size).toBeGreaterThanOrEqual(10);
    expect(leads.some((l) => l.title === 'Директор по маркетингу' || l.title === 'Directeur commercial')).toBe(true);
    const emails = leads.flatMap((l) => (l.email ? [l.email] : []));
    expect(emails.filter((e) => /@(gmail|yahoo)\./.test(e)).length).toBeGreaterThan(100);
    expect(new Set(emails.map((e) => e.toLowerCase())).size).toBe(emails.length);

    const types = (await a.dataSource.query(
      `SELECT DISTINCT jsonb_typeof(v.value) AS t FROM leads l, jsonb_each(l.attributes) v WHERE l.workspace_id = $1 ORDER BY 1`,
      [WS],
    )) as { t: string }[];
    expect(types.map((r) => r.t)).toEqual(['array', 'boolean', 'null', 'number', 'string']);
    const eventTypes = (await a.dataSource.query(`SELECT DISTINCT type FROM events WHERE workspace_id = $1`, [WS])) as { type: string }[];
    expect(eventTypes.map((r) => r.type)).toEqual(
      expect.arrayContaining(['page_view', 'email_open', 'email_click', 'form_submit', 'webinar_attended']),
    );
  });

  it('leaves nothing behind when it fails half-way', async () => {
    const broken = '00000000-0000-4000-8000-00000000d003';
    await addWorkspace(b, broken);
    // Leads go in first; this makes the events insert fail after them.
    await b.dataSource.query(`ALTER TABLE events ADD CONSTRAINT no_meetings CHECK (type <> 'meeting_booked') NOT VALID`);
    try {
      await expect(seedDemo(b.dataSource, broken, { now: NOW, leads: 300 })).rejects.toThrow(/no_meetings/);
    } finally {
      await b.dataSource.query(`ALTER TABLE events DROP CONSTRAINT no_meetings`);
    }
    expect(await one(b, `SELECT count(*)::int AS n FROM leads WHERE workspace_id = $1`, [broken])).toEqual({ n: 0 });
  });

  it('seeds once when two processes start together', async () => {
    const ws = '00000000-0000-4000-8000-00000000d004';
    await addWorkspace(b, ws);
    const results = await Promise.all([
      seedDemo(b.dataSource, ws, { now: NOW, leads: 200 }),
      seedDemo(b.dataSource, ws, { now: NOW, leads: 200 }),
    ]);
    expect(results.map((r) => r.skipped).sort()).toEqual([false, true]);
    expect(await one(b, `SELECT count(*)::int AS n FROM leads WHERE workspace_id = $1`, [ws])).toEqual({ n: 200 });
  });

  it('refuses an unknown workspace and bad options', async () => {
    await expect(seedDemo(b.dataSource, '00000000-0000-4000-8000-0000000000ff', { leads: 5 })).rejects.toThrow(/does not exist/);
    await expect(seedDemo(b.dataSource, WS, { leads: -1 })).rejects.toThrow(RangeError);
    await expect(seedDemo(b.dataSource, WS, { now: new Date('nope') })).rejects.toThrow(RangeError);
  });
});
