// Source text -> syntax tree. Never throws: every problem is a Diagnostic.
//
// Statements are one per line, so the source is parsed line by line: a syntax
// error on one line does not hide those on the others, and each line is
// pre-scanned (scan.ts) so the recursive-descent parser only sees lines whose
// nesting is within MAX_DEPTH.

import type { Position, ProgramNode, StatementNode } from './ast';
import { DiagnosticCode, diagnostic, hasErrors, type Diagnostic } from './diagnostic';
import * as generated from './generated/parser';
import { MAX_RULES, MAX_SOURCE_LENGTH, MAX_SYNTAX_ERRORS } from './limits';
import { scanLine } from './scan';
import { foundToken, syntaxMessage } from './syntaxMessage';

export interface ParseResult {
  /** Null when the source has any error. */
  readonly ast: ProgramNode | null;
  readonly diagnostics: Diagnostic[];
}

export function parse(source: string): ParseResult {
  const result = parsePartial(source);
  return hasErrors(result.diagnostics) ? { ast: null, diagnostics: result.diagnostics } : result;
}

/**
 * Like parse, but the tree holds every statement that could be read even when
 * other lines have errors, so the checker can report their problems too.
 * A tree from a source with errors must never be compiled: compileSource
 * returns no program when the diagnostics hold an error. The tree is null
 * only when the source is too large to read at all.
 */
export function parsePartial(source: string): ParseResult {
  const start: Position = { offset: 0, line: 1, column: 1 };
  if (source.length > MAX_SOURCE_LENGTH) {
    const message = `The source is ${source.length.toLocaleString('en-US')} characters long; the limit is ${MAX_SOURCE_LENGTH.toLocaleString('en-US')}.`;
    return {
      ast: null,
      diagnostics: [diagnostic(DiagnosticCode.SOURCE_TOO_LARGE, message, { start, end: start })],
    };
  }

  const statements: StatementNode[] = [];
  const diagnostics: Diagnostic[] = [];
  let badLines = 0;
  let line = 1;
  let offset = 0;
  let last: Position = start;
  for (const match of source.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    const text = match[1];
    const here = { start: { offset, line, column: 1 }, end: { offset: offset + text.length, line, column: text.length + 1 } };
    // Both stops keep the work bounded whatever the source.
    if (badLines === MAX_SYNTAX_ERRORS && source.slice(offset).trim() !== '') {
      const message = `Reading stopped here after ${MAX_SYNTAX_ERRORS} lines with errors; fix those first.`;
      diagnostics.push(diagnostic(DiagnosticCode.TOO_MANY_ERRORS, message, here));
      break;
    }
    const result = parseLine(text, line, offset);
    if (result.statement && statements.length === MAX_RULES) {
      const message = `A model can have at most ${MAX_RULES} rules; this is rule ${MAX_RULES + 1}.`;
      diagnostics.push(diagnostic(DiagnosticCode.TOO_MANY_RULES, message, result.statement.range));
      break;
    }
    if (result.statement) statements.push(result.statement);
    if (hasErrors(result.diagnostics)) badLines++;
    diagnostics.push(...result.diagnostics);
    last = here.end;
    if (match[2] === '') break;
    offset += text.length + match[2].length;
    line++;
  }

  return { ast: { kind: 'Program', statements, range: { start, end: last } }, diagnostics };
}

function parseLine(
  text: string,
  line: number,
  offset: number,
): { statement: StatementNode | null; diagnostics: Diagnostic[] } {
  if (/^[\s\ufeff]*(#.*)?$/.test(text)) return { statement: null, diagnostics: [] };
  const problems = scanLine(text, line, offset);
  if (problems.length > 0) return { statement: null, diagnostics: problems };
  try {
    // The grammar's contract: the Line rule returns a StatementNode or null (see rules.peggy).
    const statement = generated.parse(text, { line, offset }) as StatementNode | null;
    return { statement, diagnostics: [] };
  } catch (error) {
    return { statement: null, diagnostics: [syntaxDiagnostic(error, text, line, offset)] };
  }
}

function syntaxDiagnostic(error: unknown, text: string, line: number, offset: number): Diagnostic {
  // Anything but the parser's own SyntaxError is a bug; it still becomes a
  // diagnostic on its line rather than escaping, since parse never throws.
  const index = error instanceof generated.SyntaxError ? error.location.start.offset : 0;
  const expected = error instanceof generated.SyntaxError ? error.expected : [];
  const found = foundToken(text, index);
  const range = {
    start: { offset: offset + index, line, column: index + 1 },
    end: { offset: offset + index + found.length, line, column: index + found.length + 1 },
  };
  const message =
    error instanceof generated.SyntaxError ? syntaxMessage(expected, text, index) : 'This line could not be read.';
  return diagnostic(DiagnosticCode.SYNTAX, message, range);
}
