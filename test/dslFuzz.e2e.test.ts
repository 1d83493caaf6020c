// Fuzzing the rule language through the API: more than 10,000 random and
// mutated rule sources (mutations of the docs/dsl.md examples: characters
// inserted, deleted and replaced, truncation, duplicated lines, deep
// parentheses, huge numbers, random Unicode, long lines; and random strings
// and token soups) go through `validateRules`, 30 per request as aliases, and
// a few hundred through `saveDraft`, one per request. Every response must be
// diagnostics or success: never INTERNAL_ERROR, never a missing answer. The
// slowest request is reported; a 5 s bound per request is only a safety net.
//
// DSL_FUZZ_SEED=<n> replays a run; DSL_FUZZ_SOURCES=<n> sends more.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { startTestServer, type TestServer } from './support/testServer';

const SEED = Number(process.env.DSL_FUZZ_SEED ?? 20_251_120);
const VALIDATE_SOURCES = Math.max(10_020, Number(process.env.DSL_FUZZ_SOURCES ?? 10_020));
const SAVE_DRAFTS = 300;
/** The alias limit of a document (src/graphql/limits.ts). */
const PER_REQUEST = 30;
/** Safety net only: the slowest request seen is reported, and must stay under this. */
const REQUEST_BOUND_MS = 5_000;
/** Longest source sent (the DSL's limit is 100,000). */
const MAX_SOURCE_CHARS = 101_000;
/** Largest request body sent: the server takes 5 MB. */
const MAX_BODY_BYTES = 4_000_000;
/**
 * Deepest nested list generated. Parsing was once exponential in it (grammar/rules.peggy, List):
 * 25 levels took ~15 s, over the time bound, while 32 (the depth limit) would block the process for hours.
 */
const BRACKETS = 25;

const DOCS = readFileSync(path.join(__dirname, '..', 'docs', 'dsl.md'), 'utf8');

/** Every ```rules block of docs/dsl.md, whole, and every non-blank line of them. */
const EXAMPLES: readonly string[] = (() => {
  const blocks = [...DOCS.matchAll(/```rules\n([\s\S]*?)```/g)].map((m) => m[1].trimEnd());
  const lines = blocks.flatMap((b) => b.split('\n')).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return [...blocks, ...lines, blocks.join('\n')];
})();

/** Every diagnostic code the reference documents. */
const DOCUMENTED_CODES: ReadonlySet<string> = new Set([...DOCS.matchAll(/^\| `(DSL_[A-Z_]+)` \|/gm)].map((m) => m[1]));

const TOKENS = [
  '+', '-', '+10', '-20', '5', '0', '2.5', '1e9', 'when', 'per', 'within', 'max', 'decay', 'every', 'and', 'or', 'not', 'in', 'is', 'set',
  'count', 'inactive', 'qualify', 'disqualify', 'contains', 'starts_with', 'ends_with', 'fit', 'engagement', '(', ')', '[', ']', ',', '=',
  '!=', '<', '<=', '>', '>=', '%', '30d', '12h', '2w', '90', '"SQL"', '"MQL"', '"/pricing"', '"', '\\', '#', 'visited("/a")',
  'submitted("demo-request")', 'opened_email()', 'clicked_email("x")', 'event("t", k = "v")', 'employees', 'title', 'email',
  'attributes.plan', 'created_at', 'annual_revenue', 'WHEN', '\n', '\r\n', '\r', '\t', ' ',
];
const HUGE_NUMBERS = [
  '1e400', '-1e400', '1e-400', '99999999999999999999999999999', '1000000001', '-0', '0.0000000000000000001', 'NaN', 'Infinity', '0x10',
  '1_000', '١٢٣', '1.', '.5', '00000000000000000000001', '9'.repeat(400), '1e', '2147483648', '-2147483649',
];

// ---------------------------------------------------------------- generators

/** Characters: mostly ASCII, some DSL punctuation, any Unicode (lone surrogates and NUL too, unless `wellFormed`). */
function chars(wellFormed: boolean, maxLength: number): fc.Arbitrary<string> {
  const any = wellFormed
    ? fc.string({ unit: 'grapheme', maxLength }).map((s) => s.replace(/\0/g, ''))
    : fc.string({ unit: 'binary', maxLength });
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom('"', '\\', '(', ')', '[', ']', '#', '%', '\n', '\r', ' ', ',', '=', '.', '*'), { maxLength }).map((a) => a.join('')) },
    { weight: 2, arbitrary: any },
  );
}

type Mutation = (s: string) => string;

const at = (s: string, p: number) => p % (s.length + 1);

function mutations(wellFormed: boolean): fc.Arbitrary<Mutation> {
  return fc.oneof(
    // insert characters
    fc.tuple(fc.nat(), chars(wellFormed, 6)).map(([p, ins]): Mutation => (s) => s.slice(0, at(s, p)) + ins + s.slice(at(s, p))),
    // delete a range
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 })).map(([p, n]): Mutation => (s) => s.slice(0, at(s, p)) + s.slice(at(s, p) + n)),
    // replace one character
    fc.tuple(fc.nat(), chars(wellFormed, 1)).map(([p, c]): Mutation => (s) => s.slice(0, at(s, p)) + c + s.slice(at(s, p) + 1)),
    // truncate
    fc.nat().map((p): Mutation => (s) => s.slice(0, at(s, p))),
    // duplicate a line, up to 1,200 times (crosses the 1,000-rule limit)
    fc.tuple(fc.nat(), fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min: 990, max: 1200 }) })).map(([i, times]): Mutation => (s) => {
      const lines = s.split('\n');
      const k = i % lines.length;
      return [...lines.slice(0, k + 1), ...Array<string>(times).fill(lines[k]), ...lines.slice(k + 1)].join('\n');
    }),
    // deep parentheses, brackets or `not`, closed or not
    fc
      .tuple(fc.nat(), fc.oneof(fc.integer({ min: 28, max: 40 }), fc.integer({ min: 1, max: 5000 })), fc.constantFrom('(', '[', '[1, ', 'not ', '( not '), fc.boolean())
      .map(([p, depth, open, closed]): Mutation => (s) => {
        const close = open.startsWith('[') ? ']' : open === 'not ' ? '' : ')';
        // Lists at most 25 deep (see BRACKETS): should nested lists turn exponential again, the run fails on the time bound instead of hanging.
        const n = open.startsWith('[') ? Math.min(depth, BRACKETS) : depth;
        const nest = open.repeat(n) + (closed ? `title is set${close.repeat(n)}` : '');
        return s.slice(0, at(s, p)) + nest + s.slice(at(s, p));
      }),
    // a huge or odd number in place of one
    fc.tuple(fc.nat(), fc.constantFrom(...HUGE_NUMBERS)).map(([i, n]): Mutation => (s) => {
      const numbers = [...s.matchAll(/\d+(\.\d+)?/g)];
      if (!numbers.length) return `${s} ${n}`;
      const m = numbers[i % numbers.length];
      return s.slice(0, m.index) + n + s.slice(m.index! + m[0].length);
    }),
    // random Unicode
    fc.tuple(fc.nat(), wellFormed ? fc.string({ unit: 'grapheme', maxLength: 20 }).map((x) => x.replace(/\0/g, '')) : fc.string({ unit: 'binary', maxLength: 20 })).map(
      ([p, u]): Mutation => (s) => s.slice(0, at(s, p)) + u + s.slice(at(s, p)),
    ),
    // a long line
    fc.tuple(fc.constantFrom(' or title contains "x"', ' and employees > 1', 'a', '"', '#', ' ', '(title is set) or '), fc.oneof(fc.integer({ min: 50, max: 300 }), fc.integer({ min: 300, max: 4000 }))).map(
      ([piece, times]): Mutation => (s) => `${s}${piece.repeat(times)}`,
    ),
    // a token in place of a word
    fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([i, tok]): Mutation => (s) => {
      const words = [...s.matchAll(/[A-Za-z_]+|\S/g)];
      if (!words.length) return tok;
      const m = words[i % words.length];
      return s.slice(0, m.index) + tok + s.slice(m.index! + m[0].length);
    }),
    // line endings swapped
    fc.constantFrom('\r\n', '\r', '\n\n', '\u2028').map((eol): Mutation => (s) => s.replace(/\n/g, eol)),
  );
}

/** Rule sources: mostly mutated examples, some random text, token soups and sizes around the limits. */
function sources(wellFormed: boolean): fc.Arbitrary<string> {
  const example = fc.constantFrom(...EXAMPLES);
  // At most a little over the 100,000-character limit: longer adds nothing but bytes.
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(example, fc.array(mutations(wellFormed), { minLength: 1, maxLength: 4 })).map(([s, ms]) => ms.reduce((acc, m) => m(acc), s)) },
    { weight: 2, arbitrary: example },
    { weight: 2, arbitrary: chars(wellFormed, 200) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(' ')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '#'.repeat(100_001),
        '#'.repeat(100_000),
        '+1 when title is set\n'.repeat(1001),
        'x\n'.repeat(150),
        `+1 when employees in [${'1, '.repeat(1001)}1]`,
        `+1 when ${'('.repeat(33)}title is set${')'.repeat(33)}`,
        `+1 when ${'not '.repeat(5000)}title is set`,
        // Nested lists: the list rule once backtracked in 2^depth steps (25 deep: ~15 s; 28: minutes).
        `+1 when title = ${'['.repeat(BRACKETS)}`,
        `+1 when industry in ${'['.repeat(BRACKETS)}"x"${']'.repeat(BRACKETS)}`,
        `+1 when visited(${'['.repeat(BRACKETS)}`,
        '"'.repeat(50_000),
        '',
        '\n'.repeat(5000),
      ),
    },
  ).map((source) => source.slice(0, MAX_SOURCE_CHARS));
}

// ---------------------------------------------------------------- the run

interface Diagnostic {
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
}

const DIAGNOSTIC_FIELDS = 'code message line column endLine endColumn severity';

/** A diagnostic's fields in one order, to compare the two shapes (GraphQL type, error extensions). */
const normalize = (d: Diagnostic) => [d.code, d.message, d.line, d.column, d.endLine, d.endColumn, d.severity];

/** Checks one validateRules answer; returns a problem or null. */
function problemWith(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return `no answer: ${JSON.stringify(answer)}`;
  const { valid, diagnostics } = answer as { valid: unknown; diagnostics: Diagnostic[] };
  if (typeof valid !== 'boolean' || !Array.isArray(diagnostics)) return `malformed answer: ${JSON.stringify(answer).slice(0, 200)}`;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (valid === (errors.length > 0)) return `valid is ${valid} with ${errors.length} error diagnostics`;
  for (const d of diagnostics) {
    if (!DOCUMENTED_CODES.has(d.code)) return `undocumented diagnostic code ${d.code}`;
    if (d.severity !== 'error' && d.severity !== 'warning') return `severity ${d.severity}`;
    if (!(d.line >= 1 && d.column >= 1 && (d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)))) {
      return `bad range ${JSON.stringify(d)}`;
    }
    if (!d.message) return `empty message for ${d.code}`;
  }
  return null;
}

const show = (source: string) => JSON.stringify(source.length > 300 ? `${source.slice(0, 300)}…(${source.length} chars)` : source);

describe(`rule sources fuzzed through the API (seed ${SEED})`, () => {
  let t: TestServer;
  const timings = { validate: { requests: 0, sources: 0, maxMs: 0 }, save: { requests: 0, maxMs: 0 } };

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(
      `DSL fuzz (seed ${SEED}): validateRules ${timings.validate.sources} sources in ${timings.validate.requests} requests, slowest ${timings.validate.maxMs} ms; ` +
        `saveDraft ${timings.save.requests} requests, slowest ${timings.save.maxMs} ms`,
    );
    await t?.close();
  });

  it('validateRules answers every source with diagnostics or success', async () => {
    const all = fc.sample(sources(false), { numRuns: VALIDATE_SOURCES, seed: SEED });
    expect(new Set(all).size).toBeGreaterThan(VALIDATE_SOURCES / 2);
    const variables = Array.from({ length: PER_REQUEST }, (_, i) => `$s${i}: String!`).join(', ');
    const fields = Array.from({ length: PER_REQUEST }, (_, i) => `r${i}: validateRules(source: $s${i}) { valid diagnostics { ${DIAGNOSTIC_FIELDS} } }`).join('\n');
    const document = `query Fuzz(${variables}) {\n${fields}\n}`;
    const failures: string[] = [];
    const codesSeen = new Set<string>();
    for (let start = 0, taken = 0; start < all.length && failures.length < 10; start += taken) {
      // Up to 30 sources, fewer when they are big (the body stays under 5 MB); the other aliases get short examples.
      let bytes = 0;
      taken = 0;
      while (taken < PER_REQUEST && start + taken < all.length) {
        const size = JSON.stringify(all[start + taken]).length;
        if (taken > 0 && bytes + size > MAX_BODY_BYTES) break;
        bytes += size;
        taken++;
      }
      const batch = Array.from({ length: PER_REQUEST }, (_, i) => (i < taken ? all[start + i] : EXAMPLES[i % EXAMPLES.length]));
      const started = performance.now();
      const result = await t.gql(document, Object.fromEntries(batch.map((s, i) => [`s${i}`, s])));
      const ms = Math.round(performance.now() - started);
      timings.validate.requests++;
      timings.validate.sources += taken;
      timings.validate.maxMs = Math.max(timings.validate.maxMs, ms);
      if (ms > REQUEST_BOUND_MS) failures.push(`request at ${start} took ${ms} ms`);
      if (result.errors?.length) {
        failures.push(`request at ${start}: ${JSON.stringify(result.errors.map((e) => [e.extensions?.code, e.path, e.message])).slice(0, 500)}`);
        for (const e of result.errors) {
          const alias = e.path?.[0];
          if (typeof alias === 'string' && alias.startsWith('r')) failures.push(`  source: ${show(batch[Number(alias.slice(1))])}`);
        }
        continue;
      }
      batch.forEach((source, i) => {
        const answer = result.data?.[`r${i}`];
        const problem = problemWith(answer);
        if (problem) failures.push(`${problem} for ${show(source)}`);
        for (const d of (answer?.diagnostics ?? []) as Diagnostic[]) codesSeen.add(d.code);
      });
    }
    expect(failures).toEqual([]);
    expect(timings.validate.sources).toBeGreaterThanOrEqual(10_000);
    // The generators reach the limits and the common errors, not only one kind of failure.
    for (const code of ['DSL_SYNTAX', 'DSL_SOURCE_TOO_LARGE', 'DSL_TOO_MANY_RULES', 'DSL_TOO_DEEP', 'DSL_TOO_MANY_ERRORS', 'DSL_NUMBER_OUT_OF_RANGE', 'DSL_UNKNOWN_ATTRIBUTE']) {
      expect({ code, seen: codesSeen.has(code) }).toEqual({ code, seen: true });
    }
  });

  it('saveDraft stores a valid source and refuses an invalid one with RULES_INVALID and its diagnostics, keeping the draft', async () => {
    const initial = '+15 when employees >= 200\nqualify "SQL" when submitted("demo-request")';
    const { createScoringModel } = await t.data(
      `mutation($s: String!) { createScoringModel(input: {name: "Fuzzed", source: $s, thresholds: [{stage: "MQL", minScore: 40}, {stage: "SQL", minScore: 70}]}) { id draft { version } } }`,
      { s: initial },
    );
    const modelId: string = createScoringModel.id;
    const draftVersion: number = createScoringModel.draft.version;
    // Well-formed text only: NUL and lone surrogates cannot be stored as Postgres text (see test/hostile.e2e.test.ts).
    const all = fc.sample(sources(true), { numRuns: SAVE_DRAFTS, seed: SEED + 1 }).filter((s) => s.length < 150_000);
    let expected = initial;
    let saved = 0;
    let refused = 0;
    const failures: string[] = [];
    const draftNow = async () =>
      (await t.data(`query($id: ID!) { scoringModel(id: $id) { draft { version source } versions { version } published { version } } }`, { id: modelId }))
        .scoringModel;
    for (const [n, source] of all.entries()) {
      if (failures.length >= 10) break;
      const started = performance.now();
      const result = await t.gql(`mutation($id: ID!, $s: String!) { saveDraft(modelId: $id, source: $s) { version source } }`, { id: modelId, s: source });
      const ms = Math.round(performance.now() - started);
      timings.save.requests++;
      timings.save.maxMs = Math.max(timings.save.maxMs, ms);
      if (ms > REQUEST_BOUND_MS) failures.push(`saveDraft ${n} took ${ms} ms`);
      // The same source checked against the model: saveDraft must agree with it, diagnostic for diagnostic.
      const check = await t.gql(`query($id: ID, $s: String!) { validateRules(modelId: $id, source: $s) { valid diagnostics { ${DIAGNOSTIC_FIELDS} } } }`, {
        id: modelId,
        s: source,
      });
      const validation = check.data?.validateRules as { valid: boolean; diagnostics: Diagnostic[] } | undefined;
      if (!validation) {
        failures.push(`validateRules(modelId) failed: ${JSON.stringify(check.errors)} for ${show(source)}`);
        continue;
      }
      if (result.errors?.length) {
        const [error] = result.errors;
        const diagnostics = error.extensions?.diagnostics as Diagnostic[] | undefined;
        if (error.extensions?.code !== 'RULES_INVALID') {
          failures.push(`saveDraft ${n}: ${error.extensions?.code} ${error.message.slice(0, 200)} for ${show(source)}`);
        } else if (!Array.isArray(diagnostics) || !diagnostics.some((d) => d.severity === 'error')) {
          failures.push(`saveDraft ${n}: RULES_INVALID without error diagnostics for ${show(source)}`);
        } else if (validation.valid || JSON.stringify(diagnostics.map(normalize)) !== JSON.stringify(validation.diagnostics.map(normalize))) {
          failures.push(`saveDraft ${n}: diagnostics differ from validateRules for ${show(source)}`);
        }
        refused++;
      } else {
        if (result.data?.saveDraft?.source !== source || result.data.saveDraft.version !== draftVersion) {
          failures.push(`saveDraft ${n}: answered ${JSON.stringify(result.data).slice(0, 200)} for ${show(source)}`);
        }
        if (!validation.valid) failures.push(`saveDraft ${n} stored a source validateRules calls invalid: ${show(source)}`);
        expected = source;
        saved++;
      }
      if (n % 50 === 0) {
        const model = await draftNow();
        if (model.draft.source !== expected) failures.push(`after saveDraft ${n} the draft is not the last valid source`);
      }
    }
    expect(failures).toEqual([]);
    expect(timings.save.requests).toBeGreaterThanOrEqual(SAVE_DRAFTS - 5);
    // Both outcomes were exercised, many times.
    expect(saved).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(100);
    // The draft is the last valid source; refused sources changed nothing; nothing was published.
    const model = await draftNow();
    expect(model).toEqual({ draft: { version: draftVersion, source: expected }, versions: [{ version: draftVersion }], published: null });
  });
});
