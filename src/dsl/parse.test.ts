import type { ConditionNode, StatementNode } from './ast';
import { DiagnosticCode } from './diagnostic';
import { diagnosticsOf, expectDiagnostics } from './harness';
import { MAX_DEPTH, MAX_RULES, MAX_SOURCE_LENGTH, MAX_SYNTAX_ERRORS } from './limits';
import { parse, parsePartial } from './parse';

function statements(source: string): readonly StatementNode[] {
  const result = parse(source);
  expect(result.diagnostics).toEqual([]);
  if (!result.ast) throw new Error('no ast');
  return result.ast.statements;
}

function statement(source: string): StatementNode {
  const all = statements(source);
  expect(all).toHaveLength(1);
  return all[0];
}

/** A compact rendering of a condition's structure, to test precedence. */
function shape(node: ConditionNode): string {
  switch (node.kind) {
    case 'Or':
      return `(${node.items.map(shape).join(' or ')})`;
    case 'And':
      return `(${node.items.map(shape).join(' and ')})`;
    case 'Not':
      return `not ${shape(node.operand)}`;
    case 'Comparison':
      return node.attribute.path.map((p) => p.value).join('.');
    case 'In':
    case 'IsSet':
      return node.attribute.path.map((p) => p.value).join('.');
    case 'HasEvent':
    case 'Count':
      return node.selector.name.value;
    case 'Inactive':
      return 'inactive';
    default: {
      const _exhaustive: never = node;
      return _exhaustive;
    }
  }
}

function conditionShape(condition: string): string {
  const s = statement(`+1 when ${condition}`);
  if (s.kind !== 'WhenRule') throw new Error('not a when rule');
  return shape(s.condition);
}

describe('statement forms', () => {
  it('parses a when rule with its parts and ranges', () => {
    const s = statement('+15 when employees >= 200');
    expect(s).toMatchObject({
      kind: 'WhenRule',
      dimension: null,
      text: '+15 when employees >= 200',
      points: { kind: 'Points', sign: '+', value: { kind: 'Number', value: 15, raw: '15' } },
      condition: {
        kind: 'Comparison',
        attribute: { path: [{ value: 'employees' }] },
        operator: { value: '>=' },
        value: { kind: 'Number', value: 200 },
      },
      clauses: [],
      range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 25, line: 1, column: 26 } },
    });
  });

  it('parses an explicit dimension and decimal points', () => {
    expect(statement('engagement -2.5 when visited("/a")')).toMatchObject({
      dimension: { value: 'engagement' },
      points: { sign: '-', value: { value: 2.5, raw: '2.5' } },
    });
    expect(statement('fit + 5 when title is set')).toMatchObject({ dimension: { value: 'fit' }, points: { sign: '+', value: { value: 5 } } });
  });

  it('parses a per rule with all clauses', () => {
    expect(statement('+3 per opened_email() within 60d max 15 decay 50% every 14d')).toMatchObject({
      kind: 'PerRule',
      selector: { name: { value: 'opened_email' }, args: [] },
      clauses: [
        { kind: 'Within', duration: { value: 60, unit: 'd' } },
        { kind: 'Max', value: { value: 15 } },
        { kind: 'Decay', percent: { value: 50 }, every: { value: 14, unit: 'd' } },
      ],
    });
  });

  it('parses qualify and disqualify', () => {
    expect(statement('qualify "SQL" when submitted("demo-request")')).toMatchObject({
      kind: 'QualifyRule',
      stage: { kind: 'String', value: 'SQL' },
      condition: { kind: 'HasEvent', selector: { name: { value: 'submitted' } }, within: null },
    });
    expect(statement('disqualify when email ends_with "@competitor.example"')).toMatchObject({
      kind: 'DisqualifyRule',
      condition: { kind: 'Comparison', operator: { value: 'ends_with' } },
    });
  });

  it('parses every condition form', () => {
    const forms: [string, object][] = [
      ['industry in ["SaaS", "Fintech"]', { kind: 'In', negated: false, list: { items: [{ value: 'SaaS' }, { value: 'Fintech' }] } }],
      ['employees not in [1, 2,]', { kind: 'In', negated: true, list: { items: [{ value: 1 }, { value: 2 }] } }],
      ['title is set', { kind: 'IsSet', negated: false }],
      ['title is not set', { kind: 'IsSet', negated: true }],
      ['attributes.plan = "pro"', { kind: 'Comparison', attribute: { path: [{ value: 'attributes' }, { value: 'plan' }] } }],
      ['attributes.score > -5', { kind: 'Comparison', value: { kind: 'Number', value: -5 } }],
      ['submitted("x") within 30d', { kind: 'HasEvent', within: { value: 30, unit: 'd' } }],
      ['count(clicked_email("spring") within 2w) >= 2', { kind: 'Count', within: { unit: 'w' }, operator: { value: '>=' }, value: { value: 2 } }],
      ['inactive > 90d', { kind: 'Inactive', operator: { value: '>' }, value: { kind: 'Duration', value: 90, unit: 'd' } }],
      ['event("webinar", topic = "pricing")', { kind: 'HasEvent', selector: { args: [{ kind: 'String' }, { kind: 'NamedArgument', name: { value: 'topic' } }] } }],
      ['title = "say \\"hi\\" \\\\ bye"', { kind: 'Comparison', value: { value: 'say "hi" \\ bye' } }],
    ];
    for (const [condition, expected] of forms) {
      const s = statement(`+1 when ${condition}`);
      expect(s.kind === 'WhenRule' && s.condition).toMatchObject(expected);
    }
  });

  it('is permissive where the checker reports better', () => {
    expect(statement('10 when title is set')).toMatchObject({ points: { sign: null } });
    expect(statement('+1 per visited("/a") within 30')).toMatchObject({ clauses: [{ duration: { value: 30, unit: null } }] });
    expect(statement('+1 when visited("/a") decay 5% every 1d')).toMatchObject({ kind: 'WhenRule', clauses: [{ kind: 'Decay' }] });
    expect(statement('+1 when employes > 5k')).toMatchObject({ condition: { value: { kind: 'Duration', unit: 'k' } } });
    expect(statement('+1 when vistied()')).toMatchObject({ condition: { selector: { name: { value: 'vistied' } } } });
  });
});

describe('lines', () => {
  it('skips blank lines and comments, and keeps trailing comments out of the text', () => {
    const all = statements('# header\n\n  +1 when title is set   # why\r\n\t-2 when email is set');
    expect(all.map((s) => [s.range.start.line, s.range.start.column, s.text])).toEqual([
      [3, 3, '+1 when title is set'],
      [4, 2, '-2 when email is set'],
    ]);
  });

  it('gives absolute offsets across CRLF and CR line breaks', () => {
    const source = 'x\r\n\r+1 when title is set';
    const s = statements(source.replace('x', '#'))[0];
    expect(s.range.start).toEqual({ offset: 4, line: 3, column: 1 });
    expect(source.slice(s.range.start.offset, s.range.end.offset)).toBe('+1 when title is set');
  });

  it('accepts an empty source', () => {
    expect(statements('')).toEqual([]);
    expect(statements('\n\n# only comments\n')).toEqual([]);
  });

  it('accepts no-break spaces and a BOM as spaces', () => {
    expect(statements('\ufeff+1\u00a0when title is set')).toHaveLength(1);
  });
});

describe('precedence: or < and < not < comparisons', () => {
  it.each([
    ['a = 1 or b = 1 and c = 1', '(a or (b and c))'],
    ['a = 1 and b = 1 or c = 1', '((a and b) or c)'],
    ['not a = 1 and b = 1', '(not a and b)'],
    ['not a = 1 or not b = 1', '(not a or not b)'],
    ['not (a = 1 or b = 1)', 'not (a or b)'],
    ['(a = 1 or b = 1) and c = 1', '((a or b) and c)'],
    ['not not a is set', 'not not a'],
    ['a = 1 and b not in [1] and c is not set', '(a and b and c)'],
    ['visited("/a") within 1d or count(submitted()) > 1 and inactive > 2d', '(visited or (submitted and inactive))'],
  ])('%s', (condition, expected) => {
    expect(conditionShape(condition)).toBe(expected);
  });
});

describe('syntax errors', () => {
  it('says what was expected and what was found', () => {
    expectDiagnostics('+10 wen title is set').toEqual([
      { code: 'DSL_SYNTAX', message: 'Expected "per" or "when" but found "wen".', line: 1, column: 5, endLine: 1, endColumn: 8 },
    ]);
    expectDiagnostics('+10 when').toEqual([
      {
        code: 'DSL_SYNTAX',
        message: 'Expected a condition like employees >= 200 or visited("/pricing") but found end of line.',
        line: 1,
        column: 9,
        endLine: 1,
        endColumn: 9,
      },
    ]);
    expectDiagnostics('+10 when employees').toEqual([
      expect.objectContaining({ message: 'Expected an operator like =, >=, in, contains or is set but found end of line.' }),
    ]);
    expectDiagnostics('+10 when employees >').toEqual([
      expect.objectContaining({ message: 'Expected a value like "SaaS" or 200 but found end of line.', column: 21 }),
    ]);
    expectDiagnostics('WHEN title is set').toEqual([
      expect.objectContaining({ message: 'Expected a rule like +10 when employees >= 200 but found "WHEN".' }),
    ]);
    expectDiagnostics('qualify SQL when title is set').toEqual([
      expect.objectContaining({ message: 'Expected a text in double quotes but found "SQL".', column: 9, endColumn: 12 }),
    ]);
    expectDiagnostics('+2 per visited("/a") decay 50 every 1d').toEqual([
      expect.objectContaining({ message: 'Expected "%" but found "every".' }),
    ]);
  });

  it('hints at curly quotes', () => {
    expectDiagnostics('+1 when title = \u201cCEO\u201d').toEqual([
      expect.objectContaining({
        code: 'DSL_SYNTAX',
        message: 'Expected a value like "SaaS" or 200 but found "\u201c". Text goes between straight double quotes ("), not curly ones.',
      }),
    ]);
  });

  it('reports errors from several lines at once', () => {
    expect(diagnosticsOf('+1 when\n+1 when title is set\n+1 when (title is set\n+1 when employes > 1').map((d) => [d.code, d.line])).toEqual([
      ['DSL_SYNTAX', 1],
      ['DSL_SYNTAX', 3],
      ['DSL_UNKNOWN_ATTRIBUTE', 4],
    ]);
  });

  it('returns no tree from parse when any line has an error, but a partial one from parsePartial', () => {
    expect(parse('+1 when\n+1 when title is set').ast).toBeNull();
    expect(parsePartial('+1 when\n+1 when title is set').ast?.statements).toHaveLength(1);
  });
});

describe('strings', () => {
  it('reports an unterminated string', () => {
    expectDiagnostics('+1 when title = "CEO   \n+1 when email is set').toEqual([
      {
        code: 'DSL_UNTERMINATED_STRING',
        message: 'This text has no closing double quote ("). Close it on the same line.',
        line: 1,
        column: 17,
        endLine: 1,
        endColumn: 21,
      },
    ]);
  });

  it('reports an unknown escape', () => {
    expectDiagnostics('+1 when title = "a\\nb"').toEqual([
      {
        code: 'DSL_INVALID_ESCAPE',
        message: 'Unknown escape "\\n" in text: only \\" (a quote) and \\\\ (a backslash) may follow a backslash.',
        line: 1,
        column: 19,
        endLine: 1,
        endColumn: 21,
      },
    ]);
  });

  it('ignores quotes and parentheses in comments and inside strings', () => {
    expect(statements('+1 when title = "((((#" # "unterminated (((')).toHaveLength(1);
  });
});

describe('limits', () => {
  it('rejects a source over MAX_SOURCE_LENGTH', () => {
    expectDiagnostics('#'.repeat(MAX_SOURCE_LENGTH + 1)).toEqual([
      {
        code: DiagnosticCode.SOURCE_TOO_LARGE,
        message: 'The source is 100,001 characters long; the limit is 100,000.',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ]);
  });

  it('rejects more than MAX_RULES rules, at the first rule too many', () => {
    const source = Array.from({ length: MAX_RULES + 5 }, () => '+1 when title is set').join('\n');
    expectDiagnostics(source).toEqual([
      {
        code: DiagnosticCode.TOO_MANY_RULES,
        message: 'A model can have at most 1000 rules; this is rule 1001.',
        line: MAX_RULES + 1,
        column: 1,
        endLine: MAX_RULES + 1,
        endColumn: 21,
      },
    ]);
  });

  it('accepts nesting up to MAX_DEPTH and rejects deeper', () => {
    const nested = (n: number) => `+1 when ${'('.repeat(n)}title is set${')'.repeat(n)}`;
    expect(statements(nested(MAX_DEPTH))).toHaveLength(1);
    expectDiagnostics(nested(MAX_DEPTH + 1)).toEqual([
      {
        code: DiagnosticCode.TOO_DEEP,
        message: 'This condition nests parentheses and "not" more than 32 deep. Simplify it or split it into several rules.',
        line: 1,
        column: 9 + MAX_DEPTH,
        endLine: 1,
        endColumn: 10 + MAX_DEPTH,
      },
    ]);
  });

  it('counts prefix "not" as nesting, but not "not in" or "is not set"', () => {
    expect(diagnosticsOf(`+1 when ${'not '.repeat(MAX_DEPTH + 1)}title is set`).map((d) => d.code)).toEqual([DiagnosticCode.TOO_DEEP]);
    const flat = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'title is not set' : 'employees not in [1]')).join(' and ');
    expect(statements(`+1 when ${flat}`)).toHaveLength(1);
    const negations = Array.from({ length: 40 }, () => 'not title is set').join(' or ');
    expect(statements(`+1 when ${negations}`)).toHaveLength(1);
  });

  it('survives 10,000 parentheses and 10,000 nots', () => {
    expect(diagnosticsOf(`+1 when ${'('.repeat(10_000)}`).map((d) => d.code)).toEqual([DiagnosticCode.TOO_DEEP]);
    expect(diagnosticsOf(`+1 when ${'not '.repeat(10_000)}`).map((d) => d.code)).toEqual([DiagnosticCode.TOO_DEEP]);
  });
});

describe('bounded error reporting', () => {
  it('stops reading after MAX_SYNTAX_ERRORS bad lines', () => {
    const codes = diagnosticsOf('x\n'.repeat(MAX_SYNTAX_ERRORS + 50)).map((d) => d.code);
    expect(codes).toHaveLength(MAX_SYNTAX_ERRORS + 1);
    expect(codes[MAX_SYNTAX_ERRORS]).toBe(DiagnosticCode.TOO_MANY_ERRORS);
    expect(diagnosticsOf('x\n'.repeat(MAX_SYNTAX_ERRORS))).toHaveLength(MAX_SYNTAX_ERRORS);
  });
});

describe('hints', () => {
  it('says keywords are lower case', () => {
    expectDiagnostics('+10 WHEN title is set').toEqual([
      expect.objectContaining({ message: 'Expected "per" or "when" but found "WHEN". Keywords are written in lower case.' }),
    ]);
  });

  it('says events take parentheses', () => {
    expectDiagnostics('+10 when visited').toEqual([
      expect.objectContaining({
        message: 'Expected an operator like =, >=, in, contains or is set but found end of line. Events are written with parentheses, like visited("/pricing").',
      }),
    ]);
    expectDiagnostics('+10 per opened_email').toEqual([
      expect.objectContaining({ message: 'Expected "(" but found end of line. Events are written with parentheses, like opened_email().' }),
    ]);
  });
});
