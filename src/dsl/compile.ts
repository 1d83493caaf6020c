// parse + check in one call: what the API uses to validate and publish a source.

import { check, type CheckOptions, type CheckResult } from './check';
import { hasErrors, sortDiagnostics } from './diagnostic';
import { parsePartial } from './parse';

/**
 * Every problem of the source, syntax and checking, sorted by position; the
 * program only when there is no error. Checks run on the lines that parsed,
 * so one syntax error does not hide the other lines' problems. Never throws.
 */
export function compileSource(source: string, options?: CheckOptions): CheckResult {
  const parsed = parsePartial(source);
  if (parsed.ast === null) return { program: null, diagnostics: parsed.diagnostics, rules: [] };
  const checked = check(parsed.ast, options);
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]);
  return { program: hasErrors(diagnostics) ? null : checked.program, diagnostics, rules: checked.rules };
}
