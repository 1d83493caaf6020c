// One shape for every problem the front end reports, syntax or checking,
// like graphql-js's GraphQLError: a stable code, a message a marketer can act
// on, and where it is. docs/dsl.md lists every code with an example.

import type { Range } from './ast';

export interface Diagnostic {
  /** Stable: clients may switch on it. One of DiagnosticCode. */
  readonly code: string;
  /** 'error' blocks publishing; 'warning' is legal but probably not what was meant. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** 1-based line and column of the first character. */
  readonly line: number;
  readonly column: number;
  /** 1-based line and column just after the last character. */
  readonly endLine: number;
  readonly endColumn: number;
}

export const DiagnosticCode = {
  // Reading the source
  SYNTAX: 'DSL_SYNTAX',
  UNTERMINATED_STRING: 'DSL_UNTERMINATED_STRING',
  INVALID_ESCAPE: 'DSL_INVALID_ESCAPE',
  SOURCE_TOO_LARGE: 'DSL_SOURCE_TOO_LARGE',
  TOO_MANY_RULES: 'DSL_TOO_MANY_RULES',
  TOO_DEEP: 'DSL_TOO_DEEP',
  TOO_MANY_ERRORS: 'DSL_TOO_MANY_ERRORS',
  // Names
  UNKNOWN_ATTRIBUTE: 'DSL_UNKNOWN_ATTRIBUTE',
  UNKNOWN_SELECTOR: 'DSL_UNKNOWN_SELECTOR',
  SELECTOR_ARGUMENTS: 'DSL_SELECTOR_ARGUMENTS',
  UNKNOWN_STAGE: 'DSL_UNKNOWN_STAGE',
  // Types and values
  TYPE_MISMATCH: 'DSL_TYPE_MISMATCH',
  MISSING_SIGN: 'DSL_MISSING_SIGN',
  DURATION_UNIT: 'DSL_DURATION_UNIT',
  INVALID_DURATION: 'DSL_INVALID_DURATION',
  NUMBER_OUT_OF_RANGE: 'DSL_NUMBER_OUT_OF_RANGE',
  TOO_MANY_ITEMS: 'DSL_TOO_MANY_ITEMS',
  // Clauses
  DECAY_ON_WHEN: 'DSL_DECAY_ON_WHEN',
  MAX_ON_WHEN: 'DSL_MAX_ON_WHEN',
  MISPLACED_WITHIN: 'DSL_MISPLACED_WITHIN',
  DUPLICATE_CLAUSE: 'DSL_DUPLICATE_CLAUSE',
  INVALID_MAX: 'DSL_INVALID_MAX',
  INVALID_DECAY: 'DSL_INVALID_DECAY',
  // Warnings
  EMPTY_LIST: 'DSL_EMPTY_LIST',
  ZERO_POINTS: 'DSL_ZERO_POINTS',
} as const;

export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

export function diagnostic(
  code: DiagnosticCode,
  message: string,
  range: Range,
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  return {
    code,
    severity,
    message,
    line: range.start.line,
    column: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Source order; stable for problems at the same place. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map(({ d }) => d);
}
