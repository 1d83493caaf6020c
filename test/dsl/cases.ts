// Hand-worked cases, run through BOTH backends by cases.test.ts. Each case is
// one rule source, one lead with its events, an instant, model settings and
// the score worked out by hand (explanation entries name their source line;
// the rule text is that line, trimmed).

import type { Dimension, EventFacts, LeadFacts, ModelSettings } from '../../src/dsl';
import { DEFAULT_SETTINGS, emptyLead } from './support';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const AS_OF = Date.UTC(2025, 5, 1, 12, 0, 0);

export interface Case {
  readonly name: string;
  readonly source: string;
  readonly lead: LeadFacts;
  readonly events?: readonly EventFacts[];
  readonly asOf?: number;
  readonly settings?: ModelSettings;
  readonly expected: {
    readonly fit: number;
    readonly engagement: number;
    readonly total: number;
    readonly grade: string;
    readonly stage: string | null;
    /** [line, dimension, points, eventCount] */
    readonly explanation: readonly (readonly [number, Dimension, number, number | null])[];
  };
}

const ev = (type: string, ageMs: number, properties: Record<string, string> = {}): EventFacts => ({
  type,
  occurredAt: AS_OF - ageMs,
  properties,
});

const STAGES: ModelSettings = {
  ...DEFAULT_SETTINGS,
  thresholds: [
    { stage: 'MQL', minScore: 30, minFit: null, position: 1 },
    { stage: 'SQL', minScore: 60, minFit: 40, position: 2 },
    { stage: 'Customer', minScore: 90, minFit: null, position: 3 },
  ],
};

const STAGE_SOURCE = `
fit +35 when title is set
engagement +30 when company is set
fit +10 when country = "DE"
qualify "Customer" when submitted("demo-request")
qualify "MQL" when source = "ads"
disqualify when email ends_with "@competitor.example"`;

export const CASES: readonly Case[] = [
  {
    name: 'string = is case-insensitive (Cyrillic); a missing attribute makes = and != false',
    source: `+10 when title = "ДИРЕКТОР"\n+3 when industry != "SaaS"\n+5 when country != "DE"`,
    lead: emptyLead({ title: 'директор', country: 'fr' }),
    expected: { fit: 15, engagement: 0, total: 15, grade: 'D', stage: null, explanation: [[1, 'fit', 10, null], [3, 'fit', 5, null]] },
  },
  {
    name: 'number comparisons, every operator, on integer and float columns',
    source: [
      '+15 when employees >= 200',
      '+100 when annual_revenue < 1000000.5',
      '+1 when employees = 200',
      '+2 when employees != 10',
      '+4 when annual_revenue <= 1000000.5',
      '+8 when employees > 199.5',
      '+16 when employees < 200',
      '+32 when annual_revenue > 1000000.5',
    ].join('\n'),
    lead: emptyLead({ employees: 200, annual_revenue: 1000000.5 }),
    expected: {
      fit: 30,
      engagement: 0,
      total: 30,
      grade: 'C',
      stage: null,
      explanation: [[1, 'fit', 15, null], [3, 'fit', 1, null], [4, 'fit', 2, null], [5, 'fit', 4, null], [6, 'fit', 8, null]],
    },
  },
  {
    name: 'in and not in: strings case-insensitive, numbers, empty lists; missing is false for both',
    source: [
      '+10 when industry in ["SaaS", "FinTech"]',
      '+3 when country not in ["us", "ca"]',
      '+4 when annual_revenue in [10, 20.5]',
      '-2 when source not in ["ads"]',
      '+6 when company not in ["Acme"]',
      '+7 when first_name in []',
      '+9 when last_name not in []',
    ].join('\n'),
    lead: emptyLead({ industry: 'fintech', country: 'US', annual_revenue: 20.5, company: 'Globex', last_name: 'Li' }),
    expected: {
      fit: 29,
      engagement: 0,
      total: 29,
      grade: 'C',
      stage: null,
      explanation: [[1, 'fit', 10, null], [3, 'fit', 4, null], [5, 'fit', 6, null], [7, 'fit', 9, null]],
    },
  },
  {
    name: 'not over `not in []` on a missing attribute: the inner test is false, so the outer one is true',
    source: '+1 when not (attributes.plan not in [])\n+2 when not (employees not in [])\n+4 when title not in []',
    lead: emptyLead({ title: 'x' }),
    expected: { fit: 7, engagement: 0, total: 7, grade: 'D', stage: null, explanation: [[1, 'fit', 1, null], [2, 'fit', 2, null], [3, 'fit', 4, null]] },
  },
  {
    name: 'contains / starts_with / ends_with, case-insensitive; ß is not ss, ẞ lower-cases to ß',
    source: [
      '-30 when email ends_with "@GMAIL.com"',
      '+5 when title starts_with "vp"',
      '+7 when company contains "straße"',
      '+11 when last_name contains "ẞ"',
      '+13 when first_name contains "50%_"',
    ].join('\n'),
    lead: emptyLead({ email: 'Bob@Gmail.COM', title: 'VP Sales', company: 'STRASSE GmbH', last_name: 'GROẞ', first_name: 'x50%_y' }),
    expected: {
      fit: -1,
      engagement: 0,
      total: 0,
      grade: 'D',
      stage: null,
      explanation: [[1, 'fit', -30, null], [2, 'fit', 5, null], [4, 'fit', 11, null], [5, 'fit', 13, null]],
    },
  },
  {
    name: 'Unicode simple lower-case mapping: Greek Σ is always σ, Turkish İ is i, CJK and accented Latin',
    source: [
      '+2 when last_name = "ΣΑΣ"',
      '+64 when last_name = "σας"',
      '+4 when first_name = "İstanbul"',
      '+8 when company = "東京"',
      '+16 when country = "ÉIRE"',
    ].join('\n'),
    lead: emptyLead({ last_name: 'σασ', first_name: 'ISTANBUL', company: '東京', country: 'éire' }),
    expected: {
      fit: 30,
      engagement: 0,
      total: 30,
      grade: 'C',
      stage: null,
      explanation: [[1, 'fit', 2, null], [3, 'fit', 4, null], [4, 'fit', 8, null], [5, 'fit', 16, null]],
    },
  },
  {
    name: 'is set / is not set: empty strings, JSON null and "" are not set; 0 is set',
    source: [
      '+1 when title is set',
      '+2 when company is not set',
      '+4 when attributes.plan is set',
      '+8 when attributes.tier is not set',
      '+16 when attributes.seats is set',
      '+32 when created_at is set',
      '+64 when employees is set',
      '-1 when attributes.nothing is set',
    ].join('\n'),
    lead: emptyLead({ title: '', attributes: { plan: null, tier: '', seats: 0 } }),
    expected: {
      fit: 58,
      engagement: 0,
      total: 58,
      grade: 'B',
      stage: null,
      explanation: [[2, 'fit', 2, null], [4, 'fit', 8, null], [5, 'fit', 16, null], [6, 'fit', 32, null]],
    },
  },
  {
    name: 'custom attributes: a value of another JSON type behaves as missing; numbers compare as float8',
    source: [
      '+10 when attributes.seats >= 5',
      '+20 when attributes.plan = "pro"',
      '+40 when attributes.seats = "10"',
      '+1 when attributes.flag = "true"',
      '+2 when attributes.score > 1.5',
      '+4 when not attributes.seats > 3',
      '+8 when attributes.missing != "x"',
      '+16 when attributes.score in [2, 3]',
      '+32 when attributes.plan in [1, 2]',
    ].join('\n'),
    lead: emptyLead({ attributes: { seats: '10', plan: 'PRO', flag: true, score: 2 } }),
    expected: {
      fit: 82,
      engagement: 0,
      total: 82,
      grade: 'A',
      stage: null,
      explanation: [[2, 'fit', 20, null], [3, 'fit', 40, null], [5, 'fit', 2, null], [6, 'fit', 4, null], [8, 'fit', 16, null]],
    },
  },
  {
    name: 'not, and, or with parentheses over missing attributes',
    source: [
      '+5 when not (title = "x")',
      '+7 when not (employees > 5 or industry = "SaaS")',
      '+9 when title = "x" or (not employees > 5 and country is not set)',
      '+100 when not not title = "x"',
    ].join('\n'),
    lead: emptyLead(),
    expected: { fit: 21, engagement: 0, total: 21, grade: 'D', stage: null, explanation: [[1, 'fit', 5, null], [2, 'fit', 7, null], [3, 'fit', 9, null]] },
  },
  {
    name: 'windows: asOf - DUR < occurred_at <= asOf; events after asOf do not exist',
    source: [
      '+10 when visited("/pricing")',
      '+20 when submitted("demo-request") within 30d',
      '+5 when opened_email("spring") within 7d',
      '+40 when submitted("trial") within 30d',
    ].join('\n'),
    lead: emptyLead(),
    events: [
      ev('page_view', -1, { path: '/pricing' }),
      ev('page_view', DAY, { path: '/pricing/' }),
      ev('form_submit', 30 * DAY - 1, { form: 'demo-request' }),
      ev('form_submit', 30 * DAY, { form: 'trial' }),
      ev('email_open', 0, { campaign: 'spring' }),
    ],
    expected: {
      fit: 0,
      engagement: 25,
      total: 25,
      grade: 'D',
      stage: null,
      explanation: [[2, 'engagement', 20, null], [3, 'engagement', 5, null]],
    },
  },
  {
    name: 'visited globs: * spans "/", everything else literal and case-sensitive, whole value; % and _ are literal',
    source: ['+1 per visited("/blog/*")', '+10 when visited("*_%*")', '+100 when visited("/a*b*c")', '+1000 when visited("/x*")'].join('\n'),
    lead: emptyLead(),
    events: [
      ev('page_view', HOUR, { path: '/blog/a' }),
      ev('page_view', HOUR, { path: '/blog/' }),
      ev('page_view', HOUR, { path: '/blog' }),
      ev('page_view', HOUR, { path: '/BLOG/x' }),
      ev('page_view', HOUR, { path: '/blog/a/b' }),
      ev('page_view', HOUR, { path: 'x/blog/a' }),
      ev('page_view', HOUR, { path: 'x_%y' }),
      ev('page_view', HOUR, { path: '/abc' }),
      ev('page_view', HOUR, { path: '/X' }),
      ev('email_open', HOUR, { path: '/x' }),
    ],
    expected: {
      fit: 0,
      engagement: 113,
      total: 113,
      grade: 'D',
      stage: null,
      explanation: [[1, 'engagement', 3, 3], [2, 'engagement', 10, null], [3, 'engagement', 100, null]],
    },
    settings: { ...DEFAULT_SETTINGS, maxScore: 1000 },
  },
  {
    name: 'count(...) comparisons, exact case-sensitive property values, event() with several properties',
    source: [
      '+5 when count(clicked_email("spring-launch")) >= 2',
      '+3 when count(event("webinar", topic = "pricing", level = "pro") within 1w) = 1',
      '-1 when count(submitted()) < 1',
      '+50 when count(clicked_email()) > 3',
    ].join('\n'),
    lead: emptyLead(),
    events: [
      ev('email_click', DAY, { campaign: 'spring-launch' }),
      ev('email_click', 2 * DAY, { campaign: 'spring-launch' }),
      ev('email_click', 3 * DAY, { campaign: 'Spring-Launch' }),
      ev('webinar', 2 * DAY, { topic: 'pricing', level: 'pro' }),
      ev('webinar', 2 * DAY, { topic: 'pricing' }),
      ev('webinar', 8 * DAY, { topic: 'pricing', level: 'pro' }),
    ],
    expected: {
      fit: 0,
      engagement: 7,
      total: 7,
      grade: 'D',
      stage: null,
      explanation: [[1, 'engagement', 5, null], [2, 'engagement', 3, null], [3, 'engagement', -1, null]],
    },
  },
  {
    name: 'per rules: caps on the magnitude, negative points, event counts',
    source: ['+2 per visited("/blog/*") within 30d max 5', '-3 per event("bounce") max 4', '+1 per submitted()'].join('\n'),
    lead: emptyLead(),
    events: [
      ev('page_view', DAY, { path: '/blog/1' }),
      ev('page_view', 2 * DAY, { path: '/blog/2' }),
      ev('page_view', 3 * DAY, { path: '/blog/3' }),
      ev('page_view', 4 * DAY, { path: '/blog/4' }),
      ev('page_view', 31 * DAY, { path: '/blog/old' }),
      ev('bounce', DAY),
      ev('bounce', 400 * DAY),
    ],
    expected: {
      fit: 0,
      engagement: 1,
      total: 1,
      grade: 'D',
      stage: null,
      explanation: [[1, 'engagement', 5, 4], [2, 'engagement', -4, 2]],
    },
  },
  {
    name: 'decay: buckets floor(age / DUR) with events on bucket edges; decimal points',
    source: ['+3 per opened_email() max 15 decay 50% every 14d', '+2.5 per submitted() decay 10% every 1w'].join('\n'),
    lead: emptyLead(),
    events: [
      ev('email_open', 0),
      ev('email_open', 14 * DAY - 1),
      ev('email_open', 14 * DAY),
      ev('email_open', 28 * DAY - 1),
      ev('email_open', 28 * DAY),
      ev('email_open', 100 * DAY),
      ev('email_open', -1),
      ev('form_submit', 7 * DAY),
    ],
    // 3*2 + 1.5*2 + 0.75 + 3*0.5^7 = 9.7734375; 2.5*0.9 = 2.25
    expected: {
      fit: 0,
      engagement: 12.02,
      total: 12.02,
      grade: 'D',
      stage: null,
      explanation: [[1, 'engagement', 9.77, 6], [2, 'engagement', 2.25, 1]],
    },
  },
  {
    name: 'decay with a cap: the cap applies to the decayed sum',
    source: '+10 per opened_email() max 12 decay 100% every 1d',
    lead: emptyLead(),
    events: [ev('email_open', HOUR), ev('email_open', 2 * HOUR), ev('email_open', DAY)],
    expected: { fit: 0, engagement: 12, total: 12, grade: 'D', stage: null, explanation: [[1, 'engagement', 12, 3]] },
  },
  {
    name: 'inactive: since created_at when the lead has no event',
    source: '-20 when inactive > 90d\n+1 when inactive <= 90d',
    lead: emptyLead({ created_at: AS_OF - 100 * DAY }),
    expected: { fit: 0, engagement: -20, total: 0, grade: 'D', stage: null, explanation: [[1, 'engagement', -20, null]] },
  },
  {
    name: 'inactive: since the last event at or before asOf (exactly 90d is not > 90d)',
    source: '-20 when inactive > 90d\n+1 when inactive <= 90d\n+2 when inactive = 90d\n+4 when inactive >= 91d',
    lead: emptyLead({ created_at: AS_OF - 100 * DAY }),
    events: [ev('anything', 90 * DAY), ev('anything', -DAY)],
    expected: { fit: 0, engagement: 3, total: 3, grade: 'D', stage: null, explanation: [[2, 'engagement', 1, null], [3, 'engagement', 2, null]] },
  },
  {
    name: 'total is clamped to maxScore; fit is not; grade A',
    source: '+80 when employees > 1\n+50 when title is set',
    lead: emptyLead({ employees: 5, title: 'CEO' }),
    expected: { fit: 130, engagement: 0, total: 100, grade: 'A', stage: null, explanation: [[1, 'fit', 80, null], [2, 'fit', 50, null]] },
  },
  {
    name: 'total is clamped to a negative minScore',
    source: '-50 when title is not set',
    lead: emptyLead(),
    settings: { ...DEFAULT_SETTINGS, minScore: -10 },
    expected: { fit: -50, engagement: 0, total: -10, grade: 'D', stage: null, explanation: [[1, 'fit', -50, null]] },
  },
  {
    name: 'stage: highest threshold met, but SQL needs minFit 40',
    source: STAGE_SOURCE,
    lead: emptyLead({ title: 'x', company: 'y' }),
    settings: STAGES,
    expected: { fit: 35, engagement: 30, total: 65, grade: 'C', stage: 'MQL', explanation: [[2, 'fit', 35, null], [3, 'engagement', 30, null]] },
  },
  {
    name: 'stage: minFit met',
    source: STAGE_SOURCE,
    lead: emptyLead({ title: 'x', company: 'y', country: 'de' }),
    settings: STAGES,
    expected: {
      fit: 45,
      engagement: 30,
      total: 75,
      grade: 'C',
      stage: 'SQL',
      explanation: [[2, 'fit', 35, null], [3, 'engagement', 30, null], [4, 'fit', 10, null]],
    },
  },
  {
    name: 'stage: raised by a qualify rule',
    source: STAGE_SOURCE,
    lead: emptyLead({ title: 'x', company: 'y' }),
    events: [ev('form_submit', DAY, { form: 'demo-request' })],
    settings: STAGES,
    expected: { fit: 35, engagement: 30, total: 65, grade: 'C', stage: 'Customer', explanation: [[2, 'fit', 35, null], [3, 'engagement', 30, null]] },
  },
  {
    name: 'stage: a qualify rule never lowers',
    source: STAGE_SOURCE,
    lead: emptyLead({ title: 'x', company: 'y', country: 'DE', source: 'ads' }),
    settings: STAGES,
    expected: {
      fit: 45,
      engagement: 30,
      total: 75,
      grade: 'C',
      stage: 'SQL',
      explanation: [[2, 'fit', 35, null], [3, 'engagement', 30, null], [4, 'fit', 10, null]],
    },
  },
  {
    name: 'stage: disqualify wins over thresholds and qualify',
    source: STAGE_SOURCE,
    lead: emptyLead({ title: 'x', company: 'y', email: 'jo@Competitor.Example' }),
    events: [ev('form_submit', DAY, { form: 'demo-request' })],
    settings: STAGES,
    expected: { fit: 35, engagement: 30, total: 65, grade: 'C', stage: 'disqualified', explanation: [[2, 'fit', 35, null], [3, 'engagement', 30, null]] },
  },
  {
    name: 'stage: null when no threshold is met',
    source: STAGE_SOURCE,
    lead: emptyLead(),
    settings: STAGES,
    expected: { fit: 0, engagement: 0, total: 0, grade: 'D', stage: null, explanation: [] },
  },
  {
    name: 'stage: qualify raises from no stage',
    source: STAGE_SOURCE,
    lead: emptyLead({ source: 'ADS' }),
    settings: STAGES,
    expected: { fit: 0, engagement: 0, total: 0, grade: 'D', stage: 'MQL', explanation: [] },
  },
  {
    name: 'grade bands as fractions of maxScore, on the boundary',
    source: '+30 when title is set',
    lead: emptyLead({ title: 'x' }),
    settings: { ...DEFAULT_SETTINGS, maxScore: 50, gradeBands: { a: 0.8, b: 0.6, c: 0.4 } },
    expected: { fit: 30, engagement: 0, total: 30, grade: 'B', stage: null, explanation: [[1, 'fit', 30, null]] },
  },
  {
    name: 'rounding: half away from zero on the decimal text (0.125 -> 0.13, -0.125 -> -0.13, 1.005 -> 1.01)',
    source: 'fit +0.125 when title is set\nengagement -0.125 when title is set\nfit +1.005 when company is set',
    lead: emptyLead({ title: 'x' }),
    expected: {
      fit: 0.13,
      engagement: -0.13,
      total: 0,
      grade: 'D',
      stage: null,
      explanation: [[1, 'fit', 0.13, null], [2, 'engagement', -0.13, null]],
    },
  },
  {
    name: 'rounding: 1.005 is 1.01 (not 1.00 as Math.round(x * 100) / 100 would give)',
    source: '+1.005 when company is set',
    lead: emptyLead({ company: 'x' }),
    expected: { fit: 1.01, engagement: 0, total: 1.01, grade: 'D', stage: null, explanation: [[1, 'fit', 1.01, null]] },
  },
  {
    name: 'explanation leaves out rules whose rounded points are 0',
    source: '+0.004 when title is set\n+0 when title is set\n+1 per submitted()',
    lead: emptyLead({ title: 'x' }),
    expected: { fit: 0, engagement: 0, total: 0, grade: 'D', stage: null, explanation: [] },
  },
  {
    name: 'dimensions: explicit, inferred fit, inferred engagement from an event or inactive',
    source: [
      'engagement +1 when title is set',
      'fit +2 when visited("/a")',
      '+4 when title is set',
      '+8 when title is set and visited("/a")',
      '+16 when title is set or inactive > 1000w',
      'fit +32 per visited("/a")',
    ].join('\n'),
    lead: emptyLead({ title: 'x' }),
    events: [ev('page_view', HOUR, { path: '/a' })],
    expected: {
      fit: 38,
      engagement: 25,
      total: 63,
      grade: 'C',
      stage: null,
      explanation: [[1, 'engagement', 1, null], [2, 'fit', 2, null], [3, 'fit', 4, null], [4, 'engagement', 8, null], [5, 'engagement', 16, null], [6, 'fit', 32, 1]],
    },
  },
];
