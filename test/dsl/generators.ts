// Random rule sources as TEXT, in the syntax of /work/shared/dsl.md, and random
// workspaces (leads and events) that hit the interesting corners: shared
// vocabularies between rules and data, nulls and empty strings, scripts with
// tricky case mappings, custom attributes of every JSON type, events on window
// and decay-bucket edges and after asOf.

import fc from 'fast-check';
import type { EventFacts, LeadFacts, ModelSettings, ThresholdSetting } from '../../src/dsl';
import { DEFAULT_GRADE_BANDS } from '../../src/dsl';
import { simpleLower } from '../../src/dsl/caseFold';

const H = 3_600_000;
const D = 24 * H;
const W = 7 * D;

// ---------------------------------------------------------------- vocabulary

const WORDS = [
  'saas', 'SaaS', 'FinTech', 'fintech', 'директор', 'ДИРЕКТОР', 'Продажи', 'ΣΑΣ', 'σας', 'σασ', 'Σ', 'İstanbul', 'istanbul',
  'ISTANBUL', 'ı', 'Straße', 'STRASSE', 'GROẞ', 'groß', '東京', '東', 'Ångström', 'ångström', 'éire', 'ÉIRE', 'Café', 'vp', 'VP',
  'VP Sales', 'Director', 'x', 'a"b', 'back\\slash', '50%_off', '%', '_', '@gmail.com', 'bob@GMAIL.com', ' ', 'ǅ',
];
const DATA_STRINGS = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom('', ' ', '-', '/'), fc.constantFrom(...WORDS)).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/\0/g, '')) },
);
const RULE_STRINGS = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constant('') },
);

const RULE_NUMBERS = ['0', '1', '2', '2.5', '5', '10', '199.5', '200', '1000000', '1000000000', '0.125', '-3', '-0.5'];
const DATA_NUMBERS = fc.oneof(
  fc.constantFrom(0, 1, 2, 2.5, 5, 10, 199.5, 200, 1e6, 1e9, 0.125, -3, -0.5, 1e9 + 1),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
);
const DATA_INTEGERS = fc.oneof(fc.constantFrom(0, 1, 2, 5, 10, 199, 200, 201, 1000000, 2147483647, -2147483648), fc.integer({ min: -5, max: 5000 }));

const STRING_FIELDS = ['email', 'first_name', 'last_name', 'title', 'company', 'industry', 'country', 'source'] as const;
const NUMBER_FIELDS = ['employees', 'annual_revenue'] as const;
const CUSTOM_NAMES = ['plan', 'seats', 'tier', 'score', 'flag'] as const;

const DURATIONS: readonly (readonly [string, number])[] = [
  ['1h', H], ['12h', 12 * H], ['1d', D], ['7d', 7 * D], ['14d', 14 * D], ['30d', 30 * D], ['1w', W], ['2w', 2 * W], ['90d', 90 * D],
];
const DURATION_TEXT = fc.constantFrom(...DURATIONS.map(([t]) => t));

const PATHS = ['/pricing', '/pricing/', '/blog/a', '/blog/', '/blog', '/Blog/x', '/blog/a/b', '/a_b%c', '/axbyc', '/東京/x', 'x/y', '/', ''];
const PATTERNS = ['/pricing', '/blog/*', '*', '*_%*', '/a*b*c', '/東京/*', '*/x', '/Blog/*', '/a_b%c', '', '**'];
const CAMPAIGNS = ['spring', 'Spring', 'spring-launch'];
const FORMS = ['demo-request', 'trial', 'Trial'];
const STAGES = ['MQL', 'SQL', 'Customer'];

// ---------------------------------------------------------------- rule text

/** A string literal of the language: only \" and \\ are escapes. */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const within = fc.option(DURATION_TEXT.map((d) => ` within ${d}`), { nil: '' });

const selector: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PATTERNS).map((p) => `visited(${quote(p)})`),
  fc.constantFrom('opened_email', 'clicked_email').chain((name) =>
    fc.option(fc.constantFrom(...CAMPAIGNS), { nil: null }).map((c) => `${name}(${c === null ? '' : quote(c)})`),
  ),
  fc.option(fc.constantFrom(...FORMS), { nil: null }).map((f) => `submitted(${f === null ? '' : quote(f)})`),
  fc.constantFrom(
    'event("webinar")',
    'event("webinar", topic = "pricing")',
    'event("webinar", topic = "pricing", level = "pro")',
    'event("webinar", level = "Pro")',
    'event("bounce")',
    'event("page_view", path = "/pricing")',
  ),
);

const numberOp = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');
const stringList = fc.array(RULE_STRINGS, { maxLength: 3 }).map((xs) => `[${xs.map(quote).join(', ')}]`);
const numberList = fc.array(fc.constantFrom(...RULE_NUMBERS), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`);
const notIn = fc.constantFrom('in', 'not in');
const isSet = fc.constantFrom('is set', 'is not set');

const attributeTest: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...STRING_FIELDS), fc.constantFrom('=', '!='), RULE_STRINGS).map(([a, op, v]) => `${a} ${op} ${quote(v)}`),
  fc.tuple(fc.constantFrom(...STRING_FIELDS), fc.constantFrom('contains', 'starts_with', 'ends_with'), RULE_STRINGS).map(
    ([a, op, v]) => `${a} ${op} ${quote(v)}`,
  ),
  fc.tuple(fc.constantFrom(...STRING_FIELDS), notIn, stringList).map(([a, op, l]) => `${a} ${op} ${l}`),
  fc.tuple(fc.constantFrom(...STRING_FIELDS, ...NUMBER_FIELDS, 'created_at'), isSet).map(([a, op]) => `${a} ${op}`),
  fc.tuple(fc.constantFrom(...NUMBER_FIELDS), numberOp, fc.constantFrom(...RULE_NUMBERS)).map(([a, op, v]) => `${a} ${op} ${v}`),
  fc.tuple(fc.constantFrom(...NUMBER_FIELDS), notIn, numberList).map(([a, op, l]) => `${a} ${op} ${l}`),
  fc.tuple(fc.constantFrom(...CUSTOM_NAMES), numberOp, fc.constantFrom(...RULE_NUMBERS)).map(([a, op, v]) => `attributes.${a} ${op} ${v}`),
  fc.tuple(fc.constantFrom(...CUSTOM_NAMES), fc.constantFrom('=', '!=', 'contains', 'starts_with', 'ends_with'), RULE_STRINGS).map(
    ([a, op, v]) => `attributes.${a} ${op} ${quote(v)}`,
  ),
  fc.tuple(fc.constantFrom(...CUSTOM_NAMES), notIn, fc.oneof(stringList, numberList)).map(([a, op, l]) => `attributes.${a} ${op} ${l}`),
  fc.tuple(fc.constantFrom(...CUSTOM_NAMES), isSet).map(([a, op]) => `attributes.${a} ${op}`),
);

const eventTest: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(selector, within).map(([s, w]) => `${s}${w}`),
  fc.tuple(selector, within, numberOp, fc.constantFrom('0', '1', '2', '3', '1.5', '-1')).map(([s, w, op, n]) => `count(${s}${w}) ${op} ${n}`),
  fc.tuple(numberOp, DURATION_TEXT).map(([op, d]) => `inactive ${op} ${d}`),
);

const leaf = fc.oneof({ weight: 3, arbitrary: attributeTest }, { weight: 2, arbitrary: eventTest });

/** Conditions with and/or/not, with and without parentheses (the front end applies precedence). */
export const condition: fc.Arbitrary<string> = fc.letrec<{ cond: string }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(tie('cond'), fc.constantFrom(' and ', ' or '), tie('cond')).map(([a, op, b]) => `${a}${op}${b}`) },
    { weight: 1, arbitrary: tie('cond').map((c) => `(${c})`) },
    { weight: 1, arbitrary: tie('cond').map((c) => `not ${c}`) },
    { weight: 1, arbitrary: tie('cond').map((c) => `not (${c})`) },
  ),
})).cond;

const sign = fc.constantFrom('+', '-');
const pointsNumber = fc.constantFrom('0', '1', '2', '2.5', '3', '5', '10', '0.125', '1.005', '0.004', '33.33', '100', '0.1', '0.7');
const dimension = fc.constantFrom('', 'fit ', 'engagement ');

const whenRule = fc.tuple(dimension, sign, pointsNumber, condition).map(([d, s, n, c]) => `${d}${s}${n} when ${c}`);
const perRule = fc
  .tuple(
    dimension,
    sign,
    pointsNumber,
    selector,
    within,
    fc.option(fc.constantFrom('5', '12', '0.5', '100', '7.25').map((m) => ` max ${m}`), { nil: '' }),
    fc.option(
      fc.tuple(fc.constantFrom('50', '10', '100', '33.3', '0.5', '99.99', '1'), DURATION_TEXT).map(([p, d]) => ` decay ${p}% every ${d}`),
      { nil: '' },
    ),
  )
  .map(([d, s, n, sel, w, m, dec]) => `${d}${s}${n} per ${sel}${w}${m}${dec}`);
const qualifyRule = fc.tuple(fc.constantFrom(...STAGES, 'Unknown'), condition).map(([s, c]) => `qualify ${quote(s)} when ${c}`);
const disqualifyRule = condition.map((c) => `disqualify when ${c}`);

const statement = fc.oneof(
  { weight: 5, arbitrary: whenRule },
  { weight: 4, arbitrary: perRule },
  { weight: 1, arbitrary: qualifyRule },
  { weight: 1, arbitrary: disqualifyRule },
);

/** A source: statements, blank lines and comments. */
export const source: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: statement },
      { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '   ') },
      { weight: 1, arbitrary: statement.map((s) => `  ${s}   # trailing comment`) },
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((lines) => lines.join('\n'));

// ---------------------------------------------------------------- settings

export const settings: fc.Arbitrary<ModelSettings> = fc
  .tuple(
    fc.constantFrom(0, -10),
    fc.constantFrom(100, 50, 1000),
    fc.subarray(STAGES),
    fc.array(fc.constantFrom(0, 5, 10, 30, 60, 90, 12.5), { minLength: 3, maxLength: 3 }),
    fc.array(fc.option(fc.constantFrom(0, 10, 20, 40), { nil: null }), { minLength: 3, maxLength: 3 }),
    fc.constantFrom(DEFAULT_GRADE_BANDS, { a: 0.8, b: 0.6, c: 0.4 }, { a: 0.5, b: 0.3, c: 0.1 }),
  )
  .map(([minScore, maxScore, stages, scores, fits, gradeBands]) => {
    const sorted = [...scores].sort((a, b) => a - b);
    const thresholds: ThresholdSetting[] = stages.map((stage, i) => ({ stage, minScore: sorted[i], minFit: fits[i], position: i + 1 }));
    return { minScore, maxScore, thresholds, gradeBands };
  });

// ---------------------------------------------------------------- leads and events

/** Offsets before asOf that sit on window and decay-bucket edges (and 1 ms either side), and some after asOf. */
const eventAge: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...DURATIONS.map(([, ms]) => ms)), fc.constantFrom(1, 2, 3), fc.constantFrom(-1, 0, 1)).map(([d, k, e]) => d * k + e) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 200 * D }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, -1, -D) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2000 * D }) },
);

const properties = (type: string): fc.Arbitrary<Record<string, string>> => {
  switch (type) {
    case 'page_view':
      return fc.record({ path: fc.oneof(fc.constantFrom(...PATHS), DATA_STRINGS) }, { requiredKeys: [] });
    case 'email_open':
    case 'email_click':
      return fc.record({ campaign: fc.constantFrom(...CAMPAIGNS) }, { requiredKeys: [] });
    case 'form_submit':
      return fc.record({ form: fc.constantFrom(...FORMS) }, { requiredKeys: [] });
    case 'webinar':
      return fc.record({ topic: fc.constantFrom('pricing', 'Pricing'), level: fc.constantFrom('pro', 'Pro') }, { requiredKeys: [] });
    default:
      return fc.constant({});
  }
};

const event = (asOf: number): fc.Arbitrary<EventFacts> =>
  fc
    .constantFrom('page_view', 'email_open', 'email_click', 'form_submit', 'webinar', 'bounce', 'other')
    .chain((type) => fc.tuple(eventAge, properties(type)).map(([age, props]) => ({ type, occurredAt: asOf - age, properties: props })));

const customValue: fc.Arbitrary<unknown> = fc.oneof(
  DATA_STRINGS,
  DATA_NUMBERS,
  fc.constantFrom(...RULE_NUMBERS.map(Number)),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.constantFrom([1, 2], { a: 1 }, ['x'], '10', '2.5'),
);

const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null, freq: 3 });

export const lead = (asOf: number): fc.Arbitrary<LeadFacts> =>
  fc.record({
    email: nullable(fc.oneof(DATA_STRINGS, fc.constantFrom('bob@GMAIL.com', 'jo@competitor.example'))),
    first_name: nullable(DATA_STRINGS),
    last_name: nullable(DATA_STRINGS),
    title: nullable(DATA_STRINGS),
    company: nullable(DATA_STRINGS),
    industry: nullable(DATA_STRINGS),
    country: nullable(DATA_STRINGS),
    source: nullable(DATA_STRINGS),
    employees: nullable(DATA_INTEGERS),
    annual_revenue: nullable(DATA_NUMBERS),
    created_at: eventAge.map((age) => asOf - age),
    attributes: fc.dictionary(fc.constantFrom(...CUSTOM_NAMES), customValue, { maxKeys: 4 }),
  });

export const leadWithEvents = (asOf: number) =>
  fc.tuple(lead(asOf), fc.array(event(asOf), { maxLength: 12 })).map(([l, events]) => ({ lead: l, events }));

/** One differential case: a source, settings, an instant and a few leads. */
export const differentialCase = fc
  .tuple(source, settings, fc.integer({ min: 0, max: 1_000_000_000 }))
  .chain(([src, s, offset]) => {
    const asOf = Date.UTC(2025, 5, 1) + offset;
    return fc.tuple(fc.constant(src), fc.constant(s), fc.constant(asOf), fc.array(leadWithEvents(asOf), { minLength: 1, maxLength: 5 }));
  })
  .map(([src, s, asOf, leads]) => ({ source: src, settings: s, asOf, leads: uniqueEmails(leads) }));

/** leads_email_key: one lead per lower(email) in a workspace; later duplicates lose their email. */
function uniqueEmails<T extends { lead: LeadFacts }>(leads: readonly T[]): T[] {
  const seen = new Set<string>();
  return leads.map((l) => {
    const email = l.lead.email;
    if (email === null) return l;
    const keys = [simpleLower(email), email.toLowerCase()];
    if (keys.some((k) => seen.has(k))) return { ...l, lead: { ...l.lead, email: null } };
    keys.forEach((k) => seen.add(k));
    return l;
  });
}
