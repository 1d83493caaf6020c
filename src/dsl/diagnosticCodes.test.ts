// docs/dsl.md is the marketers' reference: its table of diagnostic codes must
// list every code, each with an example that really produces it, and its
// `rules` code blocks must be valid.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileSource } from './compile';
import { DiagnosticCode } from './diagnostic';

const DOC = readFileSync(path.join(__dirname, '../../docs/dsl.md'), 'utf8');
const STAGES = ['MQL', 'SQL'];

interface Row {
  code: string;
  severity: string;
  example: string;
}

/** Example cells: `text` segments, each optionally followed by ×N; `\n` in a segment is a line break. */
function exampleSource(cell: string): string {
  let source = '';
  for (const [, text, times] of cell.matchAll(/`([^`]*)`(?:\s*×\s*(\d+))?/g)) {
    source += text.replace(/\\n/g, '\n').repeat(times ? Number(times) : 1);
  }
  return source;
}

function table(): Row[] {
  const section = DOC.slice(DOC.indexOf('## Errors and warnings'));
  return section
    .split('\n')
    .filter((line) => /^\| `DSL_/.test(line))
    .map((line) => {
      const cells = line.split(' | ');
      return { code: cells[0].replace(/^\| `|`$/g, ''), severity: cells[1], example: exampleSource(cells[2]) };
    });
}

describe('docs/dsl.md, table of diagnostic codes', () => {
  const rows = table();

  it('lists every code once', () => {
    expect(rows.map((r) => r.code).sort()).toEqual(Object.values(DiagnosticCode).sort());
  });

  it.each(rows.map((r) => [r.code, r] as const))('%s: the example produces it', (code, row) => {
    const result = compileSource(row.example, { stages: STAGES });
    const found = result.diagnostics.filter((d) => d.code === code);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].severity).toBe(row.severity);
  });
});

describe('docs/dsl.md, rules examples', () => {
  const blocks = [...DOC.matchAll(/```rules\n([\s\S]*?)```/g)].map((m) => m[1]);

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it.each(blocks.map((block, i) => [i + 1, block] as const))('block %i checks with no diagnostic', (_, block) => {
    expect(compileSource(block, { stages: STAGES }).diagnostics).toEqual([]);
  });
});
