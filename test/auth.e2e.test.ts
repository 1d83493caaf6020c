// API keys and roles through HTTP and WebSocket, and workspace isolation: no
// query, mutation, subscription, loader path or cursor lets one workspace see
// or touch another's leads, events, models, scores or crossings.

import { subscribe } from './support/subscriber';
import { startTestServer, type TestServer } from './support/testServer';

const MODEL_SOURCE = '+50 when visited("/pricing")';

describe('access control and workspace isolation', () => {
  let t: TestServer;
  const key: Record<'reader' | 'writer' | 'other', string> = { reader: '', writer: '', other: '' };
  let leadId: string;
  let modelId: string;
  let crossingCursor: string;
  let eventCursor: string;

  const expectCode = (result: { errors?: { extensions?: Record<string, unknown> }[] }, code: string) =>
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);

  beforeAll(async () => {
    t = await startTestServer();
    const keys = t.services.apiKeys;
    const ws1 = (await t.db.dataSource.query(`SELECT id FROM workspaces`))[0].id as string;
    key.reader = (await keys.createKey(ws1, 'dashboard', 'reader')).key;
    key.writer = (await keys.createKey(ws1, 'crm sync', 'writer')).key;
    const [{ id: ws2 }] = await t.db.dataSource.query(`INSERT INTO workspaces (name) VALUES ('Other tenant') RETURNING id`);
    key.other = (await keys.createKey(ws2, 'other admin', 'admin')).key;

    // Workspace 1: a lead with events, a published model, a crossing.
    const { createScoringModel } = await t.data(
      `mutation($s: String!) { createScoringModel(input: {name: "Web", source: $s, thresholds: [{stage: "MQL", minScore: 40}]}) { id } }`,
      { s: MODEL_SOURCE },
    );
    modelId = createScoringModel.id;
    await t.data(`mutation($id: ID!) { publishModel(modelId: $id) { id } }`, { id: modelId });
    leadId = (await t.data(`mutation { upsertLeads(input: [{externalId: "w1-lead", email: "secret@tenant-one.com"}]) { id } }`)).upsertLeads[0].id;
    await t.data(`mutation { trackEvents(input: [
      {leadExternalId: "w1-lead", type: "page_view", properties: {path: "/pricing"}},
      {leadExternalId: "w1-lead", type: "page_view", properties: {path: "/blog"}}]) { accepted } }`);
    crossingCursor = (await t.data(`{ thresholdEvents { edges { cursor } } }`)).thresholdEvents.edges[0].cursor;
    eventCursor = (await t.data(`query($id: ID!) { lead(id: $id) { events(first: 1) { pageInfo { endCursor } } } }`, { id: leadId })).lead.events
      .pageInfo.endCursor;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('keys and roles', () => {
    it.each([
      ['no key', null],
      ['an unknown key', 'lsk_not-a-real-key-at-all-000000000000'],
      ['a malformed header value', 'x'],
    ])('refuses %s with UNAUTHENTICATED', async (_name, k) => {
      expectCode(await t.gqlAs(k, `{ leads { totalCount } }`), 'UNAUTHENTICATED');
      expectCode(await t.gqlAs(k, `mutation { upsertLeads(input: [{externalId: "x"}]) { id } }`), 'UNAUTHENTICATED');
    });

    it('lets a reader read but not write', async () => {
      expect((await t.gqlAs(key.reader, `{ leads { totalCount } }`)).data).toEqual({ leads: { totalCount: 1 } });
      expectCode(await t.gqlAs(key.reader, `mutation { upsertLeads(input: [{externalId: "r"}]) { id } }`), 'FORBIDDEN');
      expectCode(await t.gqlAs(key.reader, `mutation($id: ID!) { rescore(modelId: $id) }`, { id: modelId }), 'FORBIDDEN');
    });

    it('lets a writer ingest and read, but not change models or keys', async () => {
      const result = await t.gqlAs(key.writer, `mutation { trackEvents(input: [{leadExternalId: "w1-lead", type: "email_open"}]) { accepted } }`);
      expect(result.data).toEqual({ trackEvents: { accepted: 1 } });
      expectCode(await t.gqlAs(key.writer, `mutation($id: ID!) { publishModel(modelId: $id) { id } }`, { id: modelId }), 'FORBIDDEN');
      expectCode(await t.gqlAs(key.writer, `mutation { createApiKey(name: "x", role: "admin") { key } }`), 'FORBIDDEN');
    });

    it('shows a key once, stores only its hash, and revokes it at once', async () => {
      const { createApiKey } = await t.data(`mutation { createApiKey(name: "temp", role: "reader") { id key role prefix } }`);
      expect(createApiKey.key).toMatch(/^lsk_/);
      expect(createApiKey.key.startsWith(createApiKey.prefix)).toBe(true);
      const stored = await t.db.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [createApiKey.id]);
      expect(stored[0].key_hash).not.toContain(createApiKey.key);
      expect(JSON.stringify(await t.data(`{ apiKeys { id name role prefix } }`))).not.toContain(createApiKey.key);
      expect((await t.gqlAs(createApiKey.key, `{ leads { totalCount } }`)).errors).toBeUndefined();
      await t.data(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: createApiKey.id });
      expectCode(await t.gqlAs(createApiKey.key, `{ leads { totalCount } }`), 'UNAUTHENTICATED');
    });

    it('refuses a WebSocket without a valid key, and closes an open subscription when its key is revoked', async () => {
      const anonymous = subscribe(t.server.url, 'lsk_bogus_key_0000000000000000000000');
      await expect(anonymous.take(1, 3000)).rejects.toThrow(/4403|Forbidden|closed/i);
      await anonymous.close();

      const { createApiKey } = await t.data(`mutation { createApiKey(name: "stream", role: "reader") { id key } }`);
      const sub = subscribe(t.server.url, createApiKey.key);
      await new Promise((r) => setTimeout(r, 300));
      await t.data(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: createApiKey.id });
      await expect(sub.take(1, 5000)).rejects.toThrow(/4403|revoked/i);
      await sub.close();
    });
  });

  describe('another workspace', () => {
    const as = (query: string, variables?: Record<string, unknown>) => t.gqlAs(key.other, query, variables);

    it('cannot see the lead by id, by email, in lists, or by search', async () => {
      const result = await as(
        `query($id: ID!) { lead(id: $id) { id } leadByEmail(email: "secret@tenant-one.com") { id } leads(filter: {search: "secret"}) { totalCount edges { node { id } } } }`,
        { id: leadId },
      );
      expect(result.data).toEqual({ lead: null, leadByEmail: null, leads: { totalCount: 0, edges: [] } });
    });

    it('cannot see or touch the models, their scores or their crossings', async () => {
      const read = await as(`query($id: ID!) { scoringModel(id: $id) { id } scoringModels { id } thresholdEvents { edges { node { id } } } }`, {
        id: modelId,
      });
      expect(read.data).toEqual({ scoringModel: null, scoringModels: [], thresholdEvents: { edges: [] } });
      expectCode(await as(`mutation($id: ID!) { publishModel(modelId: $id) { id } }`, { id: modelId }), 'NOT_FOUND');
      expectCode(await as(`mutation($id: ID!) { rescore(modelId: $id) }`, { id: modelId }), 'NOT_FOUND');
      expectCode(await as(`mutation($id: ID!) { saveDraft(modelId: $id, source: "+1 when employees > 1") { version } }`, { id: modelId }), 'NOT_FOUND');
      expectCode(await as(`query($id: ID!) { evaluateLead(leadId: $id, modelId: $id) { total } }`, { id: modelId }), 'NOT_FOUND');
      expectCode(await as(`query($l: ID!, $m: ID!) { leads(modelId: $m) { totalCount } evaluateLead(leadId: $l) { total } }`, { l: leadId, m: modelId }), 'NOT_FOUND');
    });

    it('cannot add events to the lead or take over its identity', async () => {
      expectCode(await as(`mutation($id: ID!) { trackEvents(input: [{leadId: $id, type: "page_view"}]) { accepted } }`, { id: leadId }), 'UNKNOWN_LEAD');
      expectCode(await as(`mutation { trackEvents(input: [{leadExternalId: "w1-lead", type: "page_view"}]) { accepted } }`), 'UNKNOWN_LEAD');
      // The same external id in another workspace is another lead.
      const { data } = await as(`mutation { upsertLeads(input: [{externalId: "w1-lead", email: "secret@tenant-one.com"}]) { id } }`);
      expect(data!.upsertLeads[0].id).not.toBe(leadId);
      const mine = await t.data(`query($id: ID!) { lead(id: $id) { externalId email } }`, { id: leadId });
      expect(mine.lead).toEqual({ externalId: 'w1-lead', email: 'secret@tenant-one.com' });
    });

    it('gets nothing from cursors made in the other workspace', async () => {
      const crossings = await as(`query($after: String) { thresholdEvents(after: $after) { edges { node { id } } } }`, { after: crossingCursor });
      expect(crossings.data).toEqual({ thresholdEvents: { edges: [] } });
      const leads = await as(`query($after: String) { leads(after: $after) { edges { node { id } } } }`, { after: eventCursor });
      expectCode(leads, 'INVALID_CURSOR');
    });

    it('cannot revoke the other workspace’s keys', async () => {
      const [{ id }] = await t.db.dataSource.query(`SELECT id FROM api_keys WHERE name = 'dashboard'`);
      expectCode(await as(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id }), 'NOT_FOUND');
      expect((await t.gqlAs(key.reader, `{ leads { totalCount } }`)).errors).toBeUndefined();
    });

    it('does not receive the other workspace’s crossings on a subscription, even replaying from the start', async () => {
      const sub = subscribe(t.server.url, key.other, { after: crossingCursor });
      await new Promise((r) => setTimeout(r, 300));
      await t.data(`mutation { upsertLeads(input: [{externalId: "w1-second"}]) { id } }`);
      await t.data(`mutation { trackEvents(input: [{leadExternalId: "w1-second", type: "page_view", properties: {path: "/pricing"}}]) { accepted } }`);
      await new Promise((r) => setTimeout(r, 1500));
      expect(sub.received).toEqual([]);
      expect(sub.errors).toEqual([]);
      await sub.close();
    });
  });
});
