// Two real server processes on one database, killed and restarted while
// crossings stream in: a subscriber that resumes with its last cursor ends up
// with every committed crossing exactly once, in commit order.

import { DEFAULT_WORKSPACE_ID, ensureDefaultWorkspace } from '../src/db/defaultWorkspace';
import { createServices } from '../src/services';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from './support/database';
import { startServerProcess, type ServerProcess } from './support/serverProcess';
import { subscribe, type Crossing } from './support/subscriber';

jest.setTimeout(120_000);

/** Registered by every server process at start (ADMIN_API_KEY). */
const ADMIN_KEY = `lsk_test_${'x'.repeat(32)}`;

describe('server processes killed and restarted', () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let leadNo = 0;

  /** One lead and one pricing view through server `url`: a crossing into MQL when it commits. */
  const cross = async (url: string): Promise<boolean> => {
    const externalId = `P${++leadNo}`;
    const post = (query: string, variables: unknown) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({ query, variables }),
      });
    try {
      await post(`mutation($i: [LeadInput!]!) { upsertLeads(input: $i) { id } }`, { i: [{ externalId }] });
      const response = await post(`mutation($i: [EventInput!]!) { trackEvents(input: $i) { accepted } }`, {
        i: [{ leadExternalId: externalId, type: 'page_view', properties: { path: '/pricing' } }],
      });
      return response.ok;
    } catch {
      return false; // the server died under the request; what committed is in the outbox
    }
  };

  const committed = async (): Promise<string[]> =>
    (await db.dataSource.query(`SELECT te.id::text AS id FROM threshold_events te ORDER BY te.id`)).map((r: { id: string }) => r.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    await ensureDefaultWorkspace(db.dataSource);
    const services = createServices(db.dataSource, { maxBatchSize: 1000 });
    const model = await services.modelAdmin.createScoringModel(DEFAULT_WORKSPACE_ID, {
      name: 'Pricing interest',
      source: '+50 when visited("/pricing")',
      thresholds: [{ stage: 'MQL', minScore: 40 }],
    });
    await services.modelAdmin.publishModel(DEFAULT_WORKSPACE_ID, model.id);
    [a, b] = await Promise.all([startServerProcess(db.url, db.schema, { ADMIN_API_KEY: ADMIN_KEY }), startServerProcess(db.url, db.schema, { ADMIN_API_KEY: ADMIN_KEY })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dropTestDatabase(db);
  });

  it('loses nothing and repeats nothing across kills of the subscriber’s and the writer’s process', async () => {
    // A subscriber on B sees crossings written through A.
    let sub = subscribe(b.url, ADMIN_KEY);
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 0; i < 3; i++) expect(await cross(a.url)).toBe(true);
    const beforeKill: Crossing[] = await sub.take(3, 20_000);
    await sub.close();

    // B dies; crossings keep coming through A; B restarts; the subscriber resumes with its last cursor.
    await b.kill();
    for (let i = 0; i < 3; i++) expect(await cross(a.url)).toBe(true);
    b = await startServerProcess(db.url, db.schema, { ADMIN_API_KEY: ADMIN_KEY });
    sub = subscribe(b.url, ADMIN_KEY, { after: beforeKill.at(-1)!.cursor });

    // A dies while requests are in flight; it restarts and more crossings follow.
    const inFlight = Array.from({ length: 6 }, () => cross(a.url));
    await new Promise((r) => setTimeout(r, 150));
    await a.kill();
    await Promise.all(inFlight);
    a = await startServerProcess(db.url, db.schema, { ADMIN_API_KEY: ADMIN_KEY });
    for (let i = 0; i < 3; i++) expect(await cross(a.url)).toBe(true);

    const all = await committed();
    await sub.take(all.length - 3, 20_000);
    await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate to show up, if there were one
    const received = [...beforeKill, ...sub.received];
    await sub.close();

    expect(received.map((c) => c.id)).toEqual(all);
    // Every crossing belongs to a lead that really has a committed pricing view.
    const [{ count }] = await db.dataSource.query(`SELECT count(DISTINCT lead_id)::int AS count FROM events`);
    expect(all).toHaveLength(count);
  });
});
