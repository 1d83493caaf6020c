// Hostile GraphQL through HTTP: a table of requests an attacker (or a broken
// client) might send, each with the documented refusal (extensions.code and/or
// HTTP status); then the server must still serve a normal query. Then
// injection-shaped strings in every string input: stored and returned byte for
// byte as text, and every table still there.

import { startTestServer, type TestServer } from './support/testServer';

interface Reply {
  readonly status: number;
  /** Parsed JSON when the body is JSON, else the text. */
  readonly body: any;
}

interface Row {
  readonly name: string;
  /** Sends the request; `t` is the running server. */
  readonly send: (h: Helpers) => Promise<Reply>;
  /** HTTP status expected, when it is part of the contract. */
  readonly status?: number;
  /** extensions.code of the first error (or one of several acceptable); null: no error expected. */
  readonly code: string | readonly string[] | null;
  /** More checks on the reply. */
  readonly check?: (reply: Reply) => void;
  /**
   * A known bug in src/: the row is run with it.failing (it passes while the
   * server still gets it wrong, and fails once fixed: then drop this flag).
   */
  readonly knownBug?: string;
}

interface Helpers {
  readonly t: TestServer;
  /** A lead of the workspace (for lead.events). */
  readonly leadId: string;
  /** A model of the workspace with a draft (for saveDraft). */
  readonly modelId: string;
  /** POSTs a raw body with the admin key. */
  raw(body: string | Buffer, headers?: Record<string, string>, method?: string, query?: string): Promise<Reply>;
  /** POSTs a GraphQL document as JSON with the admin key. */
  gql(query: string, variables?: Record<string, unknown>): Promise<Reply>;
}

const cursorOf = (value: unknown[]) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

/** `{ ... on Query { ... on Query { ... leads { totalCount } } } }`, `levels` fragments deep. */
function nestedFragments(levels: number): string {
  return `{ ${'... on Query { '.repeat(levels)}leads(first: 1) { totalCount }${' }'.repeat(levels)} }`;
}

const ROWS: readonly Row[] = [
  {
    name: 'nesting deeper than the depth limit (12)',
    send: ({ gql }) => gql(nestedFragments(14)),
    code: 'GRAPHQL_VALIDATION_FAILED',
    check: ({ body }) => {
      expect(body.errors[0].message).toMatch(/depth/i);
      expect(body.data).toBeUndefined();
    },
  },
  {
    name: 'nesting at the depth limit is accepted (control)',
    send: ({ gql }) => gql(nestedFragments(9)),
    code: null,
    check: ({ body }) => expect(body.data.leads.totalCount).toBeGreaterThanOrEqual(1),
  },
  {
    name: '31 aliases of an expensive field (alias limit 30)',
    send: ({ gql }) =>
      gql(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: leads(first: 1, filter: {search: "x${i}"}) { totalCount }`).join(' ')} }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
    check: ({ body }) => expect(body.errors[0].message).toMatch(/alias/i),
  },
  {
    name: 'a document of more than 2,000 tokens',
    send: ({ gql }) => gql(`{ leads(first: 1) { edges { node { ${'id '.repeat(2100)}} } } }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
    check: ({ body }) => expect(body.errors[0].message).toMatch(/token/i),
  },
  {
    name: 'a static cost over 50,000 (500 leads x 500 events)',
    send: ({ gql }) => gql(`{ leads(first: 500) { edges { node { id events(first: 500) { edges { node { id type properties } } } } } } }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
    check: ({ body }) => expect(body.errors[0].message).toMatch(/cost|complexity/i),
  },
  {
    name: 'page sizes in variables multiplying past 100,000 objects (500 leads x 500 events)',
    send: ({ gql }) =>
      gql(`query($n: Int) { leads(first: $n) { edges { node { id events(first: $n) { edges { node { id type properties } } } } } } }`, { n: 500 }),
    code: 'QUERY_TOO_COMPLEX',
    check: ({ body }) => expect(body.errors[0].extensions).toMatchObject({ max: 100_000 }),
  },
  {
    name: 'trackEvents with 5,001 items (max batch 5,000)',
    send: ({ gql }) =>
      gql(`mutation($input: [EventInput!]!) { trackEvents(input: $input) { accepted } }`, {
        input: Array.from({ length: 5001 }, (_, i) => ({ leadExternalId: 'hostile-base', type: 'page_view', idempotencyKey: `k${i}` })),
      }),
    code: 'BATCH_TOO_LARGE',
    check: ({ body }) => {
      expect(body.errors[0].extensions).toMatchObject({ max: 5000, size: 5001 });
      expect(body.data).toBeNull();
    },
  },
  {
    name: 'a body over 5 MB',
    send: ({ raw }) =>
      raw(JSON.stringify({ query: 'query($s: String!) { validateRules(source: $s) { valid } }', variables: { s: 'x'.repeat(5.5 * 1024 * 1024) } })),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a body that is not JSON',
    send: ({ raw }) => raw('{"query": "{ leads { totalCount } }", '),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a string for an Int variable',
    send: ({ gql }) => gql(`query($n: Int) { leads(first: $n) { totalCount } }`, { n: 'ten' }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a float for an Int variable',
    send: ({ gql }) => gql(`query($n: Int) { leads(first: $n) { totalCount } }`, { n: 1.5 }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'an object for a String variable',
    send: ({ gql }) => gql(`query($s: String!) { validateRules(source: $s) { valid } }`, { s: { $gt: '' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a 2,000-character email',
    send: ({ gql }) => gql(`mutation($e: String!) { upsertLeads(input: [{email: $e}]) { id } }`, { e: `${'a'.repeat(1990)}@example.com` }),
    code: 'INVALID_LEAD',
    check: ({ body }) => expect(body.errors[0].extensions).toMatchObject({ index: 0, field: 'email' }),
  },
  {
    name: 'a 5,000-character company name',
    send: ({ gql }) => gql(`mutation($c: String!) { upsertLeads(input: [{externalId: "long-company", company: $c}]) { id } }`, { c: 'c'.repeat(5000) }),
    code: 'INVALID_LEAD',
    check: ({ body }) => expect(body.errors[0].extensions).toMatchObject({ field: 'company' }),
  },
  {
    name: 'attributes over 16 KB',
    send: ({ gql }) =>
      gql(`mutation($a: JSON!) { upsertLeads(input: [{externalId: "big-attributes", attributes: $a}]) { id } }`, { a: { blob: 'b'.repeat(20_000) } }),
    code: 'INVALID_LEAD',
    check: ({ body }) => expect(body.errors[0].extensions).toMatchObject({ field: 'attributes' }),
  },
  {
    name: 'more than 100 attributes',
    send: ({ gql }) =>
      gql(`mutation($a: JSON!) { upsertLeads(input: [{externalId: "many-attributes", attributes: $a}]) { id } }`, {
        a: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])),
      }),
    code: 'INVALID_LEAD',
  },
  {
    name: 'attributes that are an array',
    send: ({ gql }) => gql(`mutation($a: JSON!) { upsertLeads(input: [{externalId: "array-attributes", attributes: $a}]) { id } }`, { a: [1, 2] }),
    code: 'INVALID_LEAD',
  },
  ...(
    [
      ['leads: garbage', `{ leads(after: "not a cursor") { totalCount } }`],
      ['leads: base64 of something else', `{ leads(after: "${Buffer.from('{"a":1}').toString('base64url')}") { totalCount } }`],
      ['leads: a cursor of another ordering', `{ leads(after: "${cursorOf(['lead:TOTAL:DESC', '1', ZERO_UUID])}") { totalCount } }`],
      ['leads: SQL in the sort value', `{ leads(after: "${cursorOf(['lead:CREATED_AT:DESC', "now()'); DROP TABLE leads; --", ZERO_UUID])}") { totalCount } }`],
      ['events: garbage', `query($id: ID!) { lead(id: $id) { events(after: "%%%") { edges { cursor } } } }`],
      ['events: a lead cursor', `query($id: ID!) { lead(id: $id) { events(after: "${cursorOf(['lead:CREATED_AT:DESC', '2025-01-01T00:00:00Z', ZERO_UUID])}") { edges { cursor } } } }`],
      ['thresholdEvents: garbage', `{ thresholdEvents(after: "\\\\x00'--") { edges { cursor } } }`],
      ['thresholdEvents: a non-numeric id', `{ thresholdEvents(after: "${cursorOf(['crossing', '1 OR 1=1'])}") { edges { cursor } } }`],
      // Well-formed cursors whose values the database cannot hold.
      ['thresholdEvents: an id beyond bigint', `{ thresholdEvents(after: "${cursorOf(['crossing', '9999999999999999999'])}") { edges { cursor } } }`],
      ['leads: a total beyond float8', `{ leads(after: "${cursorOf(['lead:TOTAL:DESC', '1e999', ZERO_UUID])}", orderBy: {field: TOTAL, direction: DESC}) { totalCount } }`],
      ['leads: a total below float8', `{ leads(after: "${cursorOf(['lead:TOTAL:DESC', '1e-999', ZERO_UUID])}", orderBy: {field: TOTAL, direction: DESC}) { totalCount } }`],
      ['leads: the year 0', `{ leads(after: "${cursorOf(['lead:CREATED_AT:DESC', '0000-01-01T00:00:00Z', ZERO_UUID])}") { totalCount } }`],
      ['leads: February 30', `{ leads(after: "${cursorOf(['lead:CREATED_AT:DESC', '2025-02-30T00:00:00Z', ZERO_UUID])}") { totalCount } }`],
      ['events: an id beyond bigint', `query($id: ID!) { lead(id: $id) { events(after: "${cursorOf(['event', '2025-01-01T00:00:00Z', '9999999999999999999'])}") { edges { cursor } } } }`],
      ['webhookDeliveries: an id beyond bigint', `{ webhookDeliveries(after: "${cursorOf(['webhook-delivery', '9999999999999999999'])}") { edges { cursor } } }`],
    ] as const
  ).map(
    ([what, query]): Row => ({
      name: `an invalid cursor (${what})`,
      send: ({ gql, leadId }) => gql(query, query.includes('$id') ? { id: leadId } : undefined),
      code: 'INVALID_CURSOR',
    }),
  ),
  ...(
    [
      // Passed as variables: the static cost counts only literal page sizes, so these reach the resolvers' own check.
      ['leads', `query($n: Int) { leads(first: $n) { totalCount } }`, 10_000],
      ['events', `query($id: ID!, $n: Int) { lead(id: $id) { events(first: $n) { pageInfo { hasNextPage } } } }`, 10_000],
      ['thresholdEvents', `query($n: Int) { thresholdEvents(first: $n) { pageInfo { hasNextPage } } }`, 10_000],
      ['leads, negative', `query($n: Int) { leads(first: $n) { totalCount } }`, -1],
      ['leads, zero', `query($n: Int) { leads(first: $n) { totalCount } }`, 0],
    ] as const
  ).map(
    ([what, query, n]): Row => ({
      name: `a page size out of 1..500 (${what}: ${n})`,
      send: ({ gql, leadId }) => gql(query, query.includes('$id') ? { id: leadId, n } : { n }),
      code: 'BAD_USER_INPUT',
      check: ({ body }) => expect(body.errors[0].message).toMatch(/between 1 and 500/),
    }),
  ),
  {
    name: 'a literal page size of 10,000 (refused by the cost limit before the resolver)',
    send: ({ gql }) => gql(`{ thresholdEvents(first: 10000) { pageInfo { hasNextPage } } }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  // U+0000 cannot be stored in Postgres text or jsonb; it must be refused as bad input, not fail inside the database.
  ...(
    [
      ['a lead text field', `mutation($s: String) { upsertLeads(input: [{externalId: "nul", firstName: $s}]) { id } }`, ['INVALID_LEAD', 'BAD_USER_INPUT']],
      ['an externalId', `mutation($s: String) { upsertLeads(input: [{externalId: $s}]) { id } }`, ['INVALID_LEAD', 'BAD_USER_INPUT']],
      ['an attribute value', `mutation($s: String) { upsertLeads(input: [{externalId: "nul", attributes: {note: $s}}]) { id } }`, ['INVALID_LEAD', 'BAD_USER_INPUT']],
      ['an event property', `mutation($s: String) { trackEvents(input: [{leadExternalId: "hostile-base", type: "page_view", properties: {path: $s}}]) { accepted } }`, ['INVALID_PROPERTIES', 'BAD_USER_INPUT']],
      ['a search filter', `query($s: String) { leads(filter: {search: $s}) { totalCount } }`, ['BAD_USER_INPUT']],
      ['leadByEmail', `query($s: String!) { leadByEmail(email: $s) { id } }`, ['BAD_USER_INPUT']],
      ['a model name', `mutation($s: String!) { createScoringModel(input: {name: $s}) { id } }`, ['INVALID_MODEL', 'BAD_USER_INPUT']],
      ['a rule source comment (saveDraft)', `mutation($m: ID!, $s: String!) { saveDraft(modelId: $m, source: $s) { version } }`, ['RULES_INVALID', 'BAD_USER_INPUT']],
    ] as const
  ).map(
    ([what, query, codes]): Row => ({
      name: `a NUL character in ${what}`,
      send: ({ gql, modelId }) => gql(query, { s: what.includes('source') ? '+1 when title is set # a\u0000b' : 'a\u0000b@example.com', m: modelId }),
      code: codes,
    }),
  ),
  {
    name: 'a rule source over 100,000 characters through validateRules (diagnostics, not an error)',
    send: ({ gql }) => gql(`query($s: String!) { validateRules(source: $s) { valid diagnostics { code severity } } }`, { s: '#'.repeat(100_001) }),
    status: 200,
    code: null,
    check: ({ body }) => {
      expect(body.data.validateRules.valid).toBe(false);
      expect(body.data.validateRules.diagnostics).toContainEqual({ code: 'DSL_SOURCE_TOO_LARGE', severity: 'error' });
    },
  },
  {
    name: 'batched HTTP requests (an array body)',
    send: ({ raw }) => raw(JSON.stringify([{ query: '{ leads { totalCount } }' }, { query: '{ scoringModels { id } }' }])),
    status: 400,
    code: 'BAD_REQUEST',
    check: ({ body }) => expect(JSON.stringify(body)).toMatch(/batch/i),
  },
  {
    name: 'a mutation over GET',
    send: ({ raw }) =>
      raw('', { 'apollo-require-preflight': 'true' }, 'GET', `query=${encodeURIComponent('mutation { upsertLeads(input: [{externalId: "via-get"}]) { id } }')}`),
    status: 405,
    code: 'BAD_REQUEST',
    check: ({ body }) => expect(JSON.stringify(body)).toMatch(/GET.*mutation/i),
  },
  {
    name: 'a cross-site simple POST (content-type text/plain)',
    send: ({ raw }) =>
      raw(JSON.stringify({ query: 'mutation { upsertLeads(input: [{externalId: "via-csrf"}]) { id } }' }), { 'content-type': 'text/plain' }),
    status: 400,
    code: 'BAD_REQUEST',
    check: ({ body }) => expect(JSON.stringify(body)).toMatch(/CSRF|Cross-Site/i),
  },
  {
    name: 'a cross-site simple GET (no preflight header)',
    send: ({ raw }) => raw('', {}, 'GET', `query=${encodeURIComponent('{ leads { totalCount } }')}`),
    status: 400,
    code: 'BAD_REQUEST',
    check: ({ body }) => expect(JSON.stringify(body)).toMatch(/CSRF|Cross-Site/i),
  },
];

/** Injection-shaped text; none holds NUL. Each is used in every string input. */
const PAYLOADS: readonly string[] = [
  "'; DROP TABLE leads; --",
  'Robert"); DELETE FROM events WHERE (1=1',
  '$1 $2::text $$ $tag$ x $tag$',
  '100% _off %% %_ \\%',
  'back\\slash \\\\ \\x00 \\n \\u0000 E\'\\047\'',
  '{{7*7}} ${7*7} #{7*7} <%= 7*7 %>',
  '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>',
  'Zoë Ωmega Дмитрий 東京 🚀👩🏽‍💻 ﷽ a\u0301 \u202Eevil\u202C z\u200Bw\uFEFFj\t\ttab',
  "-- comment /* block */ ; COMMIT; SELECT pg_sleep(10); '",
];

/** The lead written for payload i: every text field and an attribute carry it. */
function leadInput(payload: string, i: number) {
  return {
    externalId: `ext-${i}-${payload}`,
    email: `p${i}.${payload.replace(/[\s@]/g, '')}@example.com`,
    firstName: payload,
    lastName: `${payload}-last`,
    title: payload,
    company: `co ${payload}`,
    industry: payload,
    country: payload,
    source: payload,
    attributes: { note: payload, [`key ${payload}`]: `value ${payload}`, nested: { deep: [payload] } },
  };
}

const LEAD_FIELDS = `id externalId email firstName lastName title company industry country source attributes`;

describe('hostile requests', () => {
  let t: TestServer;
  let helpers: Helpers;

  beforeAll(async () => {
    t = await startTestServer();
    const { upsertLeads } = await t.data(`mutation { upsertLeads(input: [{externalId: "hostile-base", email: "base@example.com"}]) { id } }`);
    const { createScoringModel } = await t.data(`mutation { createScoringModel(input: {name: "Base", source: "+1 when title is set"}) { id } }`);
    const request = async (url: string, init: RequestInit): Promise<Reply> => {
      const response = await fetch(url, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body };
    };
    helpers = {
      t,
      leadId: upsertLeads[0].id,
      modelId: createScoringModel.id,
      raw: (body, headers = {}, method = 'POST', query) =>
        request(`${t.server.url}/graphql${query ? `?${query}` : ''}`, {
          method,
          // A GET carries no content type (a browser's simple request); a POST is JSON unless the row says otherwise.
          headers: { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${t.adminKey}`, ...headers },
          body: method === 'GET' ? undefined : body,
        }),
      gql: (query, variables) => helpers.raw(JSON.stringify({ query, variables })),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  describe.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const test = row.knownBug ? it.failing : it;
    const title = `gets ${[row.code ?? 'no error'].flat().join(' or ')}${row.status ? ` (HTTP ${row.status})` : ''}${row.knownBug ? ` [KNOWN BUG: ${row.knownBug}]` : ''}`;
    test(title, async () => {
      const reply = await row.send(helpers);
      const codes = typeof reply.body === 'object' && reply.body !== null ? (reply.body.errors ?? []).map((e: any) => e.extensions?.code) : [];
      if (row.status !== undefined) expect({ status: reply.status, body: reply.body }).toMatchObject({ status: row.status });
      if (row.code === null) {
        expect(reply.body.errors).toBeUndefined();
      } else {
        expect([row.code].flat()).toContain(codes[0]);
      }
      expect(codes).not.toContain('INTERNAL_ERROR');
      row.check?.(reply);
    });
  });

  it('stored nothing from the refused requests, and still serves a normal query', async () => {
    const data = await t.data(`{ leads(first: 10) { totalCount edges { node { externalId } } } }`);
    expect(data.leads.edges.map((e: { node: { externalId: string } }) => e.node.externalId)).toEqual(['hostile-base']);
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM events`)).toEqual([{ n: 0 }]);
    const health = await fetch(`${t.server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  describe('injection-shaped strings in every string input', () => {
    const inputs = PAYLOADS.map(leadInput);
    let stored: Record<string, any>[];
    const modelIds: string[] = [];

    beforeAll(async () => {
      stored = (await t.data(`mutation($input: [LeadInput!]!) { upsertLeads(input: $input) { ${LEAD_FIELDS} } }`, { input: inputs })).upsertLeads;
    });

    it('upsertLeads returns every text field and attribute byte for byte', () => {
      expect(stored.map(({ id: _id, ...rest }) => rest)).toEqual(inputs);
    });

    it('reads them back byte for byte, by id, by email and from the database', async () => {
      for (const [i, input] of inputs.entries()) {
        const { lead, leadByEmail } = await t.data(`query($id: ID!, $email: String!) { lead(id: $id) { ${LEAD_FIELDS} } leadByEmail(email: $email) { id } }`, {
          id: stored[i].id,
          email: input.email,
        });
        expect(lead).toEqual({ id: stored[i].id, ...input });
        expect(leadByEmail).toEqual({ id: stored[i].id });
        const [row] = await t.db.dataSource.query(
          `SELECT external_id, email, first_name, last_name, title, company, industry, country, source, attributes FROM leads WHERE id = $1`,
          [stored[i].id],
        );
        expect(row).toEqual({
          external_id: input.externalId,
          email: input.email,
          first_name: input.firstName,
          last_name: input.lastName,
          title: input.title,
          company: input.company,
          industry: input.industry,
          country: input.country,
          source: input.source,
          attributes: input.attributes,
        });
        // Upserting the same lead again by its hostile externalId matches it rather than creating another.
        const again = await t.data(`mutation($e: String!) { upsertLeads(input: [{externalId: $e, title: "again"}]) { id title firstName } }`, {
          e: input.externalId,
        });
        expect(again.upsertLeads).toEqual([{ id: stored[i].id, title: 'again', firstName: input.firstName }]);
        await t.data(`mutation($e: String!, $t: String!) { upsertLeads(input: [{externalId: $e, title: $t}]) { id } }`, { e: input.externalId, t: input.title });
      }
    });

    it('searches for them as text: LIKE wildcards and backslashes match themselves', async () => {
      const searchable = (input: (typeof inputs)[number]) =>
        [input.email, input.firstName, input.lastName, input.company, input.title].join(' ').toLowerCase();
      for (const term of ['%', '_', '\\', "'", '$1', '{{7*7}}', '<script>', '%%', '\\%', 'drop table']) {
        const { leads } = await t.data(`query($s: String!) { leads(first: 100, filter: {search: $s}) { totalCount edges { node { externalId } } } }`, { s: term });
        const expected = inputs.filter((input) => searchable(input).includes(term.toLowerCase())).map((input) => input.externalId);
        expect(expected.length).toBeGreaterThan(0);
        expect({ term, found: leads.edges.map((e: { node: { externalId: string } }) => e.node.externalId).sort() }).toEqual({ term, found: [...expected].sort() });
        expect(leads.totalCount).toBe(expected.length);
      }
    });

    it('stores event properties (keys and values) and idempotency keys byte for byte, found by hostile externalIds', async () => {
      const events = PAYLOADS.map((payload, i) => ({
        leadExternalId: inputs[i].externalId,
        type: 'page_view',
        properties: { path: payload, [`k ${payload}`.slice(0, 100)]: payload },
        idempotencyKey: `idem ${payload}`,
      }));
      const { trackEvents } = await t.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) { accepted duplicates } }`, { input: events });
      expect(trackEvents).toEqual({ accepted: PAYLOADS.length, duplicates: 0 });
      // The same idempotency keys again are duplicates: compared as text, not patterns.
      const repeat = await t.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) { accepted duplicates } }`, { input: events });
      expect(repeat.trackEvents).toEqual({ accepted: 0, duplicates: PAYLOADS.length });
      for (const [i, event] of events.entries()) {
        const { lead } = await t.data(`query($id: ID!) { lead(id: $id) { events(first: 5) { edges { node { type properties } } } } }`, { id: stored[i].id });
        expect(lead.events.edges).toEqual([{ node: { type: 'page_view', properties: event.properties } }]);
      }
      const keys = await t.db.dataSource.query(`SELECT idempotency_key AS k FROM events ORDER BY 1`);
      expect(keys.map((r: { k: string }) => r.k).sort()).toEqual(events.map((e) => e.idempotencyKey).sort());
    });

    it('stores model names, descriptions and stage names byte for byte, and scores leads into the hostile stages', async () => {
      for (const [i, payload] of PAYLOADS.entries()) {
        const stage = payload.trim().slice(0, 50).trim();
        const { createScoringModel } = await t.data(
          `mutation($input: CreateScoringModelInput!) { createScoringModel(input: $input) { id name description thresholds { stage minScore } } }`,
          {
            input: {
              name: `m${i} ${payload}`,
              description: payload,
              // The stage also appears, quoted, in the rule source: a qualify rule naming it.
              source: `+50 when title is set\nqualify "${stage.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" when email ends_with "@example.com"`,
              thresholds: [{ stage, minScore: 40 }],
            },
          },
        );
        expect(createScoringModel).toMatchObject({ name: `m${i} ${payload}`, description: payload, thresholds: [{ stage, minScore: 40 }] });
        modelIds.push(createScoringModel.id);
        await t.data(`mutation($id: ID!) { publishModel(modelId: $id) { id } }`, { id: createScoringModel.id });
        const { lead, scoringModel } = await t.data(
          `query($lead: ID!, $model: ID!) { lead(id: $lead) { score(modelId: $model) { total stage } } scoringModel(id: $model) { name description published { source } thresholds { stage } } }`,
          { lead: stored[i].id, model: createScoringModel.id },
        );
        expect(lead.score).toEqual({ total: 50, stage });
        expect(scoringModel.name).toBe(`m${i} ${payload}`);
        expect(scoringModel.description).toBe(payload);
        expect(scoringModel.thresholds).toEqual([{ stage }]);
        // Filtering by the hostile stage finds the qualified leads: every lead's email ends with @example.com.
        const { leads } = await t.data(`query($model: ID!, $stage: String!) { leads(modelId: $model, filter: {stage: $stage}) { totalCount } }`, {
          model: createScoringModel.id,
          stage,
        });
        expect(leads.totalCount).toBe(PAYLOADS.length + 1);
      }
      const rows = await t.db.dataSource.query(`SELECT name, description FROM scoring_models WHERE name <> 'Base' ORDER BY created_at, name`);
      expect(rows).toEqual(PAYLOADS.map((payload, i) => ({ name: `m${i} ${payload}`, description: payload })));
    });

    it('leaves every table in place, with the rows expected', async () => {
      const tables = [
        'workspaces', 'api_keys', 'leads', 'events', 'scoring_models', 'model_versions', 'thresholds', 'lead_scores', 'score_changes',
        'threshold_events', 'webhooks', 'webhook_deliveries',
      ];
      const [found] = await t.db.dataSource.query(`SELECT ${tables.map((name, i) => `to_regclass($${i + 1}) IS NOT NULL AS "${name}"`).join(', ')}`, tables);
      expect(found).toEqual(Object.fromEntries(tables.map((name) => [name, true])));
      const [counts] = await t.db.dataSource.query(
        `SELECT (SELECT count(*) FROM leads)::int AS leads, (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM scoring_models)::int AS models`,
      );
      expect(counts).toEqual({ leads: PAYLOADS.length + 1, events: PAYLOADS.length, models: PAYLOADS.length + 1 });
      expect(modelIds).toHaveLength(PAYLOADS.length);
      expect((await t.data(`{ leads(first: 1) { totalCount } }`)).leads.totalCount).toBe(PAYLOADS.length + 1);
    });
  });
});
