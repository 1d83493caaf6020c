import { check } from './check';
import { compileSource } from './compile';
import { codesOf, expectDiagnostics } from './harness';
import { MAX_LIST_ITEMS } from './limits';
import { parse } from './parse';

/** The examples of the contract (/work/shared/dsl.md), verbatim. */
const CONTRACT_EXAMPLE = `# fit: who they are
+15 when employees >= 200
+10 when industry in ["SaaS", "Fintech"]
-30 when email ends_with "@gmail.com"
fit +5 when title contains "director" or title contains "vp"

# engagement: what they do
+10 when visited("/pricing")
+20 when submitted("demo-request") within 30d
+2 per visited("/blog/*") within 30d max 20
+3 per opened_email() max 15 decay 50% every 14d
+5 when count(clicked_email("spring-launch")) >= 2
-20 when inactive > 90d

qualify "SQL" when submitted("demo-request")
disqualify when email ends_with "@competitor.example"
`;

describe('the contract examples', () => {
  it('check as a whole with no diagnostic', () => {
    const result = compileSource(CONTRACT_EXAMPLE, { stages: ['MQL', 'SQL'] });
    expect(result.diagnostics).toEqual([]);
    expect(result.program?.rules).toHaveLength(12);
  });

  it.each(CONTRACT_EXAMPLE.split('\n').filter((line) => line !== '' && !line.startsWith('#')))('%s', (line) => {
    expect(compileSource(line).diagnostics).toEqual([]);
  });

  it('summarises each rule with its line, text, kind and dimension', () => {
    expect(compileSource(CONTRACT_EXAMPLE).rules).toEqual([
      { line: 2, text: '+15 when employees >= 200', kind: 'when', dimension: 'fit' },
      { line: 3, text: '+10 when industry in ["SaaS", "Fintech"]', kind: 'when', dimension: 'fit' },
      { line: 4, text: '-30 when email ends_with "@gmail.com"', kind: 'when', dimension: 'fit' },
      { line: 5, text: 'fit +5 when title contains "director" or title contains "vp"', kind: 'when', dimension: 'fit' },
      { line: 8, text: '+10 when visited("/pricing")', kind: 'when', dimension: 'engagement' },
      { line: 9, text: '+20 when submitted("demo-request") within 30d', kind: 'when', dimension: 'engagement' },
      { line: 10, text: '+2 per visited("/blog/*") within 30d max 20', kind: 'per', dimension: 'engagement' },
      { line: 11, text: '+3 per opened_email() max 15 decay 50% every 14d', kind: 'per', dimension: 'engagement' },
      { line: 12, text: '+5 when count(clicked_email("spring-launch")) >= 2', kind: 'when', dimension: 'engagement' },
      { line: 13, text: '-20 when inactive > 90d', kind: 'when', dimension: 'engagement' },
      { line: 15, text: 'qualify "SQL" when submitted("demo-request")', kind: 'qualify', dimension: null },
      { line: 16, text: 'disqualify when email ends_with "@competitor.example"', kind: 'disqualify', dimension: null },
    ]);
  });
});

describe('names', () => {
  it('suggests the closest attribute', () => {
    expectDiagnostics('+1 when employes > 10').toEqual([
      {
        code: 'DSL_UNKNOWN_ATTRIBUTE',
        message: 'Unknown attribute "employes". Did you mean "employees"?',
        line: 1,
        column: 9,
        endLine: 1,
        endColumn: 17,
      },
    ]);
  });

  it('points custom attributes to attributes.NAME, and selectors to their parentheses', () => {
    expectDiagnostics('+1 when plan = "pro"').toEqual([
      expect.objectContaining({ message: 'Unknown attribute "plan". If it is a custom attribute, write attributes.plan.' }),
    ]);
    expectDiagnostics('+1 when visited = "/a"').toEqual([
      expect.objectContaining({ message: '"visited" is an event, not an attribute: write it with parentheses, like visited("…").' }),
    ]);
    expectDiagnostics('+1 when attributes.Plan = "pro" or attributes.a.b = 1').toEqual([
      expect.objectContaining({ code: 'DSL_UNKNOWN_ATTRIBUTE', column: 9, endColumn: 24 }),
      expect.objectContaining({ code: 'DSL_UNKNOWN_ATTRIBUTE', column: 36, endColumn: 50 }),
    ]);
  });

  it('suggests the closest selector', () => {
    expectDiagnostics('+10 when vistied("/pricing")').toEqual([
      {
        code: 'DSL_UNKNOWN_SELECTOR',
        message: 'Unknown event "vistied". Did you mean "visited"?',
        line: 1,
        column: 10,
        endLine: 1,
        endColumn: 17,
      },
    ]);
    expectDiagnostics('+10 per pageview()').toEqual([
      expect.objectContaining({
        message: 'Unknown event "pageview". Events are visited, opened_email, clicked_email, submitted, event.',
      }),
    ]);
    expectDiagnostics('+10 when title("x")').toEqual([
      expect.objectContaining({ message: 'Unknown event "title". "title" is an attribute: compare it, like title = "…".' }),
    ]);
  });

  it('checks selector arguments', () => {
    expect(codesOf('+1 when visited()')).toEqual(['DSL_SELECTOR_ARGUMENTS']);
    expect(codesOf('+1 when visited("/a", "/b")')).toEqual(['DSL_SELECTOR_ARGUMENTS']);
    expect(codesOf('+1 when opened_email(3)')).toEqual(['DSL_SELECTOR_ARGUMENTS']);
    expect(codesOf('+1 when submitted(form = "x")')).toEqual(['DSL_SELECTOR_ARGUMENTS']);
    expect(codesOf('+1 when event()')).toEqual(['DSL_SELECTOR_ARGUMENTS']);
    expect(codesOf('+1 when event("")')).toEqual(['DSL_SELECTOR_ARGUMENTS']);
    expect(codesOf('+1 when event("x", "y")')).toEqual(['DSL_SELECTOR_ARGUMENTS']);
    expect(codesOf('+1 when event("x", a = 1)')).toEqual(['DSL_SELECTOR_ARGUMENTS']);
    expectDiagnostics('+1 when event("x", a = "1", a = "2")').toEqual([
      { code: 'DSL_SELECTOR_ARGUMENTS', message: 'Property "a" is tested twice in this event.', line: 1, column: 29, endLine: 1, endColumn: 30 },
    ]);
    expect(codesOf('+1 when opened_email() or clicked_email("c") or submitted() or event("x", a = "1", b = "2")')).toEqual([]);
  });

  it('checks stages only when they are given', () => {
    expect(codesOf('qualify "Hot" when title is set')).toEqual([]);
    expectDiagnostics('qualify "sql" when title is set', { stages: ['MQL', 'SQL'] }).toEqual([
      { code: 'DSL_UNKNOWN_STAGE', message: 'Unknown stage "sql". Did you mean "SQL" or "MQL"?', line: 1, column: 9, endLine: 1, endColumn: 14 },
    ]);
    expectDiagnostics('qualify "Hot" when title is set', { stages: ['MQL', 'SQL'] }).toEqual([
      expect.objectContaining({ message: 'Unknown stage "Hot". Stages are: "MQL", "SQL".' }),
    ]);
    expectDiagnostics('qualify "Hot" when title is set', { stages: [] }).toEqual([
      expect.objectContaining({ message: 'Unknown stage "Hot". The model has no thresholds yet.' }),
    ]);
    expect(codesOf('qualify " " when title is set')).toEqual(['DSL_UNKNOWN_STAGE']);
  });
});

describe('types', () => {
  it('reports text operators on numbers', () => {
    expectDiagnostics('+1 when employees contains "x"').toEqual([
      {
        code: 'DSL_TYPE_MISMATCH',
        message: '"employees" is a number, so "contains" can\'t be used on it: use =, !=, <, <=, >, >= or in.',
        line: 1,
        column: 19,
        endLine: 1,
        endColumn: 27,
      },
    ]);
  });

  it.each([
    ['title > 5', '"title" is text, so ">" can\'t be used on it: use =, !=, in, contains, starts_with or ends_with.'],
    ['title = 5', '"title" is text: put the value in double quotes, like title = "SaaS".'],
    ['employees = "5"', '"employees" is a number: compare it with a plain number, like employees = 200.'],
    ['employees >= 5d', '">=" compares numbers: write a plain number, like employees >= 200.'],
    ['title contains 5', '"contains" needs text in double quotes, like title contains "director".'],
    ['industry = ["a"]', 'To compare with a list, write industry in [...].'],
    ['industry in ["a", 1]', '"industry" is text: put the value in double quotes, like industry = "SaaS".'],
    ['employees not in [1, "2"]', '"employees" is a number: compare it with a plain number, like employees = 200.'],
    ['attributes.x in ["a", 1]', 'A list holds either text or numbers, not both.'],
    ['attributes.x < "a"', '"<" compares numbers: write a plain number, like attributes.x < 200.'],
    ['attributes.x = 3d', '"attributes.x" is compared with text in double quotes or a plain number.'],
    ['created_at = "2024-01-01"', '"created_at" is a date: only "is set" and "is not set" work on it.'],
    ['created_at in [1]', '"created_at" is a date: only "is set" and "is not set" work on it.'],
    ['count(visited("/a")) > 2d', 'count(...) is compared with a number, like count(visited("/pricing")) >= 3.'],
    ['inactive > "90d"', '"inactive" is compared with a duration, like inactive > 90d.'],
  ])('%s', (condition, message) => {
    expectDiagnostics(`+1 when ${condition}`).toEqual([expect.objectContaining({ code: 'DSL_TYPE_MISMATCH', message })]);
  });

  it('lets custom attributes take text or numbers with any fitting operator', () => {
    expect(codesOf('+1 when attributes.plan = "pro" and attributes.seats >= 5 and attributes.tag contains "x" and attributes.n in [1, 2] and attributes.s not in ["a"] and attributes.z is set')).toEqual([]);
  });

  it('lets created_at be tested for presence', () => {
    expect(codesOf('+1 when created_at is set')).toEqual([]);
  });
});

describe('points, numbers and durations', () => {
  it('requires a sign on points', () => {
    expectDiagnostics('10 when title is set').toEqual([
      {
        code: 'DSL_MISSING_SIGN',
        message: 'Points need a sign: write +10 to add points or -10 to take them away.',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 3,
      },
    ]);
  });

  it('requires a unit where a duration is expected', () => {
    expectDiagnostics('-20 when inactive > 90').toEqual([
      {
        code: 'DSL_DURATION_UNIT',
        message: '90 needs a unit: h (hours), d (days) or w (weeks), like 90d.',
        line: 1,
        column: 21,
        endLine: 1,
        endColumn: 23,
      },
    ]);
    expect(codesOf('+1 per visited("/a") within 30')).toEqual(['DSL_DURATION_UNIT']);
    expect(codesOf('+1 when visited("/a") within 30')).toEqual(['DSL_DURATION_UNIT']);
    expect(codesOf('+1 when count(visited("/a") within 3) > 1')).toEqual(['DSL_DURATION_UNIT']);
    expect(codesOf('+1 per visited("/a") decay 5% every 7')).toEqual(['DSL_DURATION_UNIT']);
  });

  it('rejects unknown units', () => {
    expectDiagnostics('+1 when visited("/a") within 30days').toEqual([
      expect.objectContaining({
        code: 'DSL_DURATION_UNIT',
        message: 'Unknown unit "days" in 30days: a duration is a whole number followed by h (hours), d (days) or w (weeks), like 30d.',
      }),
    ]);
    expect(codesOf('+1 when employees > 5k')).toEqual(['DSL_DURATION_UNIT']);
    expect(codesOf('+1 when inactive > 3D')).toEqual(['DSL_DURATION_UNIT']);
  });

  it('rejects fractional, zero and too long durations', () => {
    expect(codesOf('+1 when inactive > 1.5d')).toEqual(['DSL_INVALID_DURATION']);
    expect(codesOf('+1 when visited("/a") within 0h')).toEqual(['DSL_INVALID_DURATION']);
    expectDiagnostics('+1 when inactive > 5300w').toEqual([
      expect.objectContaining({ code: 'DSL_INVALID_DURATION', message: '5300w is too long: the longest duration is 36500d.' }),
    ]);
    expect(codesOf('+1 when inactive > 5200w')).toEqual([]);
  });

  it('rejects numbers beyond MAX_NUMBER', () => {
    expectDiagnostics('+1 when employees > 1000000001').toEqual([
      expect.objectContaining({ code: 'DSL_NUMBER_OUT_OF_RANGE', message: '1000000001 is too large: numbers go up to 1,000,000,000.' }),
    ]);
    expect(codesOf(`+${'9'.repeat(400)} when title is set`)).toEqual(['DSL_NUMBER_OUT_OF_RANGE']);
    expect(codesOf('+1 when attributes.x > -1000000001')).toEqual(['DSL_NUMBER_OUT_OF_RANGE']);
    expect(codesOf('+1000000000 when employees > 1000000000')).toEqual([]);
  });

  it('warns about zero points', () => {
    const result = compileSource('+0 when title is set');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'DSL_ZERO_POINTS', severity: 'warning' })]);
    expect(result.program?.rules).toHaveLength(1);
  });
});

describe('clauses', () => {
  it('reports decay on a when rule', () => {
    expectDiagnostics('+1 when visited("/a") decay 50% every 14d').toEqual([
      {
        code: 'DSL_DECAY_ON_WHEN',
        message: '"decay" can\'t be used on a "when" rule: it only works on "per" rules, like +3 per opened_email() decay 50% every 14d.',
        line: 1,
        column: 23,
        endLine: 1,
        endColumn: 42,
      },
    ]);
    expect(codesOf('qualify "X" when title is set decay 5% every 1d')).toEqual(['DSL_DECAY_ON_WHEN']);
  });

  it('reports max and a trailing within on a when rule', () => {
    expect(codesOf('+1 when visited("/a") max 3')).toEqual(['DSL_MAX_ON_WHEN']);
    expect(codesOf('+1 when (visited("/a") or visited("/b")) within 3d')).toEqual(['DSL_MISPLACED_WITHIN']);
    expect(codesOf('disqualify when title is set within 3d')).toEqual(['DSL_MISPLACED_WITHIN']);
  });

  it('reports a clause given twice', () => {
    expectDiagnostics('+1 per visited("/a") max 3 max 4').toEqual([
      { code: 'DSL_DUPLICATE_CLAUSE', message: '"max" is given twice in this rule; keep one.', line: 1, column: 28, endLine: 1, endColumn: 33 },
    ]);
  });

  it('accepts per clauses in any order', () => {
    expect(codesOf('+1 per visited("/a") decay 10% every 1w max 5 within 60d')).toEqual([]);
  });

  it('requires max above 0 and decay in (0, 100]', () => {
    expect(codesOf('+1 per visited("/a") max 0')).toEqual(['DSL_INVALID_MAX']);
    expect(codesOf('+1 per visited("/a") decay 0% every 1d')).toEqual(['DSL_INVALID_DECAY']);
    expect(codesOf('+1 per visited("/a") decay 100.5% every 1d')).toEqual(['DSL_INVALID_DECAY']);
    expect(codesOf('+1 per visited("/a") decay 100% every 1d max 0.5')).toEqual([]);
  });
});

describe('lists', () => {
  it('limits list size', () => {
    const items = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => i).join(', ');
    expect(codesOf(`+1 when employees in [${items}]`)).toEqual(['DSL_TOO_MANY_ITEMS']);
  });

  it('warns about empty lists', () => {
    expectDiagnostics('+1 when industry not in []').toEqual([
      expect.objectContaining({ code: 'DSL_EMPTY_LIST', message: 'This list is empty, so the test is always true when the attribute is set.' }),
    ]);
  });
});

describe('many problems at once', () => {
  it('reports every problem of every line, in source order', () => {
    const source = [
      '+10 when vistied("/pricing")',
      '10 when employes > 5',
      '+1 when',
      '+2 when visited("/a") decay 50% every 14 max 0',
      'qualify "Hot" when title contains 5',
    ].join('\n');
    expect(codesOf(source, { stages: ['SQL'] })).toEqual([
      'DSL_UNKNOWN_SELECTOR',
      'DSL_MISSING_SIGN',
      'DSL_UNKNOWN_ATTRIBUTE',
      'DSL_SYNTAX',
      'DSL_DECAY_ON_WHEN',
      'DSL_DURATION_UNIT',
      'DSL_MAX_ON_WHEN',
      'DSL_INVALID_MAX',
      'DSL_UNKNOWN_STAGE',
      'DSL_TYPE_MISMATCH',
    ]);
    expect(compileSource(source).program).toBeNull();
  });
});

describe('check()', () => {
  it('works on a tree from parse and returns no program on errors', () => {
    const ast = parse('+1 when employes > 1').ast;
    if (!ast) throw new Error('no ast');
    const result = check(ast);
    expect(result.program).toBeNull();
    expect(result.rules).toEqual([{ line: 1, text: '+1 when employes > 1', kind: 'when', dimension: 'fit' }]);
  });
});
