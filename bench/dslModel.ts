// The benchmark model: 20 rules in the rule language, the same model written
// for json-rules-engine, and random leads with their events.

import { Engine, type RuleProperties } from 'json-rules-engine';
import type { EventFacts, LeadFacts, ModelSettings, ScoreResult, Contribution, Dimension } from '../src/dsl';
import { DEFAULT_GRADE_BANDS, DISQUALIFIED_STAGE } from '../src/dsl';
import { compileGlob, globMatches } from '../src/dsl/glob';
import { gradeCutoffs, gradeOf, planStages, round2, thresholdLevel, totalOf } from '../src/dsl/score';

const H = 3_600_000;
const D = 24 * H;

export const MODEL_SOURCE = `+15 when employees >= 200
+10 when industry in ["SaaS", "Fintech"]
-30 when email ends_with "@gmail.com"
fit +5 when title contains "director" or title contains "vp"
+5 when country in ["US", "CA", "GB"]
+3 when attributes.plan = "enterprise"
+4 when annual_revenue > 1000000
-10 when company is not set
+2 when source = "webinar"
+10 when visited("/pricing")
+20 when submitted("demo-request") within 30d
+2 per visited("/blog/*") within 30d max 20
+3 per opened_email() max 15 decay 50% every 14d
+5 when count(clicked_email("spring-launch")) >= 2
-20 when inactive > 90d
+1 per clicked_email() within 7d max 5
+8 when event("webinar", topic = "pricing") within 60d
+4 when count(visited("*")) >= 10
qualify "SQL" when submitted("demo-request")
disqualify when email ends_with "@competitor.example"`;

export const SETTINGS: ModelSettings = {
  minScore: 0,
  maxScore: 100,
  thresholds: [
    { stage: 'MQL', minScore: 30, minFit: null, position: 1 },
    { stage: 'SQL', minScore: 60, minFit: 20, position: 2 },
  ],
  gradeBands: DEFAULT_GRADE_BANDS,
};

/** 200 rules: the model ten times with other literals (the front end and the backends see 200 distinct rules). */
export function bigSource(): string {
  const lines: string[] = [];
  for (let i = 0; i < 10; i++) {
    for (const line of MODEL_SOURCE.split('\n')) {
      lines.push(line.replace(/"([^"]*)"/g, (_m, s: string) => `"${s}${i === 0 ? '' : i}"`).replace(/ (\d+)d/g, (_m, n: string) => ` ${Number(n) + i}d`));
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- data

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function makeLeads(count: number, eventsPerLead: number, asOf: number): { lead: LeadFacts; events: EventFacts[] }[] {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const leads: { lead: LeadFacts; events: EventFacts[] }[] = [];
  for (let i = 0; i < count; i++) {
    const lead: LeadFacts = {
      email: pick([`u${i}@gmail.com`, `u${i}@acme.com`, `u${i}@competitor.example`, null]),
      first_name: pick(['Ann', 'Иван', null]),
      last_name: pick(['Lee', 'Σμιθ', null]),
      title: pick(['Director of Sales', 'VP Marketing', 'Engineer', 'директор', null]),
      company: pick(['Acme', 'Globex', null]),
      industry: pick(['saas', 'Fintech', 'Retail', null]),
      country: pick(['us', 'DE', 'gb', null]),
      source: pick(['Webinar', 'ads', null]),
      employees: pick([10, 250, 5000, null]),
      annual_revenue: pick([5e5, 2e6, null]),
      created_at: asOf - Math.floor(r() * 400 * D),
      attributes: pick([{ plan: 'Enterprise' }, { plan: 'free', seats: 3 }, {}]),
    };
    const events: EventFacts[] = [];
    for (let j = 0; j < eventsPerLead; j++) {
      const type = pick(['page_view', 'page_view', 'page_view', 'email_open', 'email_click', 'form_submit', 'webinar']);
      const properties: Record<string, string> =
        type === 'page_view'
          ? { path: pick(['/pricing', '/blog/a', '/blog/b/c', '/docs', '/']) }
          : type === 'form_submit'
            ? { form: pick(['demo-request', 'newsletter']) }
            : type === 'webinar'
              ? { topic: pick(['pricing', 'product']) }
              : { campaign: pick(['spring-launch', 'weekly']) };
      events.push({ type, occurredAt: asOf - Math.floor(r() * 120 * D), properties });
    }
    leads.push({ lead, events });
  }
  return leads;
}

// ---------------------------------------------------------------- json-rules-engine

interface EventQuery {
  type: string;
  props?: Record<string, string>;
  glob?: { key: string; pattern: string };
  withinMs?: number;
}

interface PerParams extends EventQuery {
  points: number;
  max?: number;
  decay?: { percent: number; everyMs: number };
}

interface Facts {
  lead: LeadFacts;
  events: readonly EventFacts[];
  asOf: number;
}

function matching(facts: Facts, q: EventQuery): EventFacts[] {
  const glob = q.glob ? compileGlob(q.glob.pattern) : null;
  return facts.events.filter((e) => {
    if (e.occurredAt > facts.asOf || e.type !== q.type) return false;
    if (q.withinMs !== undefined && !(e.occurredAt > facts.asOf - q.withinMs)) return false;
    for (const [k, v] of Object.entries(q.props ?? {})) if (e.properties[k] !== v) return false;
    if (q.glob && glob) {
      const v = e.properties[q.glob.key];
      if (typeof v !== 'string' || !globMatches(glob, v)) return false;
    }
    return true;
  });
}

const lower = (v: unknown): string | null => (typeof v === 'string' ? v.toLowerCase() : null);

type Rule = RuleProperties & { event: { type: string; params: { line: number; text: string; dimension?: Dimension; points?: number; per?: PerParams; stage?: string } } };

function pointRule(line: number, dimension: Dimension, points: number, conditions: RuleProperties['conditions']): Rule {
  const text = MODEL_SOURCE.split('\n')[line - 1];
  return { conditions, event: { type: 'points', params: { line, text, dimension, points } } };
}

function perRule(line: number, per: PerParams): Rule {
  const text = MODEL_SOURCE.split('\n')[line - 1];
  return {
    conditions: { all: [{ fact: 'perPoints', params: per, operator: 'notEqual', value: 0 }] },
    event: { type: 'points', params: { line, text, dimension: 'engagement', per } },
  };
}

const lead = (path: string, operator: string, value: unknown) => ({ fact: 'lead', path: `$.${path}`, operator, value });

/** The MODEL_SOURCE model written for json-rules-engine: facts, custom operators, rules. */
export function jsonRulesEngine(): (facts: Facts) => Promise<ScoreResult> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('ciEqual', (a: unknown, b: string) => lower(a) === b.toLowerCase());
  engine.addOperator('ciIn', (a: unknown, b: string[]) => {
    const v = lower(a);
    return v !== null && b.some((x) => x.toLowerCase() === v);
  });
  engine.addOperator('ciContains', (a: unknown, b: string) => lower(a)?.includes(b.toLowerCase()) ?? false);
  engine.addOperator('ciEndsWith', (a: unknown, b: string) => lower(a)?.endsWith(b.toLowerCase()) ?? false);
  engine.addOperator('isNotSet', (a: unknown) => a === undefined || a === null || a === '');
  // json-rules-engine hands fact params over untyped; these facts only receive the params written in the rules below.
  engine.addFact('eventCount', (params, almanac) =>
    almanac.factValue<Facts>('facts').then((f) => matching(f, params as EventQuery).length),
  );
  engine.addFact('perPoints', (raw, almanac) =>
    almanac.factValue<Facts>('facts').then((f) => {
      const params = raw as PerParams;
      const events = matching(f, params);
      let sum = 0;
      for (const e of events) {
        const k = params.decay ? Math.floor((f.asOf - e.occurredAt) / params.decay.everyMs) : 0;
        sum += params.points * (params.decay ? Math.pow(1 - params.decay.percent / 100, k) : 1);
      }
      return params.max === undefined ? sum : Math.max(-params.max, Math.min(params.max, sum));
    }),
  );
  engine.addFact('perCount', (params, almanac) => almanac.factValue<Facts>('facts').then((f) => matching(f, params as PerParams).length));
  engine.addFact('inactiveMs', (_params, almanac) =>
    almanac.factValue<Facts>('facts').then((f) => {
      let last: number | null = null;
      for (const e of f.events) if (e.occurredAt <= f.asOf && (last === null || e.occurredAt > last)) last = e.occurredAt;
      return f.asOf - (last ?? f.lead.created_at);
    }),
  );

  const rules: Rule[] = [
    pointRule(1, 'fit', 15, { all: [lead('employees', 'greaterThanInclusive', 200)] }),
    pointRule(2, 'fit', 10, { all: [lead('industry', 'ciIn', ['SaaS', 'Fintech'])] }),
    pointRule(3, 'fit', -30, { all: [lead('email', 'ciEndsWith', '@gmail.com')] }),
    pointRule(4, 'fit', 5, { any: [lead('title', 'ciContains', 'director'), lead('title', 'ciContains', 'vp')] }),
    pointRule(5, 'fit', 5, { all: [lead('country', 'ciIn', ['US', 'CA', 'GB'])] }),
    pointRule(6, 'fit', 3, { all: [lead('attributes.plan', 'ciEqual', 'enterprise')] }),
    pointRule(7, 'fit', 4, { all: [lead('annual_revenue', 'greaterThan', 1000000)] }),
    pointRule(8, 'fit', -10, { all: [lead('company', 'isNotSet', null)] }),
    pointRule(9, 'fit', 2, { all: [lead('source', 'ciEqual', 'webinar')] }),
    pointRule(10, 'engagement', 10, { all: [{ fact: 'eventCount', params: { type: 'page_view', glob: { key: 'path', pattern: '/pricing' } }, operator: 'greaterThan', value: 0 }] }),
    pointRule(11, 'engagement', 20, { all: [{ fact: 'eventCount', params: { type: 'form_submit', props: { form: 'demo-request' }, withinMs: 30 * D }, operator: 'greaterThan', value: 0 }] }),
    perRule(12, { type: 'page_view', glob: { key: 'path', pattern: '/blog/*' }, withinMs: 30 * D, points: 2, max: 20 }),
    perRule(13, { type: 'email_open', points: 3, max: 15, decay: { percent: 50, everyMs: 14 * D } }),
    pointRule(14, 'engagement', 5, { all: [{ fact: 'eventCount', params: { type: 'email_click', props: { campaign: 'spring-launch' } }, operator: 'greaterThanInclusive', value: 2 }] }),
    pointRule(15, 'engagement', -20, { all: [{ fact: 'inactiveMs', operator: 'greaterThan', value: 90 * D }] }),
    perRule(16, { type: 'email_click', withinMs: 7 * D, points: 1, max: 5 }),
    pointRule(17, 'engagement', 8, { all: [{ fact: 'eventCount', params: { type: 'webinar', props: { topic: 'pricing' }, withinMs: 60 * D }, operator: 'greaterThan', value: 0 }] }),
    pointRule(18, 'engagement', 4, { all: [{ fact: 'eventCount', params: { type: 'page_view', glob: { key: 'path', pattern: '*' } }, operator: 'greaterThanInclusive', value: 10 }] }),
    {
      conditions: { all: [{ fact: 'eventCount', params: { type: 'form_submit', props: { form: 'demo-request' } }, operator: 'greaterThan', value: 0 }] },
      event: { type: 'qualify', params: { line: 19, text: '', stage: 'SQL' } },
    },
    { conditions: { all: [lead('email', 'ciEndsWith', '@competitor.example')] }, event: { type: 'disqualify', params: { line: 20, text: '' } } },
  ];
  for (const rule of rules) engine.addRule(rule);

  const stages = planStages(SETTINGS.thresholds);
  const cutoffs = gradeCutoffs(SETTINGS.gradeBands, SETTINGS.maxScore);

  return async (facts) => {
    const { events, almanac } = await engine.run({ facts, lead: facts.lead });
    let fitSum = 0;
    let engagementSum = 0;
    let level = -1;
    let disqualified = false;
    const explanation: Contribution[] = [];
    const sorted = [...events].sort((a, b) => Number(a.params?.line) - Number(b.params?.line));
    const qualifyLevels: number[] = [];
    for (const e of sorted) {
      const p = e.params as Rule['event']['params'];
      if (e.type === 'qualify') qualifyLevels.push(stages.levelOf.get(p.stage ?? '') ?? -1);
      else if (e.type === 'disqualify') disqualified = true;
      else {
        const value = p.per ? await almanac.factValue<number>('perPoints', p.per) : (p.points ?? 0);
        const eventCount = p.per ? await almanac.factValue<number>('perCount', p.per) : null;
        if (p.dimension === 'fit') fitSum += value;
        else engagementSum += value;
        const points = round2(value);
        if (points !== 0) explanation.push({ line: p.line, rule: p.text, dimension: p.dimension ?? 'fit', points, eventCount });
      }
    }
    const fit = round2(fitSum);
    const engagement = round2(engagementSum);
    const total = totalOf(SETTINGS, fit, engagement);
    level = Math.max(thresholdLevel(stages, total, fit), ...qualifyLevels);
    const stage = disqualified ? DISQUALIFIED_STAGE : level >= 0 ? stages.stages[level] : null;
    return { fit, engagement, total, grade: gradeOf(cutoffs, fit), stage, explanation };
  };
}
