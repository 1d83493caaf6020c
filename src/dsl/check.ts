// Syntax tree -> diagnostics, rule summaries and, when there is no error, the
// CheckedProgram. Every check runs (checks/index.ts), so the author sees every
// problem at once.

import type { ProgramNode, StatementNode } from './ast';
import { specifiedRules, type ValidationContext } from './checks';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic';
import { inferDimension, lower } from './lower';
import type { CheckedProgram, Dimension } from './program';
import { visit } from './visit';

export interface CheckOptions {
  /** The model's threshold stages; when given, `qualify "X"` must name one of them. */
  readonly stages?: readonly string[];
}

/** One statement as the editor lists it, whether or not it has errors. */
export interface RuleSummary {
  readonly line: number;
  /** Trimmed source text without the trailing comment. */
  readonly text: string;
  readonly kind: 'when' | 'per' | 'qualify' | 'disqualify';
  /** Explicit or inferred; null for qualify and disqualify. */
  readonly dimension: Dimension | null;
}

export interface CheckResult {
  /** Null when any diagnostic is an error. */
  readonly program: CheckedProgram | null;
  /** Sorted by position. */
  readonly diagnostics: Diagnostic[];
  readonly rules: RuleSummary[];
}

export function check(ast: ProgramNode, options: CheckOptions = {}): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const context: ValidationContext = {
    stages: options.stages ?? null,
    report(code, message, at, severity = 'error') {
      diagnostics.push(diagnostic(code, message, at.range, severity));
    },
  };
  for (const rule of specifiedRules) visit(ast, rule(context));
  const sorted = sortDiagnostics(diagnostics);
  return {
    program: hasErrors(sorted) ? null : lower(ast),
    diagnostics: sorted,
    rules: ast.statements.map(summarize),
  };
}

export function summarize(statement: StatementNode): RuleSummary {
  const base = { line: statement.range.start.line, text: statement.text };
  switch (statement.kind) {
    case 'WhenRule':
      return { ...base, kind: 'when', dimension: inferDimension(statement) };
    case 'PerRule':
      return { ...base, kind: 'per', dimension: inferDimension(statement) };
    case 'QualifyRule':
      return { ...base, kind: 'qualify', dimension: null };
    case 'DisqualifyRule':
      return { ...base, kind: 'disqualify', dimension: null };
    default: {
      const _exhaustive: never = statement;
      return _exhaustive;
    }
  }
}
