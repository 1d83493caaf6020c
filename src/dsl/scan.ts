// A cheap character scan of one line before the parser sees it. It catches
// what a PEG parser reports badly (an unterminated string, a bad escape) or
// dangerously (nesting deep enough to exhaust the stack), in linear time.

import type { Position, Range } from './ast';
import { DiagnosticCode, diagnostic, type Diagnostic } from './diagnostic';
import { MAX_DEPTH } from './limits';

/** Words after which `not` starts a negation (and nests), rather than `not in` / `is not set`. */
const NEGATION_CONTEXT = new Set(['', '(', 'when', 'and', 'or', 'not']);

const WORD = /[A-Za-z0-9_]/;

/**
 * Problems that make parsing `text` pointless or unsafe. `line` is 1-based,
 * `offset` is where the line starts in the source. Empty when the line may be parsed.
 */
export function scanLine(text: string, line: number, offset: number): Diagnostic[] {
  const at = (from: number, to: number): Range => ({ start: pos(from), end: pos(to) });
  const pos = (i: number): Position => ({ offset: offset + i, line, column: i + 1 });
  const problems: Diagnostic[] = [];

  let depth = 0; // open parentheses and brackets, plus active negations
  let negations = 0; // negations opened in the current parenthesis group
  const outer: number[] = []; // `negations` of the enclosing groups
  let previous = ''; // the previous token: a word, or a punctuation character

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') break;
    if (c === '"') {
      const end = scanString(text, i, (from) => {
        problems.push(
          diagnostic(
            DiagnosticCode.INVALID_ESCAPE,
            `Unknown escape "${text.slice(from, from + 2)}" in text: only \\" (a quote) and \\\\ (a backslash) may follow a backslash.`,
            at(from, Math.min(from + 2, text.length)),
          ),
        );
      });
      if (end === null) {
        problems.push(
          diagnostic(
            DiagnosticCode.UNTERMINATED_STRING,
            'This text has no closing double quote ("). Close it on the same line.',
            at(i, text.trimEnd().length),
          ),
        );
        return problems;
      }
      i = end;
      previous = '"';
      continue;
    }
    if (WORD.test(c)) {
      const start = i;
      while (i < text.length && WORD.test(text[i])) i++;
      const word = text.slice(start, i);
      if (word === 'and' || word === 'or') {
        depth -= negations;
        negations = 0;
      } else if (word === 'not' && NEGATION_CONTEXT.has(previous)) {
        depth++;
        negations++;
        if (depth > MAX_DEPTH) return [...problems, tooDeep(at(start, i))];
      }
      previous = word;
      continue;
    }
    // Brackets nest too: the grammar lets a list hold lists (the checker rejects them).
    if (c === '(' || c === '[') {
      depth++;
      outer.push(negations);
      negations = 0;
      if (depth > MAX_DEPTH) return [...problems, tooDeep(at(i, i + 1))];
    } else if (c === ')' || c === ']') {
      depth = Math.max(0, depth - negations - 1);
      negations = outer.pop() ?? 0;
    }
    if (c !== ' ' && c !== '\t') previous = c;
    i++;
  }
  return problems;
}

/** Index just after the closing quote of the string opening at `start`, or null when unterminated. */
function scanString(text: string, start: number, badEscape: (at: number) => void): number | null {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return i + 1;
    if (c === '\\') {
      const next = text[i + 1];
      if (next !== '"' && next !== '\\') badEscape(i);
      i += 2;
    } else {
      i++;
    }
  }
  return null;
}

function tooDeep(range: Range): Diagnostic {
  return diagnostic(
    DiagnosticCode.TOO_DEEP,
    `This condition nests parentheses and "not" more than ${MAX_DEPTH} deep. Simplify it or split it into several rules.`,
    range,
  );
}
