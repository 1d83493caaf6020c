// Test helpers (graphql-js harness style): compile a source, look at what came out.

import { compileSource } from './compile';
import type { CheckOptions } from './check';
import type { Diagnostic } from './diagnostic';
import type { CheckedProgram, CheckedRule, Condition } from './program';

export type DiagnosticShape = Pick<Diagnostic, 'code' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>;

export function diagnosticsOf(source: string, options?: CheckOptions): DiagnosticShape[] {
  return compileSource(source, options).diagnostics.map(({ code, message, line, column, endLine, endColumn }) => ({
    code,
    message,
    line,
    column,
    endLine,
    endColumn,
  }));
}

/** `expectDiagnostics(src).toEqual([{ code, message, line, column, endLine, endColumn }])` */
export function expectDiagnostics(source: string, options?: CheckOptions) {
  return expect(diagnosticsOf(source, options));
}

/** The codes only, for tests about which problems are found rather than how they read. */
export function codesOf(source: string, options?: CheckOptions): string[] {
  return compileSource(source, options).diagnostics.map((d) => d.code);
}

export function expectValid(source: string, options?: CheckOptions): CheckedProgram {
  const result = compileSource(source, options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (result.program === null) throw new Error('no program');
  return result.program;
}

export function ruleOf(source: string): CheckedRule {
  const rules = expectValid(source).rules;
  expect(rules).toHaveLength(1);
  return rules[0];
}

export function conditionOf(condition: string): Condition {
  const rule = ruleOf(`+1 when ${condition}`);
  if (rule.kind !== 'when') throw new Error('not a when rule');
  return rule.condition;
}
