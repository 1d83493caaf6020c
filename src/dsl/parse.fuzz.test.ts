// Property: whatever the source, parse + check returns diagnostics or a
// program, never throws, and finishes quickly.

import fc from 'fast-check';
import { compileSource } from './compile';
import { DiagnosticCode } from './diagnostic';
import { MAX_SOURCE_LENGTH } from './limits';

const VALID_LINES = [
  '+15 when employees >= 200',
  '+10 when industry in ["SaaS", "Fintech"]',
  '-30 when email ends_with "@gmail.com"',
  'fit +5 when title contains "director" or title contains "vp"',
  '+10 when visited("/pricing")',
  '+20 when submitted("demo-request") within 30d',
  '+2 per visited("/blog/*") within 30d max 20',
  '+3 per opened_email() max 15 decay 50% every 14d',
  '+5 when count(clicked_email("spring-launch")) >= 2',
  '-20 when inactive > 90d',
  'qualify "SQL" when submitted("demo-request")',
  'disqualify when email ends_with "@competitor.example"',
  'engagement +1.5 when not (attributes.plan = "pro" or event("webinar", topic = "x")) and title is not set # c',
  '# a comment',
  '',
];

const CODES = new Set<string>(Object.values(DiagnosticCode));
const PIECES = ['"', '(', ')', '[', ']', '#', '\\', ' ', '+', '-', '%', '.', ',', '=', '<', '>=', '!', 'not ', 'and ', 'or ', 'when ', 'per ', 'within ', '9'.repeat(30), 'd', '\n', '\r', '\u201c', 'Д', '😀', '\u0000'];

const validSource = fc.array(fc.constantFrom(...VALID_LINES), { maxLength: 20 }).map((lines) => lines.join('\n'));

/** Edits a source: truncation, replaced characters, inserted pieces. */
const mutatedSource = fc
  .tuple(
    validSource,
    fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...PIECES), fc.string({ maxLength: 5, unit: 'grapheme' })), { maxLength: 8 }),
    fc.option(fc.nat()),
  )
  .map(([source, edits, cut]) => {
    let s = source;
    for (const [at, mode, piece, random] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      if (mode === 0) s = s.slice(0, i) + piece + s.slice(i);
      else if (mode === 1) s = s.slice(0, i) + piece + s.slice(i + 1);
      else if (mode === 2) s = s.slice(0, i) + random + s.slice(i + 1);
      else s = s.slice(0, i) + piece.repeat(50) + s.slice(i);
    }
    return cut === null || s.length === 0 ? s : s.slice(0, cut % s.length);
  });

const stressSource = fc.oneof(
  fc.nat(20_000).map((n) => `+1 when ${'('.repeat(n)}title is set${')'.repeat(n)}`),
  fc.nat(20_000).map((n) => `+1 when ${'not '.repeat(n)}title is set`),
  fc.nat(20_000).map((n) => `+1 when title in ${'['.repeat(n)}`),
  fc.nat(2_000).map((n) => `+${'9'.repeat(n)} when employees > ${'1'.repeat(n)}.${'5'.repeat(n)}`),
  fc.nat(3_000).map((n) => `+1 when ${Array.from({ length: n }, () => 'title = "x"').join(' or ')}`),
  fc.constantFrom(`+1 when title = "${'x'.repeat(1_000_000)}"`, '#'.repeat(MAX_SOURCE_LENGTH), 'x\n'.repeat(40_000)),
);

function assertWellFormed(source: string): void {
  const started = performance.now();
  const result = compileSource(source);
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(2_000);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(result.program === null).toBe(errors.length > 0);
  for (const d of result.diagnostics) {
    expect(CODES.has(d.code)).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.endLine * 1e9 + d.endColumn).toBeGreaterThanOrEqual(d.line * 1e9 + d.column);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

describe('parse + check never throw and stay fast', () => {
  it('on valid and mutated sources', () => {
    fc.assert(fc.property(fc.oneof(validSource, mutatedSource, mutatedSource), assertWellFormed), { numRuns: 400 });
  });

  it('on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), assertWellFormed), { numRuns: 100 });
  });

  it('on huge numbers, deep nesting and very long lines', () => {
    fc.assert(fc.property(stressSource, assertWellFormed), { numRuns: 60 });
  });

  it('on the largest accepted source', () => {
    const line = '+2 per visited("/blog/*") within 30d max 20 decay 5% every 1w # ' + 'x'.repeat(20);
    const source = Array.from({ length: 1000 }, () => line).join('\n').slice(0, MAX_SOURCE_LENGTH);
    assertWellFormed(source);
  });
});
