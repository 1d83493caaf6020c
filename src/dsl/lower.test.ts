import { conditionOf, expectValid, ruleOf } from './harness';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 604_800_000;

describe('dimension inference', () => {
  it.each([
    ['+1 when title is set', 'fit'],
    ['+1 when title is set and attributes.plan = "pro"', 'fit'],
    ['+1 when title is set and visited("/a")', 'engagement'],
    ['+1 when not (employees > 5 or count(submitted()) > 1)', 'engagement'],
    ['+1 when inactive > 3d', 'engagement'],
    ['+1 per visited("/a")', 'engagement'],
    ['fit +1 per visited("/a")', 'fit'],
    ['fit +1 when visited("/a")', 'fit'],
    ['engagement +1 when title is set', 'engagement'],
  ])('%s is %s', (source, dimension) => {
    expect(ruleOf(source)).toMatchObject({ dimension });
  });
});

describe('rules', () => {
  it('signs the points and keeps line and text', () => {
    const program = expectValid('# x\n\n-2.5 when title is set # y\n+0.25 when email is set');
    expect(program.rules.map((r) => [r.line, r.text, r.kind === 'when' && r.points])).toEqual([
      [3, '-2.5 when title is set', -2.5],
      [4, '+0.25 when email is set', 0.25],
    ]);
  });

  it('lowers a per rule with its clauses', () => {
    expect(ruleOf('+2 per visited("/blog/*") within 12h max 20 decay 50% every 2w')).toEqual({
      kind: 'per',
      line: 1,
      text: '+2 per visited("/blog/*") within 12h max 20 decay 50% every 2w',
      dimension: 'engagement',
      points: 2,
      filter: { type: 'page_view', properties: [{ key: 'path', op: 'glob', value: '/blog/*' }] },
      withinMs: 12 * HOUR,
      max: 20,
      decay: { percent: 50, everyMs: 2 * WEEK },
    });
    expect(ruleOf('-1 per submitted()')).toMatchObject({ points: -1, withinMs: null, max: null, decay: null });
  });

  it('lowers qualify and disqualify', () => {
    expect(ruleOf('qualify "SQL" when title is set')).toEqual({
      kind: 'qualify',
      line: 1,
      text: 'qualify "SQL" when title is set',
      stage: 'SQL',
      condition: { kind: 'isSet', attribute: { kind: 'field', name: 'title' }, negated: false },
    });
    expect(ruleOf('disqualify when email ends_with "@x.example"')).toMatchObject({
      kind: 'disqualify',
      condition: { kind: 'text', op: 'ends_with', value: '@x.example' },
    });
  });
});

describe('selectors to event filters', () => {
  it.each([
    ['visited("/pricing")', { type: 'page_view', properties: [{ key: 'path', op: 'glob', value: '/pricing' }] }],
    ['opened_email()', { type: 'email_open', properties: [] }],
    ['opened_email("C")', { type: 'email_open', properties: [{ key: 'campaign', op: 'eq', value: 'C' }] }],
    ['clicked_email()', { type: 'email_click', properties: [] }],
    ['clicked_email("C")', { type: 'email_click', properties: [{ key: 'campaign', op: 'eq', value: 'C' }] }],
    ['submitted()', { type: 'form_submit', properties: [] }],
    ['submitted("F")', { type: 'form_submit', properties: [{ key: 'form', op: 'eq', value: 'F' }] }],
    ['event("webinar")', { type: 'webinar', properties: [] }],
    [
      'event("webinar", topic = "pricing", host = "Ann")',
      {
        type: 'webinar',
        properties: [
          { key: 'topic', op: 'eq', value: 'pricing' },
          { key: 'host', op: 'eq', value: 'Ann' },
        ],
      },
    ],
  ])('%s', (selector, filter) => {
    expect(conditionOf(selector)).toEqual({ kind: 'hasEvent', filter, withinMs: null });
  });
});

describe('conditions', () => {
  const title = { kind: 'field', name: 'title' };
  const employees = { kind: 'field', name: 'employees' };
  const plan = { kind: 'custom', name: 'plan' };

  it.each([
    ['title = "CEO"', { kind: 'stringCompare', attribute: title, op: 'eq', value: 'CEO' }],
    ['title != "CEO"', { kind: 'stringCompare', attribute: title, op: 'ne', value: 'CEO' }],
    ['employees = 5', { kind: 'numberCompare', attribute: employees, op: 'eq', value: 5 }],
    ['employees != 5', { kind: 'numberCompare', attribute: employees, op: 'ne', value: 5 }],
    ['employees < 5', { kind: 'numberCompare', attribute: employees, op: 'lt', value: 5 }],
    ['employees <= 5', { kind: 'numberCompare', attribute: employees, op: 'le', value: 5 }],
    ['employees > 5', { kind: 'numberCompare', attribute: employees, op: 'gt', value: 5 }],
    ['employees >= 5.5', { kind: 'numberCompare', attribute: employees, op: 'ge', value: 5.5 }],
    ['attributes.plan = "pro"', { kind: 'stringCompare', attribute: plan, op: 'eq', value: 'pro' }],
    ['attributes.plan >= -3', { kind: 'numberCompare', attribute: plan, op: 'ge', value: -3 }],
    ['title contains "vp"', { kind: 'text', attribute: title, op: 'contains', value: 'vp' }],
    ['title starts_with "vp"', { kind: 'text', attribute: title, op: 'starts_with', value: 'vp' }],
    ['title in ["a", "b"]', { kind: 'stringIn', attribute: title, values: ['a', 'b'], negated: false }],
    ['employees not in [1, 2]', { kind: 'numberIn', attribute: employees, values: [1, 2], negated: true }],
    ['attributes.plan in [1]', { kind: 'numberIn', attribute: plan, values: [1], negated: false }],
    ['employees in []', { kind: 'numberIn', attribute: employees, values: [], negated: false }],
    ['title not in []', { kind: 'stringIn', attribute: title, values: [], negated: true }],
    ['attributes.plan is not set', { kind: 'isSet', attribute: plan, negated: true }],
    ['inactive >= 90d', { kind: 'inactive', op: 'ge', ms: 90 * DAY }],
    ['inactive < 12h', { kind: 'inactive', op: 'lt', ms: 12 * HOUR }],
    ['submitted() within 2w', { kind: 'hasEvent', filter: { type: 'form_submit', properties: [] }, withinMs: 2 * WEEK }],
    [
      'count(submitted() within 1d) != 0',
      { kind: 'countCompare', filter: { type: 'form_submit', properties: [] }, withinMs: DAY, op: 'ne', value: 0 },
    ],
  ])('%s', (source, condition) => {
    expect(conditionOf(source)).toEqual(condition);
  });

  it('keeps the structure of and, or and not', () => {
    expect(conditionOf('not title is set or employees > 1 and email is set')).toEqual({
      kind: 'or',
      items: [
        { kind: 'not', item: { kind: 'isSet', attribute: title, negated: false } },
        {
          kind: 'and',
          items: [
            { kind: 'numberCompare', attribute: employees, op: 'gt', value: 1 },
            { kind: 'isSet', attribute: { kind: 'field', name: 'email' }, negated: false },
          ],
        },
      ],
    });
  });

  it('keeps text values exactly, case and Unicode included', () => {
    expect(conditionOf('title = "ДИРЕКТОР \\"Ö\\""')).toMatchObject({ value: 'ДИРЕКТОР "Ö"' });
  });
});
