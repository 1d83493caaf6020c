// The scoring service end to end through GraphQL on a real Postgres: the
// example model of dsl.md over hand-built leads whose scores, stages and
// explanations are worked out by hand below; publish, preview, thresholds,
// rollback, concurrent publish, backtesting, crossings from trackEvents.

import { startTestServer, statementCount, type TestServer } from './support/testServer';

const NOW = Date.UTC(2026, 5, 1); // 2026-06-01T00:00:00Z: the server's clock in this file
const DAY = 86_400_000;
const at = (msBeforeNow: number) => new Date(NOW - msBeforeNow).toISOString();

const SOURCE = [
  '# fit: who they are', // 1
  '+15 when employees >= 200', // 2
  '+10 when industry in ["SaaS", "Fintech"]', // 3
  '-30 when email ends_with "@gmail.com"', // 4
  'fit +5 when title contains "director" or title contains "vp"', // 5
  '', // 6
  '# engagement: what they do', // 7
  '+10 when visited("/pricing")', // 8
  '+20 when submitted("demo-request") within 30d', // 9
  '+2 per visited("/blog/*") within 30d max 20', // 10
  '+3 per opened_email() max 15 decay 50% every 14d', // 11
  '+5 when count(clicked_email("spring-launch")) >= 2', // 12
  '-20 when inactive > 90d', // 13
  '', // 14
  'qualify "SQL" when submitted("demo-request")', // 15
  'disqualify when email ends_with "@competitor.example"', // 16
].join('\n');

const LEADS = [
  { externalId: 'A', email: 'ana@acme.io', employees: 500, industry: 'saas', title: 'VP Marketing', createdAt: at(60 * DAY) },
  { externalId: 'B', email: 'bob@gmail.com', employees: 50, industry: 'Retail', createdAt: at(100 * DAY) },
  { externalId: 'C', email: 'carol@competitor.example', employees: 1000, industry: 'Fintech', title: 'Director of Sales', createdAt: at(50 * DAY) },
  { externalId: 'D', email: 'dave@example.org', employees: 200, industry: 'Healthcare', title: 'Директор', createdAt: at(40 * DAY) },
  { externalId: 'E', email: 'erin@bigco.com', employees: 300, createdAt: at(10 * DAY) },
];

const view = (lead: string, path: string, ago: number) => ({ leadExternalId: lead, type: 'page_view', occurredAt: at(ago), properties: { path } });
const EVENTS = [
  view('A', '/pricing', 5 * DAY),
  { leadExternalId: 'A', type: 'form_submit', occurredAt: at(10 * DAY), properties: { form: 'demo-request' } },
  view('A', '/blog/a', 16 * DAY),
  view('A', '/blog/b', 17 * DAY),
  view('A', '/blog/c', 18 * DAY),
  { leadExternalId: 'A', type: 'email_open', occurredAt: at(1 * DAY), properties: { campaign: 'x' } },
  { leadExternalId: 'A', type: 'email_open', occurredAt: at(20 * DAY), properties: { campaign: 'x' } },
  { leadExternalId: 'A', type: 'email_open', occurredAt: at(30 * DAY), properties: { campaign: 'y' } },
  { leadExternalId: 'A', type: 'email_click', occurredAt: at(25 * DAY), properties: { campaign: 'spring-launch' } },
  { leadExternalId: 'A', type: 'email_click', occurredAt: at(26 * DAY), properties: { campaign: 'spring-launch' } },
  view('C', '/pricing', 2 * DAY),
  { leadExternalId: 'D', type: 'form_submit', occurredAt: at(31 * DAY), properties: { form: 'demo-request' } },
  view('D', '/pricing', 3 * DAY),
  ...Array.from({ length: 15 }, (_, i) => view('D', `/blog/post-${i}`, (i + 1) * 3600_000)),
];

const SCORE = `score { version total fit engagement grade stage explanation { line rule dimension points eventCount } }`;
const MODEL = `id name isDefault minScore maxScore published { version } draft { version } thresholds { stage minScore minFit position }`;

describe('scoring models through GraphQL', () => {
  let t: TestServer;
  let modelId: string;
  const leadIds: Record<string, string> = {};

  const scoreOf = async (key: string) => (await t.data(`query($id: ID!) { lead(id: $id) { ${SCORE} } }`, { id: leadIds[key] })).lead.score;

  beforeAll(async () => {
    t = await startTestServer({ now: () => new Date(NOW) });
    const { upsertLeads } = await t.data(`mutation($input: [LeadInput!]!) { upsertLeads(input: $input) { id externalId } }`, { input: LEADS });
    for (const lead of upsertLeads) leadIds[lead.externalId] = lead.id;
    await t.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) { accepted } }`, { input: EVENTS });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a model with a draft and thresholds; the first model is the default', async () => {
    const { createScoringModel } = await t.data(
      `mutation($input: CreateScoringModelInput!) { createScoringModel(input: $input) { ${MODEL} } }`,
      { input: { name: 'Core product', source: SOURCE, thresholds: [{ stage: 'MQL', minScore: 40 }, { stage: 'SQL', minScore: 70 }] } },
    );
    modelId = createScoringModel.id;
    expect(createScoringModel).toMatchObject({
      isDefault: true,
      minScore: 0,
      maxScore: 100,
      published: null,
      draft: { version: 1 },
      thresholds: [
        { stage: 'MQL', minScore: 40, minFit: null, position: 0 },
        { stage: 'SQL', minScore: 70, minFit: null, position: 1 },
      ],
    });
  });

  it('validates rules without storing them, with did-you-mean diagnostics', async () => {
    const { validateRules } = await t.data(
      `query($source: String!, $modelId: ID) { validateRules(source: $source, modelId: $modelId) {
        valid diagnostics { code message line column severity } rules { line text dimension kind } } }`,
      { source: '+10 when vistied("/pricing")\nqualify "Hot" when employes > 5', modelId },
    );
    expect(validateRules.valid).toBe(false);
    const codes = validateRules.diagnostics.map((d: any) => [d.code, d.line]);
    expect(codes).toEqual(expect.arrayContaining([['DSL_UNKNOWN_SELECTOR', 1], ['DSL_UNKNOWN_ATTRIBUTE', 2], ['DSL_UNKNOWN_STAGE', 2]]));
    expect(validateRules.diagnostics.map((d: any) => d.message).join(' ')).toMatch(/visited/);
    expect(validateRules.diagnostics.map((d: any) => d.message).join(' ')).toMatch(/employees/);
  });

  it('refuses an invalid draft with every diagnostic and keeps the old draft', async () => {
    const result = await t.gql(`mutation($id: ID!, $s: String!) { saveDraft(modelId: $id, source: $s) { version } }`, {
      id: modelId,
      s: '+10 when visited("/pricing") decay 50% every 7d\n20 when employees > 5',
    });
    expect(result.errors?.[0].extensions?.code).toBe('RULES_INVALID');
    const diagnostics = result.errors?.[0].extensions?.diagnostics as { code: string; line: number }[];
    expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['DSL_DECAY_ON_WHEN', 'DSL_MISSING_SIGN']));
    const { scoringModel } = await t.data(`query($id: ID!) { scoringModel(id: $id) { draft { version source } } }`, { id: modelId });
    expect(scoringModel.draft).toEqual({ version: 1, source: SOURCE });
  });

  it('previews what publishing would change, storing nothing', async () => {
    const { previewRules } = await t.data(
      `mutation($id: ID!, $s: String!) { previewRules(modelId: $id, source: $s, sampleSize: 2) {
        valid leadCount changedCount averageTotalBefore averageTotalAfter stagesBefore { stage count } stagesAfter { stage count }
        sample { lead { externalId } totalBefore totalAfter stageBefore stageAfter } } }`,
      { id: modelId, s: SOURCE },
    );
    expect(previewRules).toMatchObject({ valid: true, leadCount: 5, changedCount: 5, averageTotalBefore: null, stagesBefore: [] });
    // Totals worked out below: A 76.25, B 0, C 40, D 45, E 15.
    expect(previewRules.averageTotalAfter).toBeCloseTo((76.25 + 0 + 40 + 45 + 15) / 5, 2);
    expect(previewRules.stagesAfter).toEqual([
      { stage: null, count: 2 },
      { stage: 'SQL', count: 2 },
      { stage: 'disqualified', count: 1 },
    ]);
    expect(previewRules.sample).toEqual([
      { lead: { externalId: 'A' }, totalBefore: null, totalAfter: 76.25, stageBefore: null, stageAfter: 'SQL' },
      { lead: { externalId: 'D' }, totalBefore: null, totalAfter: 45, stageBefore: null, stageAfter: 'SQL' },
    ]);
    expect(await scoreOf('A')).toBeNull();
  });

  it('publishes the draft and scores every lead as worked out by hand', async () => {
    const { publishModel } = await t.data(`mutation($id: ID!) { publishModel(modelId: $id) { published { version publishedAt } draft { version } } }`, {
      id: modelId,
    });
    expect(publishModel).toMatchObject({ published: { version: 1 }, draft: null });

    // A: fit 15 (employees) + 10 (saas, any case) + 5 (VP) = 30. Engagement: pricing 10, demo request 10 days ago 20,
    // three blog views 6, opens decayed 3 + 1.5 + 0.75 = 5.25 (ages 1, 20, 30 days: buckets 0, 1, 2), two clicks 5.
    expect(await scoreOf('A')).toEqual({
      version: 1,
      total: 76.25,
      fit: 30,
      engagement: 46.25,
      grade: 'C',
      stage: 'SQL',
      explanation: [
        { line: 2, rule: '+15 when employees >= 200', dimension: 'FIT', points: 15, eventCount: null },
        { line: 3, rule: '+10 when industry in ["SaaS", "Fintech"]', dimension: 'FIT', points: 10, eventCount: null },
        { line: 5, rule: 'fit +5 when title contains "director" or title contains "vp"', dimension: 'FIT', points: 5, eventCount: null },
        { line: 8, rule: '+10 when visited("/pricing")', dimension: 'ENGAGEMENT', points: 10, eventCount: null },
        { line: 9, rule: '+20 when submitted("demo-request") within 30d', dimension: 'ENGAGEMENT', points: 20, eventCount: null },
        { line: 10, rule: '+2 per visited("/blog/*") within 30d max 20', dimension: 'ENGAGEMENT', points: 6, eventCount: 3 },
        { line: 11, rule: '+3 per opened_email() max 15 decay 50% every 14d', dimension: 'ENGAGEMENT', points: 5.25, eventCount: 3 },
        { line: 12, rule: '+5 when count(clicked_email("spring-launch")) >= 2', dimension: 'ENGAGEMENT', points: 5, eventCount: null },
      ],
    });
    // B: gmail -30, no event for 100 days -20: clamped to 0; no stage; grade D.
    expect(await scoreOf('B')).toMatchObject({ total: 0, fit: -30, engagement: -20, grade: 'D', stage: null });
    // C: fit 30, pricing 10 = 40 (MQL by score), but disqualified.
    expect(await scoreOf('C')).toMatchObject({ total: 40, fit: 30, engagement: 10, grade: 'C', stage: 'disqualified' });
    // D: fit 15 (200 employees, boundary); the demo request is 31 days old (outside 30d) but qualifies to SQL;
    // 15 blog views capped at 20; pricing 10. Total 45 would be MQL; qualify raises it to SQL.
    const d = await scoreOf('D');
    expect(d).toMatchObject({ total: 45, fit: 15, engagement: 30, grade: 'D', stage: 'SQL' });
    expect(d.explanation.find((c: any) => c.line === 10)).toEqual({
      line: 10,
      rule: '+2 per visited("/blog/*") within 30d max 20',
      dimension: 'ENGAGEMENT',
      points: 20,
      eventCount: 15,
    });
    expect(await scoreOf('E')).toMatchObject({ total: 15, fit: 15, engagement: 0, stage: null });
  });

  it('records a threshold event for every lead whose stage changed', async () => {
    const { thresholdEvents } = await t.data(
      `query($id: ID) { thresholdEvents(modelId: $id) { edges { cursor node { lead { externalId } version fromStage toStage direction totalBefore totalAfter } } } }`,
      { id: modelId },
    );
    const crossings = thresholdEvents.edges.map((e: any) => e.node).sort((a: any, b: any) => a.lead.externalId.localeCompare(b.lead.externalId));
    expect(crossings).toEqual([
      { lead: { externalId: 'A' }, version: 1, fromStage: null, toStage: 'SQL', direction: 'UP', totalBefore: null, totalAfter: 76.25 },
      { lead: { externalId: 'C' }, version: 1, fromStage: null, toStage: 'disqualified', direction: 'DOWN', totalBefore: null, totalAfter: 40 },
      { lead: { externalId: 'D' }, version: 1, fromStage: null, toStage: 'SQL', direction: 'UP', totalBefore: null, totalAfter: 45 },
    ]);
  });

  it('lists scored leads by total with stage filters, from the default model', async () => {
    const { leads } = await t.data(`{ leads(first: 10, orderBy: {field: TOTAL, direction: DESC}, filter: {stages: ["SQL", "MQL"]}) {
      totalCount edges { node { externalId score { total } } } } }`);
    expect(leads.totalCount).toBe(2);
    expect(leads.edges.map((e: any) => [e.node.externalId, e.node.score.total])).toEqual([['A', 76.25], ['D', 45]]);
    const graded = await t.data(`{ leads(filter: {grade: "C", minTotal: 40}) { edges { node { externalId } } } }`);
    expect(graded.leads.edges.map((e: any) => e.node.externalId).sort()).toEqual(['A', 'C']);
  });

  it('serves a page of leads with their scores in one statement, the scores each lead gives alone', async () => {
    const page = async (name: string, args: string, score = SCORE) =>
      (await t.data(`query ${name} { leads(first: 10, ${args}) { edges { node { externalId ${score} } } } }`)).leads.edges.map((e: any) => e.node);
    const byTotal = await page('ScoresByTotal', 'orderBy: {field: TOTAL, direction: DESC}');
    const byCreation = await page('ScoresOfModel', `orderBy: {field: CREATED_AT, direction: ASC}, modelId: "${modelId}"`, SCORE.replace('score', `score(modelId: "${modelId}")`));
    expect(byTotal.map((lead: any) => lead.externalId)).toEqual(['A', 'D', 'C', 'E', 'B']);
    expect(byCreation).toHaveLength(5);
    for (const lead of [...byTotal, ...byCreation]) expect(lead.score).toEqual(await scoreOf(lead.externalId));
    // The default model is looked up by the page's own statement, and the scores come with it.
    expect(await statementCount(t.metrics, 'ScoresByTotal')).toBe(1);
    // Some fields of the score, through an alias and a fragment; then mixed with a named model.
    const some = await page('SomeFields', 'orderBy: {field: TOTAL, direction: DESC}', 'score { total } ... on Lead { s: score { stage computedAt } }');
    expect(some).toEqual(byTotal.map((lead: any) => ({ externalId: lead.externalId, score: { total: lead.score.total }, s: { stage: lead.score.stage, computedAt: expect.any(String) } })));
    const mixed = await page('Mixed', 'orderBy: {field: TOTAL, direction: DESC}', `score { total } named: score(modelId: "${modelId}") { ${SCORE.slice('score {'.length, -1)} }`);
    expect(mixed).toEqual(byTotal.map((lead: any) => ({ externalId: lead.externalId, score: { total: lead.score.total }, named: lead.score })));
  });

  it('reports stats: leads per stage and the average total', async () => {
    const { scoringModel } = await t.data(`query($id: ID!) { scoringModel(id: $id) { stats { leadCount averageTotal stages { stage count } } } }`, {
      id: modelId,
    });
    expect(scoringModel.stats).toEqual({
      leadCount: 5,
      averageTotal: 35.25,
      stages: [
        { stage: null, count: 2 },
        { stage: 'SQL', count: 2 },
        { stage: 'disqualified', count: 1 },
      ],
    });
  });

  it('scores a lead as it was on a past date, storing nothing (backtesting)', async () => {
    // 15 days ago, A had: three blog views (16-18 days ago) 6, opens 20 and 30 days ago at ages 5 and 15 days: 3 + 1.5,
    // two clicks 5; the pricing view, the demo request and the newest open had not happened yet.
    const { evaluateLead } = await t.data(`query($lead: ID!, $asOf: DateTime) { evaluateLead(leadId: $lead, asOf: $asOf) {
      total fit engagement stage computedAt explanation { line points eventCount } } }`, { lead: leadIds.A, asOf: at(15 * DAY) });
    expect(evaluateLead).toMatchObject({ total: 45.5, fit: 30, engagement: 15.5, stage: 'MQL', computedAt: at(15 * DAY) });
    expect(evaluateLead.explanation.filter((c: any) => c.line >= 8)).toEqual([
      { line: 10, points: 6, eventCount: 3 },
      { line: 11, points: 4.5, eventCount: 2 },
      { line: 12, points: 5, eventCount: null },
    ]);
    expect((await scoreOf('A')).total).toBe(76.25);
  });

  it('re-stages leads when thresholds change, recording the crossings', async () => {
    const { setThresholds } = await t.data(`mutation($id: ID!, $th: [ThresholdInput!]!) { setThresholds(modelId: $id, thresholds: $th) {
      thresholds { stage minScore } } }`, { id: modelId, th: [{ stage: 'MQL', minScore: 10 }, { stage: 'SQL', minScore: 70 }] });
    expect(setThresholds.thresholds).toEqual([{ stage: 'MQL', minScore: 10 }, { stage: 'SQL', minScore: 70 }]);
    expect((await scoreOf('E')).stage).toBe('MQL');
    const { thresholdEvents } = await t.data(`{ thresholdEvents { edges { node { lead { externalId } fromStage toStage direction } } } }`);
    expect(thresholdEvents.edges.at(-1).node).toEqual({ lead: { externalId: 'E' }, fromStage: null, toStage: 'MQL', direction: 'UP' });
  });

  it('returns the crossings trackEvents causes, committed with the events', async () => {
    const { trackEvents } = await t.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) {
      accepted rescoredLeads thresholdEvents { lead { externalId } fromStage toStage direction totalBefore totalAfter } } }`, {
      input: [view('E', '/pricing', 3600_000), { leadExternalId: 'E', type: 'form_submit', occurredAt: at(1800_000), properties: { form: 'demo-request' } }],
    });
    expect(trackEvents).toEqual({
      accepted: 2,
      rescoredLeads: 1,
      thresholdEvents: [{ lead: { externalId: 'E' }, fromStage: 'MQL', toStage: 'SQL', direction: 'UP', totalBefore: 15, totalAfter: 45 }],
    });
    const history = await t.data(`query($id: ID!) { lead(id: $id) { scoreHistory { version total stage } } }`, { id: leadIds.E });
    expect(history.lead.scoreHistory).toEqual([
      { version: 1, total: 45, stage: 'SQL' },
      { version: 1, total: 15, stage: 'MQL' },
      { version: 1, total: 15, stage: null },
    ]);
  });

  it('publishes a new version and rolls back to the old one', async () => {
    await t.data(`mutation($id: ID!, $s: String!) { saveDraft(modelId: $id, source: $s) { version } }`, {
      id: modelId,
      s: '+80 when employees >= 200',
    });
    await t.data(`mutation($id: ID!) { publishModel(modelId: $id) { published { version } } }`, { id: modelId });
    expect(await scoreOf('A')).toMatchObject({ version: 2, total: 80, stage: 'SQL' });
    const { publishModel } = await t.data(`mutation($id: ID!) { publishModel(modelId: $id, version: 1) { published { version } versions { version publishedAt } } }`, {
      id: modelId,
    });
    expect(publishModel.published.version).toBe(1);
    expect(publishModel.versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect(await scoreOf('A')).toMatchObject({ version: 1, total: 76.25 });
  });

  it('lets one of two concurrent publishes win; the other fails cleanly', async () => {
    await t.data(`mutation($id: ID!, $s: String!) { saveDraft(modelId: $id, source: $s) { version } }`, { id: modelId, s: '+5 when employees > 0' });
    const publish = () => t.gql(`mutation($id: ID!) { publishModel(modelId: $id) { published { version } } }`, { id: modelId });
    const results = await Promise.all([publish(), publish()]);
    const ok = results.filter((r) => !r.errors);
    const failed = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(['CONFLICT', 'NO_DRAFT']).toContain(failed[0].errors![0].extensions?.code);
    const versions = new Set((await t.db.dataSource.query(`SELECT DISTINCT version FROM lead_scores`)).map((r: any) => r.version));
    expect(versions).toEqual(new Set([3]));
  });

  it.each([
    ['an unknown model', `mutation { publishModel(modelId: "7d0c1f0e-0000-4000-8000-000000000000") { id } }`, 'NOT_FOUND'],
    ['minScore above maxScore', `mutation { createScoringModel(input: {name: "x", minScore: 50, maxScore: 10}) { id } }`, 'INVALID_MODEL'],
    ['a duplicate model name', `mutation { createScoringModel(input: {name: "core PRODUCT"}) { id } }`, 'INVALID_MODEL'],
    ['thresholds out of order', `mutation { createScoringModel(input: {name: "y", thresholds: [{stage: "SQL", minScore: 70}, {stage: "MQL", minScore: 40}]}) { id } }`, 'INVALID_THRESHOLDS'],
    ['a threshold above maxScore', `mutation { createScoringModel(input: {name: "z", thresholds: [{stage: "MQL", minScore: 140}]}) { id } }`, 'INVALID_THRESHOLDS'],
    ['a qualify naming no stage', `mutation { createScoringModel(input: {name: "w", source: "qualify \\"Hot\\" when employees > 5"}) { id } }`, 'RULES_INVALID'],
  ])('refuses %s with a stable code, changing nothing', async (_name, document, code) => {
    const before = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM scoring_models`);
    const result = await t.gql(document);
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM scoring_models`)).toEqual(before);
  });

  it('refuses to publish when there is no draft', async () => {
    const result = await t.gql(`mutation($id: ID!) { publishModel(modelId: $id) { id } }`, { id: modelId });
    expect(result.errors?.[0].extensions?.code).toBe('NO_DRAFT');
  });

  it('refuses thresholds that drop a stage the published rules qualify to', async () => {
    await t.data(`mutation($id: ID!) { publishModel(modelId: $id, version: 1) { id } }`, { id: modelId });
    const result = await t.gql(`mutation($id: ID!) { setThresholds(modelId: $id, thresholds: [{stage: "MQL", minScore: 10}]) { id } }`, { id: modelId });
    expect(result.errors?.[0].extensions?.code).toBe('RULES_INVALID');
    const { scoringModel } = await t.data(`query($id: ID!) { scoringModel(id: $id) { thresholds { stage } } }`, { id: modelId });
    expect(scoringModel.thresholds.map((x: any) => x.stage)).toEqual(['MQL', 'SQL']);
  });

  it('rescores a large batch with the SQL backend, to the same scores the JS backend gives', async () => {
    // Above IN_PROCESS_MAX_LEADS leads, trackEvents rescores with one SQL statement instead of in process.
    const leads = Array.from({ length: 320 }, (_, i) => ({ externalId: `bulk-${i}`, employees: 5 }));
    await t.data(`mutation($input: [LeadInput!]!) { upsertLeads(input: $input) { id } }`, { input: leads });
    const { trackEvents } = await t.data(`mutation($input: [EventInput!]!) { trackEvents(input: $input) {
      rescoredLeads thresholdEvents { toStage totalAfter } } }`, {
      input: leads.map((l) => view(l.externalId, '/pricing', DAY)),
    });
    expect(trackEvents.rescoredLeads).toBe(320);
    expect(trackEvents.thresholdEvents).toHaveLength(320);
    expect(new Set(trackEvents.thresholdEvents.map((c: any) => `${c.toStage}:${c.totalAfter}`))).toEqual(new Set(['MQL:10']));
    const [{ id }] = await t.db.dataSource.query(`SELECT id FROM leads WHERE external_id = 'bulk-7'`);
    const { lead, evaluateLead } = await t.data(
      `query($id: ID!, $asOf: DateTime) { lead(id: $id) { score { total fit engagement stage } } evaluateLead(leadId: $id, asOf: $asOf) { total fit engagement stage } }`,
      { id, asOf: at(0) },
    );
    expect(lead.score).toEqual({ total: 10, fit: 0, engagement: 10, stage: 'MQL' });
    expect(evaluateLead).toEqual(lead.score);
  });
});
