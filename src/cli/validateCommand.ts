// `leadscore validate RULES_FILE`: every diagnostic of a rule source, each
// with its source line and a caret under the columns it covers, like a
// compiler. Exit code 0 when the source has no error (warnings allowed), 1 otherwise.

import { readFile } from 'node:fs/promises';
import { compileSource, type Diagnostic } from '../dsl';

/**
 * The diagnostics as text:
 *   rules.txt:2:10: error DSL_UNKNOWN_SELECTOR: Unknown event "vistied". ...
 *      2 | +10 when vistied("/pricing")
 *        |          ^^^^^^^
 * Columns count UTF-16 code units, as the diagnostics do; tabs in the source
 * are kept in the padding so the caret lines up in a terminal.
 */
export function formatDiagnostics(fileName: string, source: string, diagnostics: readonly Diagnostic[]): string {
  const lines = source.split(/\r?\n/);
  const width = String(Math.max(1, ...diagnostics.map((d) => d.line))).length;
  return diagnostics
    .map((d) => {
      const text = lines[d.line - 1] ?? '';
      const start = Math.max(1, Math.min(d.column, text.length + 1));
      const end = d.endLine === d.line ? Math.max(start + 1, Math.min(d.endColumn, text.length + 1)) : text.length + 1;
      const pad = text.slice(0, start - 1).replace(/[^\t]/g, ' ');
      const gutter = ' '.repeat(width);
      return [
        `${fileName}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`,
        `  ${String(d.line).padStart(width)} | ${text}`,
        `  ${gutter} | ${pad}${'^'.repeat(Math.max(1, end - start))}`,
      ].join('\n');
    })
    .join('\n\n');
}

export interface ValidateOutcome {
  readonly exitCode: number;
  readonly output: string;
}

/** Checks the file's rules against the given stages (none: stage names are not checked against a model). */
export async function validateFile(file: string, options: { stages?: string[]; warningsAsErrors?: boolean }): Promise<ValidateOutcome> {
  const source = await readFile(file, 'utf8');
  const result = compileSource(source, { stages: options.stages });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const failed = errors > 0 || (options.warningsAsErrors === true && warnings > 0);
  const summary = result.diagnostics.length
    ? `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
    : `${file}: ${result.rules.length} rule${result.rules.length === 1 ? '' : 's'}, no problems`;
  const body = result.diagnostics.length ? `${formatDiagnostics(file, source, result.diagnostics)}\n\n` : '';
  return { exitCode: failed ? 1 : 0, output: `${body}${summary}\n` };
}
