// Reading leads through GraphQL: lookups, cursor paging, filters, ordering,
// events per lead, and a constant number of SQL statements per page.

import { startTestServer, statementCount, type TestServer } from './support/testServer';

const PAGE = `query Page($first: Int, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {
  leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { externalId lastActivityAt } }
  }
}`;

describe('reading leads through GraphQL', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
    const leads = Array.from({ length: 60 }, (_, i) => ({
      externalId: `L${String(i).padStart(2, '0')}`,
      email: `lead${i}@example.com`,
      firstName: i % 3 === 0 ? 'Анна' : 'Zoë',
      company: i % 5 === 0 ? 'Müller Straße AG' : `Company ${i}`,
      createdAt: new Date(Date.UTC(2026, 0, 1) + (i % 20) * 3600_000).toISOString(), // ties on purpose
    }));
    await t.data(`mutation($input: [LeadInput!]!) { upsertLeads(input: $input) { id } }`, { input: leads });
    // Every other lead has events; leads L00..L49 in steps of 2 get 7 events each.
    const events = [];
    for (let i = 0; i < 50; i += 2) {
      for (let k = 0; k < 7; k++) {
        events.push({
          leadExternalId: `L${String(i).padStart(2, '0')}`,
          type: k % 2 ? 'email_open' : 'page_view',
          occurredAt: new Date(Date.UTC(2026, 1, 1) + i * 60_000 + k * 1000).toISOString(),
          properties: k % 2 ? { campaign: 'spring' } : { path: `/p/${k}` },
        });
      }
    }
    await t.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) { accepted } }`, { input: events });
  });
  afterAll(async () => {
    await t.close();
  });

  async function walk(variables: Record<string, unknown>): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const { leads }: Record<string, any> = await t.data(PAGE, { ...variables, after });
      seen.push(...leads.edges.map((e: any) => e.node.externalId));
      if (!leads.pageInfo.hasNextPage) break;
      after = leads.pageInfo.endCursor;
    }
    return seen;
  }

  it('pages through every lead once, in order, with ties broken by id', async () => {
    const all = await walk({ first: 7, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    const asc = await walk({ first: 9, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(asc).toEqual([...all].reverse());
  });

  it('orders by last activity with leads that never acted last, in both directions', async () => {
    const desc = await walk({ first: 8, orderBy: { field: 'LAST_ACTIVITY_AT', direction: 'DESC' } });
    expect(desc).toHaveLength(60);
    expect(desc.slice(0, 3)).toEqual(['L48', 'L46', 'L44']);
    expect(desc.slice(25).every((id) => Number(id.slice(1)) % 2 === 1 || Number(id.slice(1)) >= 50)).toBe(true);
    const asc = await walk({ first: 8, orderBy: { field: 'LAST_ACTIVITY_AT', direction: 'ASC' } });
    expect(asc.slice(0, 3)).toEqual(['L00', 'L02', 'L04']);
    expect(new Set(asc).size).toBe(60);
  });

  it('searches email, name and company case-insensitively, in any script', async () => {
    const { leads } = await t.data(PAGE, { first: 100, filter: { search: 'MÜLLER straße' } });
    expect(leads.totalCount).toBe(12);
    const cyrillic = await t.data(PAGE, { first: 100, filter: { search: 'анна' } });
    expect(cyrillic.leads.totalCount).toBe(20);
    const literal = await t.data(PAGE, { first: 100, filter: { search: '%' } });
    expect(literal.leads.totalCount).toBe(0);
  });

  it('lists no lead for score filters while no model has scored them', async () => {
    const { leads } = await t.data(PAGE, { first: 10, filter: { stage: 'MQL' } });
    expect(leads).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['a cursor of another order', 'ORDER'],
    ['a forged value', Buffer.from(JSON.stringify(['lead:CREATED_AT:DESC', "2026'; DROP TABLE leads; --", 'x'])).toString('base64url')],
  ])('refuses %s with INVALID_CURSOR', async (_name, cursor) => {
    let after = cursor;
    if (cursor === 'ORDER') {
      const { leads } = await t.data(PAGE, { first: 1, orderBy: { field: 'LAST_ACTIVITY_AT', direction: 'DESC' } });
      after = leads.pageInfo.endCursor;
    }
    const result = await t.gql(PAGE, { first: 5, after, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(result.errors?.[0].extensions?.code).toBe('INVALID_CURSOR');
  });

  it('refuses page sizes outside 1..500', async () => {
    for (const first of [0, 501, -3]) {
      const result = await t.gql(PAGE, { first });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('pages through one lead’s events, newest first', async () => {
    const EVENTS = `query($id: ID!, $after: String) { lead(id: $id) { events(first: 3, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { occurredAt } } } } }`;
    const { leadByEmail } = await t.data(`{ leadByEmail(email: "LEAD4@example.com") { id } }`);
    const times: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const { lead }: Record<string, any> = await t.data(EVENTS, { id: leadByEmail.id, after });
      times.push(...lead.events.edges.map((e: any) => e.node.occurredAt));
      if (!lead.events.pageInfo.hasNextPage) break;
      after = lead.events.pageInfo.endCursor;
    }
    expect(times).toHaveLength(7);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('returns null for a lead that does not exist or a malformed id', async () => {
    expect(await t.data(`{ a: lead(id: "7d0c1f0e-0000-4000-8000-000000000000") { id } b: lead(id: "nope") { id } }`)).toEqual({ a: null, b: null });
  });

  it('serves a page of leads with their last 5 events in a constant number of SQL statements', async () => {
    const query = (name: string) => `query ${name}($first: Int) { leads(first: $first, orderBy: {field: LAST_ACTIVITY_AT, direction: DESC}) {
      edges { node { email events(first: 5) { edges { node { type occurredAt } } } } } } }`;
    const small = await t.data(query('Small'), { first: 2 });
    const large = await t.data(query('Large'), { first: 50 });
    expect(small.leads.edges).toHaveLength(2);
    expect(large.leads.edges).toHaveLength(50);
    expect(large.leads.edges[0].node.events.edges).toHaveLength(5);
    const smallCount = await statementCount(t.metrics, 'Small');
    const largeCount = await statementCount(t.metrics, 'Large');
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
    expect(largeCount).toBeLessThanOrEqual(3);
  });

  it('reads the fields a page asks for, through aliases and fragments, with the values of each lead alone', async () => {
    const FIELDS = 'id externalId email firstName lastName title company industry country source employees annualRevenue attributes createdAt lastActivityAt';
    const ORDER = 'orderBy: {field: CREATED_AT, direction: ASC}';
    const full = await t.data(`{ leads(first: 60, ${ORDER}) { edges { node { ${FIELDS} } } } }`);
    expect(full.leads.edges).toHaveLength(60);
    for (const { node } of full.leads.edges.slice(0, 6)) {
      expect((await t.data(`query($id: ID!) { lead(id: $id) { ${FIELDS} } }`, { id: node.id })).lead).toEqual(node);
    }
    const partial = await t.data(`{ leads(first: 60, ${ORDER}) { edges { node { mail: email ...More ... on Lead { lastActivityAt } } } } }
      fragment More on Lead { company firstName }`);
    expect(partial.leads.edges.map((e: any) => e.node)).toEqual(
      full.leads.edges.map(({ node }: any) => ({ mail: node.email, company: node.company, firstName: node.firstName, lastActivityAt: node.lastActivityAt })),
    );
  });

  it('gives null scores in one statement when the workspace has no scoring model', async () => {
    const { leads } = await t.data(`query NoModel { leads(first: 3) { edges { node { score { total } scoreHistory { total } } } } }`);
    expect(leads.edges).toEqual(Array.from({ length: 3 }, () => ({ node: { score: null, scoreHistory: [] } })));
    expect(await statementCount(t.metrics, 'NoModel')).toBe(1);
  });

  it('marks GraphQL responses, errors included, as not to be cached', async () => {
    for (const query of ['{ leads(first: 1) { edges { cursor } } }', '{ nope }']) {
      const response = await fetch(`${t.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
        body: JSON.stringify({ query }),
      });
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers health, readiness and metrics', async () => {
    expect(await (await fetch(`${t.server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.server.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const metrics = await (await fetch(`${t.server.url}/metrics`)).text();
    expect(metrics).toMatch(/leadscore_graphql_requests_total\{operation="Page",outcome="ok"\} \d+/);
    expect(metrics).toContain('leadscore_graphql_request_duration_seconds_bucket');
  });
});
