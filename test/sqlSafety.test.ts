// A static check against SQL built from strings: every `.query(` call under
// src/ whose first argument is a template literal may interpolate only
// constants (UPPER_CASE identifiers) or expressions reviewed below, and may not
// use `+` to concatenate its text; sql.raw() takes only constant text. Plus: the `sql` fragment builder refuses
// plain values, and the SQL backend's golden statements contain no literal
// taken from the rule source (every one is a bound $n parameter).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { compile, sql, type SqlFragment } from '../src/sql';

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');

/** A constant written in code: LEAD_COLUMNS, MODEL_COLUMNS, STAGE, ... */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/**
 * Reviewed interpolations that are not UPPER_CASE constants, by file (relative
 * to src/) and the expression's exact text. Keep it minimal: each entry says
 * why no request value can reach the SQL text through it.
 */
const ALLOWED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'leads/leadList.query.ts': {
    // Fixed text from the SORT table, chosen by the LeadOrderField enum.
    'sort.text': 'fixed SQL from the SORT table, keyed by the GraphQL enum',
    'sort.expr': 'fixed SQL from the SORT table, keyed by the GraphQL enum',
    // Literal 'ASC' / 'DESC' picked by a ternary on the enum.
    dir: "the literal 'ASC' or 'DESC'",
    // Literal ' NULLS LAST' or ''.
    nulls: "the literal ' NULLS LAST' or ''",
    // Literal 's.lead_id', 'a.lead_id' or 'l.id'.
    idExpr: "the literal 's.lead_id', 'a.lead_id' or 'l.id'",
    // One of two fixed FROM clauses; the model is `model` below.
    from: 'one of two fixed FROM clauses, plus a fixed join to lead_activity; the model is the fixed DEFAULT_MODEL_ID subquery or a $n placeholder',
    // The constant DEFAULT_MODEL_ID subquery, or "$n::uuid" from bind().
    model: 'the constant DEFAULT_MODEL_ID subquery or a $n placeholder from bind()',
    // Items of the constant LEAD_COLUMNS, chosen by field name (leadColumns): names pick, never reach the SQL.
    columns: 'items of the constant LEAD_COLUMNS picked by leadColumns(); field names select, they are never spliced',
    // '' or ', ' + items of the constant column table of scoreColumns.ts, picked by prefixedScoreColumns().
    scoreColumns: "'' or fixed score columns picked by prefixedScoreColumns(); field names select, they are never spliced",
    // Fixed fragments whose values all go through bind() ($n placeholders); the search text is bound, not spliced.
    "where.join(' AND ')": 'fixed condition fragments with $n placeholders from bind()',
    "countWhere.join(' AND ')": 'a copy of where: fixed fragments with $n placeholders',
    // bind() returns "$n" and pushes the value to the parameter list.
    'bind(args.first + 1)': 'bind() returns a $n placeholder; the value is a parameter',
  },
  'scoring/scoringModel.store.ts': {
    suffix: "the literal ' FOR KEY SHARE', ' FOR UPDATE' or '', chosen by a typed union argument",
  },
  'db/database.ts': {
    // Configuration, not request data: loadConfig refuses any DATABASE_SCHEMA that is not /^[a-z_][a-z0-9_]{0,62}$/.
    'options.schema': 'DATABASE_SCHEMA, validated as a plain lower-case identifier by loadConfig',
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

interface ScanResult {
  readonly calls: number;
  readonly templateCalls: number;
  readonly violations: Finding[];
  /** Allowlist entries that matched, as "file|expression". */
  readonly used: Set<string>;
}

/** True when `node` contains a `+` binary expression (string building) anywhere. */
function containsPlus(node: ts.Node): ts.Node | null {
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken)) {
    return node;
  }
  // A `+` inside an interpolation of the template is judged by the interpolation rule (e.g. bind(args.first + 1)).
  if (ts.isTemplateSpan(node)) return null;
  return ts.forEachChild(node, (child) => containsPlus(child) ?? undefined) ?? null;
}

/** The untagged template literals with interpolations in an expression (also inside `+`, `?:`), not looking into their interpolations. */
function templatesIn(node: ts.Node): ts.TemplateExpression[] {
  if (ts.isTemplateExpression(node)) return [node];
  if (ts.isTaggedTemplateExpression(node)) return [];
  const found: ts.TemplateExpression[] = [];
  ts.forEachChild(node, (child) => {
    found.push(...templatesIn(child));
  });
  return found;
}

/** Scans source text (one file) for `.query(` calls; `file` is relative to src/. */
function scanSource(file: string, text: string, result: ScanResult): void {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'query' &&
      node.arguments.length > 0
    ) {
      (result as { calls: number }).calls++;
      let first: ts.Expression = node.arguments[0];
      while (ts.isParenthesizedExpression(first) || ts.isAsExpression(first)) first = first.expression;
      const plus = containsPlus(first);
      if (plus) result.violations.push({ file, line: lineOf(plus), what: `string concatenation with + in the SQL text: ${plus.getText(sf).slice(0, 80)}` });
      const templates = templatesIn(first);
      if (templates.length) (result as { templateCalls: number }).templateCalls++;
      for (const template of templates) {
        for (const span of template.templateSpans) {
          const expression = span.expression.getText(sf);
          if (ts.isIdentifier(span.expression) && CONSTANT.test(expression)) continue;
          if (ALLOWED[file]?.[expression] !== undefined) {
            result.used.add(`${file}|${expression}`);
            continue;
          }
          result.violations.push({ file, line: lineOf(span.expression), what: `\${${expression}} interpolated into SQL text` });
        }
      }
    }
    // sql.raw() is for constant text; its type rejects a computed string, but `as any` would get past that.
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.expression.getText(sf) === 'sql' &&
      node.expression.name.text === 'raw' &&
      node.arguments.length > 0
    ) {
      const arg = node.arguments[0];
      const constant =
        ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) || (ts.isIdentifier(arg) && CONSTANT.test(arg.text));
      if (!constant) result.violations.push({ file, line: lineOf(arg), what: `sql.raw(${arg.getText(sf).slice(0, 80)}) of non-constant text` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function scan(files: readonly { file: string; text: string }[]): ScanResult {
  const result: ScanResult = { calls: 0, templateCalls: 0, violations: [], used: new Set() };
  for (const { file, text } of files) scanSource(file, text, result);
  return result;
}

describe('SQL text is never built from values', () => {
  const files = sourceFiles(SRC).map((full) => ({ file: path.relative(SRC, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }));
  const result = scan(files);

  it('scans the whole of src/', () => {
    expect(files.length).toBeGreaterThan(50);
    // Sanity: the scanner really sees the calls (there are dozens of .query( calls, many with templates).
    expect(result.calls).toBeGreaterThan(40);
    expect(result.templateCalls).toBeGreaterThan(20);
  });

  it('interpolates only constants and reviewed expressions into .query( templates, and never concatenates with +', () => {
    const report = result.violations.map((v) => `src/${v.file}:${v.line}: ${v.what}`);
    expect(report).toEqual([]);
  });

  it('keeps the allowlist honest: every entry is still used and names an existing file', () => {
    const stale = Object.entries(ALLOWED).flatMap(([file, expressions]) =>
      Object.keys(expressions)
        .filter((expression) => !result.used.has(`${file}|${expression}`))
        .map((expression) => `${file}: ${expression}`),
    );
    expect(stale).toEqual([]);
    for (const [file, expressions] of Object.entries(ALLOWED)) {
      for (const why of Object.values(expressions)) expect(why.length).toBeGreaterThan(10);
      expect(files.some((f) => f.file === file)).toBe(true);
    }
  });

  it('catches what it is meant to catch (the scanner on planted code)', () => {
    const planted = scan([
      {
        file: 'planted.ts',
        text: [
          'const LEAD_COLUMNS = "id";',
          'async function f(db: any, email: string, table: string) {',
          '  await db.query(`SELECT ${LEAD_COLUMNS} FROM leads WHERE email = $1`, [email]);', // fine
          "  await db.query(`SELECT * FROM leads WHERE email = '${email}'`);", // line 4: value spliced
          '  await db.query("SELECT * FROM " + table);', // line 5: concatenation
          '  await db.query(`SELECT 1` + `, ${email}`);', // line 6: both
          '  await tx.manager.query(`DELETE FROM ${table.trim()}`);', // line 7: member call
          '  await db.query(',
          '    `SELECT ${LEAD_COLUMNS}',
          '     FROM ${table}`,', // line 10: multi-line template
          '    []);',
          '  await db.query(flag ? `SELECT ${email}` : `SELECT 1`);', // line 12: inside a conditional
          '  const f = sql`SELECT ${sql.raw(email as any)}, ${sql.raw(\'now()\')}`;', // line 13: computed raw text
          '}',
        ].join('\n'),
      },
    ]);
    expect(planted.violations.map((v) => `${v.line}: ${v.what.split(' ')[0]}`)).toEqual([
      '4: ${email}',
      '5: string',
      '6: string',
      '6: ${email}',
      '7: ${table.trim()}',
      '10: ${table}',
      '12: ${email}',
      '13: sql.raw(email',
    ]);
    // An allowlisted expression counts only in its own file.
    const elsewhere = scan([{ file: 'other.ts', text: 'db.query(`SELECT 1 ${suffix}`);' }]);
    expect(elsewhere.violations).toHaveLength(1);
  });
});

describe('the sql fragment builder refuses raw interpolation', () => {
  it('throws for a plain string, number or object interpolated into sql``', () => {
    expect(() => sql`SELECT ${'x' as any}`).toThrow(/not a fragment/);
    expect(() => sql`SELECT * FROM leads WHERE email = ${"'; DROP TABLE leads; --" as any}`).toThrow(/not a fragment/);
    expect(() => sql`SELECT ${1 as any}`).toThrow(/not a fragment/);
    expect(() => sql`SELECT ${{ text: 'x', values: [] } as any}`).toThrow(/not a fragment/);
    expect(() => sql`SELECT ${undefined as any}`).toThrow(/not a fragment/);
  });

  it('binds a value as $n and leaves it out of the text', () => {
    const hostile = "'; DROP TABLE leads; --";
    const { text, values } = compile(sql`SELECT * FROM leads WHERE email = ${sql.value(hostile)}`);
    expect(text).toBe('SELECT * FROM leads WHERE email = $1');
    expect(values).toEqual([hostile]);
  });

  it('sql.join refuses non-fragments too', () => {
    expect(() => sql.join(['x' as unknown as SqlFragment])).toThrow(/not a fragment/);
  });
});

describe("the SQL backend's golden statements contain no literal from the rules", () => {
  const dir = path.join(ROOT, 'test', 'dsl', 'golden');
  const goldens = readdirSync(dir).filter((name) => name.endsWith('.sql'));

  it('has golden files to check', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(3);
  });

  it.each(goldens)('%s: every string in the source and every bound value appears only as a $n parameter', (name) => {
    const lines = readFileSync(path.join(dir, name), 'utf8').split('\n');
    const valuesLine = lines.find((line) => line.startsWith('-- values: '));
    expect(valuesLine).toBeDefined();
    const values = JSON.parse(valuesLine!.slice('-- values: '.length)) as unknown[];
    const source = lines.filter((line) => line.startsWith('-- ') && !line.startsWith('-- values: ')).map((line) => line.slice(3));
    const text = lines.filter((line) => !line.startsWith('--')).join('\n');
    expect(text).toMatch(/\$1\b/);
    // Every quoted string of the rule source (e.g. "/pricing", "@gmail.com") is bound, never in the text.
    const literals = source.flatMap((line) => [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]));
    expect(literals.length).toBeGreaterThan(0);
    for (const literal of literals) {
      expect(text.toLowerCase()).not.toContain(literal.toLowerCase());
    }
    // Every bound string value that is not a plain word (a word may be part of a column name) is absent from the text.
    for (const value of values.flat()) {
      if (typeof value === 'string' && value.length >= 4 && !/^[A-Za-z_]+$/.test(value)) expect(text).not.toContain(value);
    }
    // No quoted SQL string literal in the text other than fixed, short keywords of the backend.
    const quoted = [...text.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]);
    for (const q of quoted) expect(q).toMatch(/^[A-Za-z{}_ ]{0,16}$|^\[\]$/);
  });
});
