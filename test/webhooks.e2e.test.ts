// Webhooks end to end: registered through GraphQL, crossings caused by
// trackEvents, deliveries sent by real WebhookWorkers to a real HTTP receiver
// on 127.0.0.1, and read back through the delivery log. Waits are bounded
// polls for a state; assertions are on counts and states, never on timings.

import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../src/observability/logger';
import { WebhookWorker, type WebhookWorkerOptions } from '../src/realtime/webhookWorker';
import { startTestServer, type TestServer } from './support/testServer';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  json: { id: string; type: string; occurredAt: string; data: Record<string, any> };
}

/** What a route answers to its nth request (1-based): a status, or 'hang' (never answers). */
type Behaviour = (n: number) => number | 'hang';

/** A local receiver: one behaviour and one request log per path. */
class Receiver {
  readonly requests = new Map<string, Received[]>();
  private readonly routes = new Map<string, Behaviour>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const behaviour = this.routes.get(path);
      if (!behaviour) return void res.writeHead(404).end();
      const raw = Buffer.concat(chunks).toString('utf8');
      const log = this.requests.get(path) ?? [];
      log.push({ headers: req.headers, raw, json: JSON.parse(raw) });
      this.requests.set(path, log);
      const answer = behaviour(log.length);
      if (answer !== 'hang') res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  route(path: string, behaviour: Behaviour): string {
    this.routes.set(path, behaviour);
    return `${this.url}${path}`;
  }

  got(path: string): Received[] {
    return this.requests.get(path) ?? [];
  }

  reset(): void {
    this.routes.clear();
    this.requests.clear();
    this.server.closeAllConnections();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `check` holds; fails after `tries` × 25 ms with what was awaited. */
async function until(what: string, check: () => Promise<boolean> | boolean, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Verifies a request as the README tells receivers to: HMAC-SHA256(secret, "<timestamp>.<raw body>"), hex, after "v1=". */
function signatureValid(secret: string, request: Received): boolean {
  const timestamp = String(request.headers['x-leadscore-timestamp']);
  const given = String(request.headers['x-leadscore-signature']);
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${request.raw}`).digest('hex')}`;
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return fresh && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const FAST: WebhookWorkerOptions = { pollIntervalMs: 20, backoffBaseMs: 30, backoffMaxMs: 200, timeoutMs: 300, maxAttempts: 3, leaseMarginMs: 1000 };
const DELIVERY = `id webhookId thresholdEventId lead { externalId } status attempts nextAttemptAt lastError lastStatusCode deliveredAt createdAt`;

describe('webhooks', () => {
  let t: TestServer;
  let modelId: string;
  const receiver = new Receiver();
  const workers: WebhookWorker[] = [];
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

  const worker = (options: WebhookWorkerOptions = {}) => {
    const w = new WebhookWorker(t.services.db, logger, { ...FAST, ...options });
    workers.push(w);
    w.start();
    return w;
  };
  const createWebhook = async (url: string, extra: { modelId?: string; stages?: string[] } = {}) =>
    (
      await t.data(`mutation($url: String!, $m: ID, $s: [String!]) { createWebhook(url: $url, modelId: $m, stages: $s) { secret webhook { id url enabled stages } } }`, {
        url,
        m: extra.modelId,
        s: extra.stages,
      })
    ).createWebhook as { secret: string; webhook: { id: string } };
  const deliveriesOf = async (webhookId: string, status?: string) =>
    (
      await t.data(`query($w: ID, $s: WebhookDeliveryStatus) { webhookDeliveries(webhookId: $w, status: $s, first: 500) { edges { node { ${DELIVERY} } } } }`, {
        w: webhookId,
        s: status,
      })
    ).webhookDeliveries.edges.map((e: any) => e.node);
  const pendingCount = async () =>
    (await t.data(`{ webhookDeliveries(status: PENDING, first: 500) { edges { node { id } } } }`)).webhookDeliveries.edges.length as number;
  const newLeads = async (...externalIds: string[]) => {
    await t.data(`mutation($input: [LeadInput!]!) { upsertLeads(input: $input) { id } }`, {
      input: externalIds.map((externalId) => ({ externalId, email: `${externalId}@example.com` })),
    });
  };
  // null -> MQL (50), then MQL -> SQL (80): one crossing each, one transaction each.
  const toMql = (...leads: string[]) =>
    t.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) { thresholdEvents { toStage } } }`, {
      input: leads.map((l) => ({ leadExternalId: l, type: 'page_view', properties: { path: '/pricing' } })),
    });
  const toSql = (lead: string) =>
    t.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) { thresholdEvents { toStage } } }`, {
      input: [{ leadExternalId: lead, type: 'form_submit', properties: { form: 'demo-request' } }],
    });

  beforeAll(async () => {
    t = await startTestServer();
    await receiver.start();
    const { createScoringModel } = await t.data(
      `mutation($input: CreateScoringModelInput!) { createScoringModel(input: $input) { id } }`,
      {
        input: {
          name: 'Webhooks',
          source: '+50 when visited("/pricing")\n+30 when submitted("demo-request")',
          thresholds: [{ stage: 'MQL', minScore: 40 }, { stage: 'SQL', minScore: 70 }],
        },
      },
    );
    modelId = createScoringModel.id;
    await t.data(`mutation($id: ID!) { publishModel(modelId: $id) { published { version } } }`, { id: modelId });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    receiver.reset();
    for (const w of (await t.data(`{ webhooks { id } }`)).webhooks) await t.data(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: w.id });
  });
  afterAll(async () => {
    await receiver.stop();
    await t.close();
  });

  it('retries a receiver that fails twice, then delivers once it answers 2xx, signed and with a stable id', async () => {
    const url = receiver.route('/flaky', (n) => (n <= 2 ? 500 : 200));
    const { secret, webhook } = await createWebhook(url, { modelId });
    await newLeads('flaky-1');
    await toMql('flaky-1');
    worker();
    await until('the delivery to be delivered', async () => (await deliveriesOf(webhook.id))[0]?.status === 'DELIVERED');

    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    expect(delivery.deliveredAt).not.toBeNull();
    const got = receiver.got('/flaky');
    expect(got).toHaveLength(3);
    expect(got.map((r) => r.headers['x-leadscore-delivery'])).toEqual([delivery.id, delivery.id, delivery.id]);
    expect(got.map((r) => r.json.id)).toEqual([delivery.id, delivery.id, delivery.id]);

    const last = got[2]!;
    expect(last.headers['content-type']).toBe('application/json');
    expect(signatureValid(secret, last)).toBe(true);
    expect(signatureValid(`${secret}x`, last)).toBe(false);
    expect(signatureValid(secret, { ...last, raw: last.raw.replace('"MQL"', '"SQL"') })).toBe(false);

    const { thresholdEvents } = await t.data(`query($m: ID) { thresholdEvents(modelId: $m, first: 500) { edges { cursor node { id lead { id } } } } }`, {
      m: modelId,
    });
    const event = thresholdEvents.edges.find((e: any) => e.node.id === delivery.thresholdEventId);
    expect(last.json).toEqual({
      id: delivery.id,
      type: 'threshold.crossed',
      occurredAt: expect.any(String),
      data: {
        thresholdEventId: delivery.thresholdEventId,
        cursor: event.cursor,
        leadId: event.node.lead.id,
        modelId,
        version: 1,
        fromStage: null,
        toStage: 'MQL',
        direction: 'UP',
        totalBefore: 0,
        totalAfter: 50,
      },
    });
  });

  it('times out a receiver that never answers, retries, and marks the delivery failed after the last attempt', async () => {
    const url = receiver.route('/hang', () => 'hang');
    const { webhook } = await createWebhook(url);
    await newLeads('hang-1');
    await toMql('hang-1');
    worker({ timeoutMs: 150, maxAttempts: 3 });
    await until('the delivery to fail', async () => (await deliveriesOf(webhook.id))[0]?.status === 'FAILED');

    const failed = await deliveriesOf(webhook.id, 'FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: 'FAILED', attempts: 3, lastStatusCode: null, deliveredAt: null, nextAttemptAt: null });
    expect(failed[0].lastError).toMatch(/timed out after 150 ms/);
    expect(receiver.got('/hang').map((r) => r.json.id)).toEqual([failed[0].id, failed[0].id, failed[0].id]);
    expect(await deliveriesOf(webhook.id, 'PENDING')).toEqual([]);
  });

  it('keeps the order of one lead: a later crossing waits until the earlier one is delivered', async () => {
    const url = receiver.route('/ordered', (n) => (n === 1 ? 503 : 200));
    const { webhook } = await createWebhook(url, { modelId });
    await newLeads('order-1');
    await toMql('order-1');
    await toSql('order-1');
    expect(await deliveriesOf(webhook.id, 'PENDING')).toHaveLength(2); // both queued before any attempt

    worker();
    await until('both deliveries', async () => (await deliveriesOf(webhook.id, 'DELIVERED')).length === 2);
    const got = receiver.got('/ordered');
    expect(got.map((r) => [r.json.data.fromStage, r.json.data.toStage])).toEqual([
      [null, 'MQL'], // 503
      [null, 'MQL'], // retried
      ['MQL', 'SQL'],
    ]);
    const [sql, mql] = await deliveriesOf(webhook.id); // newest first
    expect([mql.attempts, sql.attempts]).toEqual([2, 1]);
    expect(BigInt(mql.thresholdEventId) < BigInt(sql.thresholdEventId)).toBe(true);
  });

  it('sends a stage-filtered webhook only the crossings to or from its stages, and a disabled one nothing', async () => {
    const sqlOnly = await createWebhook(receiver.route('/sql-only', () => 200), { modelId, stages: ['SQL'] });
    const all = await createWebhook(receiver.route('/all', () => 204));
    const disabled = await createWebhook(receiver.route('/disabled', () => 200));
    const { setWebhookEnabled } = await t.data(`mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: false) { id enabled } }`, {
      id: disabled.webhook.id,
    });
    expect(setWebhookEnabled).toEqual({ id: disabled.webhook.id, enabled: false });
    await newLeads('filter-1');
    await toMql('filter-1');
    await toSql('filter-1');

    worker();
    await until('every delivery to settle', async () => receiver.got('/all').length === 2 && (await pendingCount()) === 0);
    expect(receiver.got('/all').map((r) => r.json.data.toStage)).toEqual(['MQL', 'SQL']);
    expect(receiver.got('/sql-only').map((r) => [r.json.data.fromStage, r.json.data.toStage])).toEqual([['MQL', 'SQL']]);
    expect(await deliveriesOf(sqlOnly.webhook.id)).toHaveLength(1);
    expect((await deliveriesOf(all.webhook.id)).map((d: any) => d.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(receiver.got('/disabled')).toEqual([]);
    expect(await deliveriesOf(disabled.webhook.id)).toEqual([]);

    // Leaving SQL matches too: raising SQL above the lead's 80 moves it SQL -> MQL (other leads may move as well).
    const leadId = receiver.got('/all')[0]!.json.data.leadId;
    const ofLead = (path: string) => receiver.got(path).filter((r) => r.json.data.leadId === leadId).map((r) => [r.json.data.fromStage, r.json.data.toStage]);
    await t.data(`mutation($id: ID!, $th: [ThresholdInput!]!) { setThresholds(modelId: $id, thresholds: $th) { id } }`, {
      id: modelId,
      th: [{ stage: 'MQL', minScore: 40 }, { stage: 'SQL', minScore: 90 }],
    });
    await until('the SQL -> MQL crossing', async () => ofLead('/all').length === 3 && (await pendingCount()) === 0);
    expect(ofLead('/sql-only')).toEqual([['MQL', 'SQL'], ['SQL', 'MQL']]);
    expect(receiver.got('/disabled')).toEqual([]);
  });

  it("holds a disabled webhook's queued deliveries and sends them once it is enabled again", async () => {
    const url = receiver.route('/paused', () => 200);
    const { webhook } = await createWebhook(url);
    await newLeads('paused-1');
    await toMql('paused-1'); // queued while enabled
    await t.data(`mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: false) { id } }`, { id: webhook.id });
    const probe = await createWebhook(receiver.route('/probe', () => 200));
    await newLeads('paused-2');
    await toMql('paused-2');
    worker();
    await until('the probe delivery', async () => (await deliveriesOf(probe.webhook.id, 'DELIVERED')).length === 1);
    expect(await deliveriesOf(webhook.id)).toMatchObject([{ status: 'PENDING', attempts: 0 }]);
    expect(receiver.got('/paused')).toEqual([]);

    await t.data(`mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: true) { id } }`, { id: webhook.id });
    await until('the held delivery', async () => (await deliveriesOf(webhook.id))[0]?.status === 'DELIVERED');
    expect(receiver.got('/paused')).toHaveLength(1);
  });

  it('keeps pending deliveries across a worker restart: a new worker delivers them', async () => {
    let up = false;
    const url = receiver.route('/restart', () => (up ? 200 : 500));
    const { webhook } = await createWebhook(url);
    await newLeads('restart-1');
    await toMql('restart-1');
    const first = worker({ maxAttempts: 20 });
    await until('a first failed attempt', () => receiver.got('/restart').length >= 1);
    await first.stop();

    const [pending] = await deliveriesOf(webhook.id);
    expect(pending).toMatchObject({ status: 'PENDING', lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(pending.attempts).toBe(receiver.got('/restart').length); // every attempt made was recorded before stop() resolved

    up = true;
    worker({ maxAttempts: 20 });
    await until('the delivery', async () => (await deliveriesOf(webhook.id))[0]?.status === 'DELIVERED');
    const [delivered] = await deliveriesOf(webhook.id);
    expect(delivered.id).toBe(pending.id);
    expect(delivered.attempts).toBe(pending.attempts + 1);
    expect(receiver.got('/restart').map((r) => r.json.id)).toEqual(Array(delivered.attempts).fill(pending.id));
  });

  it('shares the queue between two workers without sending a delivery twice; the log pages', async () => {
    const { webhook } = await createWebhook(receiver.route('/shared', () => 200));
    const leads = Array.from({ length: 12 }, (_, i) => `shared-${i}`);
    await newLeads(...leads);
    await toMql(...leads);
    worker({ concurrency: 2 });
    worker({ concurrency: 2 });
    await until('12 deliveries', async () => (await deliveriesOf(webhook.id, 'DELIVERED')).length === 12);
    const ids = receiver.got('/shared').map((r) => r.json.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { webhookDeliveries }: any = await t.data(
        `query($w: ID, $after: String) { webhookDeliveries(webhookId: $w, first: 5, after: $after) { edges { node { id attempts } } pageInfo { hasNextPage endCursor } } }`,
        { w: webhook.id, after },
      );
      seen.push(...webhookDeliveries.edges.map((e: any) => e.node.id));
      if (!webhookDeliveries.pageInfo.hasNextPage) break;
      after = webhookDeliveries.pageInfo.endCursor;
    }
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(seen).toEqual([...seen].sort((a, b) => Number(BigInt(b) - BigInt(a)))); // newest first
  });

  it('validates webhooks and lists, disables and deletes them', async () => {
    const code = async (query: string, variables: Record<string, unknown>) => (await t.gql(query, variables)).errors?.[0]?.extensions?.code;
    const create = `mutation($url: String!, $m: ID, $s: [String!]) { createWebhook(url: $url, modelId: $m, stages: $s) { secret } }`;
    expect(await code(create, { url: 'ftp://127.0.0.1/x' })).toBe('INVALID_WEBHOOK');
    expect(await code(create, { url: 'not a url' })).toBe('INVALID_WEBHOOK');
    expect(await code(create, { url: 'http://127.0.0.1/x', s: [] })).toBe('INVALID_WEBHOOK');
    expect(await code(create, { url: 'http://127.0.0.1/x', m: '00000000-0000-0000-0000-000000000000' })).toBe('NOT_FOUND');
    expect(await code(create, { url: 'http://127.0.0.1/x', m: modelId, s: ['Hot'] })).toBe('UNKNOWN_STAGE');
    expect(await code(`mutation { setWebhookEnabled(id: "nope", enabled: true) { id } }`, {})).toBe('NOT_FOUND');
    expect(await code(`mutation { deleteWebhook(id: "00000000-0000-0000-0000-000000000000") }`, {})).toBe('NOT_FOUND');
    expect(await code(`{ webhookDeliveries(webhookId: "00000000-0000-0000-0000-000000000000") { edges { cursor } } }`, {})).toBe('NOT_FOUND');

    const a = await createWebhook('https://hooks.example.com/a', { modelId, stages: ['SQL', 'disqualified'] });
    expect(a.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const b = await createWebhook('http://127.0.0.1:9/b');
    expect(b.secret).not.toBe(a.secret);
    await t.data(`mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: false) { id } }`, { id: b.webhook.id });
    const { webhooks } = await t.data(`{ webhooks { id url enabled stages model { id } } }`);
    expect(webhooks).toEqual([
      { id: a.webhook.id, url: 'https://hooks.example.com/a', enabled: true, stages: ['SQL', 'disqualified'], model: { id: modelId } },
      { id: b.webhook.id, url: 'http://127.0.0.1:9/b', enabled: false, stages: null, model: null },
    ]);
    expect(await t.data(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: a.webhook.id })).toEqual({ deleteWebhook: true });
    expect((await t.data(`{ webhooks { id } }`)).webhooks).toEqual([{ id: b.webhook.id }]);
  });
});
