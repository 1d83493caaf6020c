import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateFile } from '../../src/cli/validateCommand';

const dir = mkdtempSync(path.join(tmpdir(), 'leadscore-validate-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('leadscore validate', () => {
  it('prints each problem with its source line and a caret under the columns, and exits 1', async () => {
    const rules = file('bad.rules', '+10 when visited("/pricing")\n+5 when employes > 50\n');
    const { exitCode, output } = await validateFile(rules, {});
    expect(exitCode).toBe(1);
    const lines = output.split('\n');
    const at = lines.findIndex((l) => l.includes(':2:9: error DSL_UNKNOWN_ATTRIBUTE'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at]).toContain('Did you mean "employees"?');
    expect(lines[at + 1]).toBe('  2 | +5 when employes > 50');
    // The caret starts under column 9 ("employes") and covers the name.
    const caretLine = lines[at + 2];
    const bar = caretLine.indexOf('| ') + 2;
    expect(caretLine.indexOf('^') - bar).toBe(8);
    expect(caretLine.slice(caretLine.indexOf('^')).trim()).toBe('^'.repeat('employes'.length));
    expect(output).toMatch(/1 error, 0 warnings/);
  });

  it('exits 0 on a valid source and checks qualify stages when given', async () => {
    const rules = file('good.rules', '+10 when visited("/pricing")\nqualify "SQL" when submitted("demo-request")\n');
    expect((await validateFile(rules, { stages: ['MQL', 'SQL'] })).exitCode).toBe(0);
    const wrongStage = await validateFile(rules, { stages: ['MQL'] });
    expect(wrongStage.exitCode).toBe(1);
    expect(wrongStage.output).toContain('DSL_UNKNOWN_STAGE');
  });
});
