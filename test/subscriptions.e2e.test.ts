// thresholdCrossed over real WebSockets with the official graphql-ws client:
// fan-out between two servers on one database, resuming from a cursor with no
// gap and no duplicate, and time-driven crossings from the scheduler.

import { createLogger } from '../src/observability/logger';
import { CrossingHub } from '../src/realtime/crossingHub';
import { OutboxTail, outboxReader } from '../src/realtime/outboxTail';
import { RescoreScheduler } from '../src/realtime/rescoreScheduler';
import { createMetrics } from '../src/observability/metrics';
import { startServer, type RunningServer } from '../src/server';
import { createServices } from '../src/services';
import { subscribe, type Crossing } from './support/subscriber';
import { startTestServer, type TestServer } from './support/testServer';

const DAY = 86_400_000;
const names = (crossings: Crossing[]) => crossings.map((c) => c.lead.externalId).sort();
const increasing = (crossings: Crossing[]) => crossings.every((c, i) => i === 0 || BigInt(c.id) > BigInt(crossings[i - 1].id));

describe('thresholdCrossed subscriptions', () => {
  let a: TestServer;
  let b: { server: RunningServer; hub: CrossingHub };
  let modelId: string;
  let leadNo = 0;
  let now = Date.UTC(2026, 5, 1);

  /** Creates a lead and a pricing view: a crossing from no stage to MQL. */
  const cross = async (count: number) => {
    const leads = Array.from({ length: count }, () => ({ externalId: `L${++leadNo}`, employees: 500 }));
    await a.data(`mutation($input: [LeadInput!]!) { upsertLeads(input: $input) { id } }`, { input: leads });
    const events = leads.map((l) => ({ leadExternalId: l.externalId, type: 'page_view', occurredAt: new Date(now).toISOString(), properties: { path: '/pricing' } }));
    const { trackEvents } = await a.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) { thresholdEvents { id } } }`, { input: events });
    expect(trackEvents.thresholdEvents).toHaveLength(count);
    return leads.map((l) => l.externalId);
  };

  beforeAll(async () => {
    a = await startTestServer({ now: () => new Date(now) });
    // A second server on the same database: its own pool, its own LISTEN connection, its own hub.
    const logger = createLogger('silent');
    const services = createServices(a.db.dataSource, { maxBatchSize: 1000, now: () => new Date(now) });
    const hub = new CrossingHub({ url: a.db.url, logger, pollIntervalMs: 60_000, tail: new OutboxTail(outboxReader(services.scores)) });
    await hub.start();
    b = { server: await startServer({ port: 0, host: '127.0.0.1', services, logger, metrics: createMetrics(), hub }), hub };
    const { createScoringModel } = await a.data(`mutation { createScoringModel(input: {name: "Web", thresholds: [{stage: "MQL", minScore: 40}],
      source: "+30 when employees > 10\\n+20 when visited(\\"/pricing\\")\\n-20 when inactive > 90d"}) { id } }`);
    modelId = createScoringModel.id;
    await a.data(`mutation($id: ID!) { publishModel(modelId: $id) { id } }`, { id: modelId });
  });
  afterAll(async () => {
    await b.server.stop();
    await b.hub.stop();
    await a.close();
  });

  it('delivers a crossing committed through one server to a subscriber of the other, woken by NOTIFY', async () => {
    // B polls only once a minute here, so a delivery within the wait proves the NOTIFY wake-up.
    const sub = subscribe(b.server.url, a.adminKey);
    await new Promise((r) => setTimeout(r, 300));
    const [lead] = await cross(1);
    const [crossing] = await sub.take(1, 5000);
    expect(crossing).toMatchObject({ lead: { externalId: lead }, fromStage: null, toStage: 'MQL', direction: 'UP' });
    await sub.close();
  });

  it('resumes from a cursor with exactly the missed crossings, in order', async () => {
    const first = subscribe(a.server.url, a.adminKey);
    await new Promise((r) => setTimeout(r, 300));
    await cross(1);
    const [seen] = await first.take(1);
    await first.close();
    const missed = await cross(3);
    const resumed = subscribe(b.server.url, a.adminKey, { after: seen.cursor });
    const got = await resumed.take(3);
    // Within one batch crossings are ordered by lead id, so compare the batch as a set, and the ids as a sequence.
    expect(names(got)).toEqual(missed.sort());
    expect(increasing(got)).toBe(true);
    const more = await cross(2);
    const live = await resumed.take(5);
    expect(names(live.slice(3))).toEqual(more.sort());
    expect(increasing(live)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(resumed.received).toHaveLength(5);
    expect(new Set(resumed.received.map((c) => c.id)).size).toBe(5);
    await resumed.close();
  });

  it('has no gap or duplicate at the seam while crossings stream in', async () => {
    const { thresholdEvents } = await a.data(`{ thresholdEvents(first: 500) { pageInfo { endCursor } } }`);
    const start = thresholdEvents.pageInfo.endCursor;
    const producing = (async () => {
      const made: string[] = [];
      for (let i = 0; i < 6; i++) made.push(...(await cross(2)));
      return made;
    })();
    await new Promise((r) => setTimeout(r, 50));
    const sub = subscribe(b.server.url, a.adminKey, { after: start });
    const made = await producing;
    const got = await sub.take(made.length);
    expect(names(got)).toEqual(made.sort());
    expect(increasing(got)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.received).toHaveLength(made.length);
    await sub.close();
  });

  it('refuses a forged cursor with INVALID_CURSOR', async () => {
    const sub = subscribe(b.server.url, a.adminKey, { after: 'forged' });
    await expect(sub.take(1)).rejects.toThrow(/INVALID_CURSOR/);
    await sub.close();
  });

  it('rescores on schedule under an advanced clock: inactivity moves a lead out of MQL and the crossing is pushed', async () => {
    const [lead] = await cross(1);
    const sub = subscribe(b.server.url, a.adminKey, { stages: ['MQL'] });
    await new Promise((r) => setTimeout(r, 300));
    now += 91 * DAY; // no sleeping: the scheduler's clock moves
    const scheduler = new RescoreScheduler(a.db.dataSource, a.services.modelAdmin, createLogger('silent'), {
      intervalMs: 3600_000,
      now: () => new Date(now),
    });
    const runs = await scheduler.runOnce();
    expect(runs).toEqual([expect.objectContaining({ modelId, rescored: leadNo })]);
    const crossings = await sub.take(leadNo);
    expect(crossings.find((c) => c.lead.externalId === lead)).toMatchObject({ fromStage: 'MQL', toStage: null, direction: 'DOWN' });
    // Claimed and done: another run within the interval does nothing.
    expect(await scheduler.runOnce()).toEqual([]);
    await sub.close();
  });
});
