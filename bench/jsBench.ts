// JS backend vs json-rules-engine on the same 20-rule model and the same leads
// (bench/dslModel.ts), per lead, with their results compared.

import { compileSource, planJs } from '../src/dsl';
import { jsonRulesEngine, makeLeads, MODEL_SOURCE, SETTINGS } from './dslModel';
import { round } from './benchSupport';

const ASOF = Date.UTC(2025, 5, 1);

/** Calls round() repeatedly for about forMs; returns microseconds per item. */
async function microsPerItem(items: number, forMs: number, pass: () => unknown): Promise<number> {
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < forMs) {
    await pass();
    done += items;
  }
  return ((performance.now() - start) * 1000) / done;
}

export async function measureJsVsJsonRulesEngine(): Promise<{ jsMicrosPerLead: number; jreMicrosPerLead: number; speedup: number; compared: number; differing: number }> {
  const program = compileSource(MODEL_SOURCE).program;
  if (program === null) throw new Error('the bench model does not compile');
  const score = planJs(program, SETTINGS);
  const jre = jsonRulesEngine();
  const leads = makeLeads(1000, 50, ASOF);
  let sink = 0;
  for (const l of leads) sink += score(l.lead, l.events, ASOF).total;
  const js = await microsPerItem(leads.length, 2000, () => {
    for (const l of leads) sink += score(l.lead, l.events, ASOF).total;
  });
  const sample = leads.slice(0, 200);
  let differing = 0;
  for (const l of sample) {
    const a = await jre({ lead: l.lead, events: l.events, asOf: ASOF });
    if (JSON.stringify(a) !== JSON.stringify(score(l.lead, l.events, ASOF))) differing++;
  }
  const slow = await microsPerItem(sample.length, 2000, async () => {
    for (const l of sample) sink += (await jre({ lead: l.lead, events: l.events, asOf: ASOF })).total;
  });
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  return { jsMicrosPerLead: round(js), jreMicrosPerLead: round(slow), speedup: round(slow / js, 1), compared: sample.length, differing };
}
