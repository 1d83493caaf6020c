// upsertLeads and trackEvents through HTTP on a real Postgres: batches are
// stored whole or not at all, bad input gets a stable code naming the item.

import { startTestServer, type TestServer } from './support/testServer';

const UPSERT = `mutation Upsert($input: [LeadInput!]!) {
  upsertLeads(input: $input) { id externalId email firstName company employees attributes createdAt lastActivityAt }
}`;
const TRACK = `mutation Track($input: [EventInput!]!) {
  trackEvents(input: $input) { accepted duplicates rescoredLeads }
}`;

describe('ingest through GraphQL', () => {
  let t: TestServer;
  const count = async (table: 'leads' | 'events') =>
    Number((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestServer({ maxBatchSize: 1000 });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('upsertLeads', () => {
    it('creates leads and returns them in input order', async () => {
      const { upsertLeads } = await t.data(UPSERT, {
        input: [
          { externalId: 'crm-1', email: 'Ana@Example.com', firstName: 'Ana', company: 'Acme', employees: 250, attributes: { plan: 'trial', seats: 3 } },
          { email: 'jürgen@straße.de', firstName: 'Jürgen', createdAt: '2026-01-02T03:04:05.678Z' },
        ],
      });
      expect(upsertLeads).toHaveLength(2);
      expect(upsertLeads[0]).toMatchObject({ externalId: 'crm-1', email: 'Ana@Example.com', employees: 250, attributes: { plan: 'trial', seats: 3 } });
      expect(upsertLeads[1]).toMatchObject({ externalId: null, firstName: 'Jürgen', createdAt: '2026-01-02T03:04:05.678Z' });
    });

    it('updates by externalId, keeping fields left out and merging attributes', async () => {
      const { upsertLeads } = await t.data(UPSERT, {
        input: [{ externalId: 'crm-1', company: 'Acme GmbH', attributes: { seats: 5, plan: null, region: 'EU' } }],
      });
      expect(upsertLeads[0]).toMatchObject({
        externalId: 'crm-1',
        email: 'Ana@Example.com',
        firstName: 'Ana',
        company: 'Acme GmbH',
        employees: 250,
        attributes: { seats: 5, region: 'EU' },
      });
      expect(await count('leads')).toBe(2);
    });

    it('matches by email case-insensitively and adopts a new externalId', async () => {
      const before = await t.data(`{ leadByEmail(email: "JÜRGEN@straße.de") { id externalId } }`);
      const { upsertLeads } = await t.data(UPSERT, { input: [{ externalId: 'crm-2', email: 'JÜRGEN@STRAßE.DE', title: 'CTO' }] });
      expect(upsertLeads[0]).toMatchObject({ id: before.leadByEmail.id, externalId: 'crm-2' });
      expect(await count('leads')).toBe(2);
    });

    it.each([
      ['a lead with no identity', [{ firstName: 'Nobody' }], 'INVALID_LEAD', 0],
      ['a malformed email', [{ externalId: 'x-1' }, { email: 'not-an-email' }], 'INVALID_LEAD', 1],
      ['the same externalId twice', [{ externalId: 'dup' }, { externalId: 'dup' }], 'INVALID_LEAD', 1],
      ['negative employees', [{ externalId: 'x-2', employees: -1 }], 'INVALID_LEAD', 0],
      ['attributes that are not an object', [{ externalId: 'x-3', attributes: [1, 2] }], 'INVALID_LEAD', 0],
      ['an email owned by another externalId', [{ externalId: 'other', email: 'ana@example.com' }], 'INVALID_LEAD', 0],
    ])('refuses %s, naming the item, and stores nothing', async (_name, input, code, index) => {
      const result = await t.gql(UPSERT, { input: [{ externalId: 'fresh-ok', email: 'fresh@ok.com' }, ...input] });
      expect(result.errors?.[0].extensions).toMatchObject({ code, index: index + 1 });
      expect(result.errors?.[0].message).toMatch(new RegExp(`^Lead ${index + 1}: `));
      expect(await t.data(`{ leadByEmail(email: "fresh@ok.com") { id } }`)).toEqual({ leadByEmail: null });
    });

    it('refuses a batch over the limit with BATCH_TOO_LARGE', async () => {
      const input = Array.from({ length: 1001 }, (_, i) => ({ externalId: `big-${i}` }));
      const result = await t.gql(UPSERT, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', max: 1000, size: 1001 });
      expect(await count('leads')).toBe(2);
    });
  });

  describe('trackEvents', () => {
    let leadId: string;
    beforeAll(async () => {
      leadId = (await t.data(`{ leadByEmail(email: "ana@example.com") { id } }`)).leadByEmail.id;
    });

    it('stores events naming the lead by id, external id or email, and keeps lastActivityAt current', async () => {
      const result = await t.data(TRACK, {
        input: [
          { leadId, type: 'page_view', occurredAt: '2026-03-01T10:00:00.000Z', properties: { path: '/pricing' } },
          { leadExternalId: 'crm-2', type: 'email_open', occurredAt: '2026-03-02T10:00:00+02:00', properties: { campaign: 'spring-launch' } },
          { leadEmail: 'ANA@example.com', type: 'form_submit', occurredAt: '2026-03-05T09:30:00.123Z', properties: { form: 'demo-request' } },
        ],
      });
      expect(result.trackEvents).toEqual({ accepted: 3, duplicates: 0, rescoredLeads: 0 });
      const { lead } = await t.data(`query($id: ID!) { lead(id: $id) { lastActivityAt events { edges { node { type occurredAt properties } } } } }`, { id: leadId });
      expect(lead.lastActivityAt).toBe('2026-03-05T09:30:00.123Z');
      expect(lead.events.edges.map((e: any) => e.node)).toEqual([
        { type: 'form_submit', occurredAt: '2026-03-05T09:30:00.123Z', properties: { form: 'demo-request' } },
        { type: 'page_view', occurredAt: '2026-03-01T10:00:00.000Z', properties: { path: '/pricing' } },
      ]);
    });

    it('counts a repeated idempotency key as a duplicate, within a batch and across batches', async () => {
      const event = { leadId, type: 'email_click', occurredAt: '2026-03-06T00:00:00Z', properties: { campaign: 'c1' }, idempotencyKey: 'click-1' };
      expect((await t.data(TRACK, { input: [event, event] })).trackEvents).toMatchObject({ accepted: 1, duplicates: 1 });
      expect((await t.data(TRACK, { input: [event] })).trackEvents).toMatchObject({ accepted: 0, duplicates: 1 });
    });

    it.each([
      ['an unknown lead id', { leadId: '7d0c1f0e-0000-4000-8000-000000000000', type: 'page_view' }, 'UNKNOWN_LEAD'],
      ['an unknown external id', { leadExternalId: 'nope', type: 'page_view' }, 'UNKNOWN_LEAD'],
      ['a malformed lead id', { leadId: 'not-a-uuid', type: 'page_view' }, 'UNKNOWN_LEAD'],
      ['no lead at all', { type: 'page_view' }, 'UNKNOWN_LEAD'],
      ['a bad type', { leadExternalId: 'crm-1', type: 'page view!' }, 'INVALID_EVENT_TYPE'],
      ['an empty type', { leadExternalId: 'crm-1', type: '' }, 'INVALID_EVENT_TYPE'],
      ['a timestamp far in the future', { leadExternalId: 'crm-1', type: 'page_view', occurredAt: '2999-01-01T00:00:00Z' }, 'INVALID_TIMESTAMP'],
      ['a timestamp before 2000', { leadExternalId: 'crm-1', type: 'page_view', occurredAt: '1999-12-31T23:59:59Z' }, 'INVALID_TIMESTAMP'],
      ['a non-string property', { leadExternalId: 'crm-1', type: 'page_view', properties: { path: 3 } }, 'INVALID_PROPERTIES'],
      ['properties that are not an object', { leadExternalId: 'crm-1', type: 'page_view', properties: 'x' }, 'INVALID_PROPERTIES'],
    ])('rejects the whole batch for %s, naming the item', async (_name, bad, code) => {
      const before = await count('events');
      const good = { leadExternalId: 'crm-1', type: 'page_view', properties: { path: '/ok' } };
      const result = await t.gql(TRACK, { input: [good, good, bad] });
      expect(result.errors?.[0].extensions).toMatchObject({ code, index: 2 });
      expect(result.errors?.[0].message).toMatch(/^Event 2: /);
      expect(await count('events')).toBe(before);
    });

    it('rejects a malformed timestamp with BAD_USER_INPUT naming the item', async () => {
      const result = await t.gql(TRACK, { input: [{ leadExternalId: 'crm-1', type: 'page_view', occurredAt: '2026-13-45' }] });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('input[0].occurredAt');
    });

    it('accepts a batch of 1,000 in one transaction', async () => {
      const before = await count('events');
      const input = Array.from({ length: 1000 }, (_, i) => ({
        leadExternalId: i % 2 ? 'crm-1' : 'crm-2',
        type: 'page_view',
        occurredAt: new Date(Date.UTC(2026, 3, 1) + i * 1000).toISOString(),
        properties: { path: `/blog/${i}` },
      }));
      expect((await t.data(TRACK, { input })).trackEvents).toMatchObject({ accepted: 1000, duplicates: 0 });
      expect(await count('events')).toBe(before + 1000);
    });
  });
});
