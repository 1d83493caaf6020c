// The JS backend: a CheckedProgram is planned ONCE into closures (cel-es
// planner style); the returned scorer does one pass over the lead's events and
// evaluates the rules in source order. No eval, no Function constructor.
// The scorer never throws: malformed values behave as missing.

import type { Contribution, EventFacts, LeadFacts, ScoreResult } from '../facts';
import { DISQUALIFIED_STAGE, type CheckedProgram, type Dimension, type ModelSettings } from '../program';
import {
  capMagnitude,
  decayedSum,
  gradeCutoffs,
  gradeOf,
  planDecay,
  planStages,
  round2,
  thresholdLevel,
  totalOf,
} from '../score';
import { compileCondition, LoweredSlots, type CompiledCondition, type EvalContext, type PlanContext } from './conditions';
import { EventPlanner } from './events';

export type JsScorer = (lead: LeadFacts, events: readonly EventFacts[], asOf: number) => ScoreResult;

interface PointRule {
  readonly line: number;
  readonly text: string;
  readonly dimension: Dimension;
  /** Raw (unrounded) points of this rule, and the event count for `per` rules. */
  readonly value: (ctx: EvalContext) => number;
  readonly eventCount: ((ctx: EvalContext) => number) | null;
}

const EMPTY_LEAD: LeadFacts = {
  email: null,
  first_name: null,
  last_name: null,
  title: null,
  company: null,
  industry: null,
  country: null,
  source: null,
  employees: null,
  annual_revenue: null,
  created_at: Number.NaN,
  attributes: {},
};

export function planJs(program: CheckedProgram, settings: ModelSettings): JsScorer {
  const events = new EventPlanner();
  const planContext: PlanContext = { events, lowered: new LoweredSlots() };
  const pointRules: PointRule[] = [];
  const qualifies: { level: number; condition: CompiledCondition }[] = [];
  const disqualifies: CompiledCondition[] = [];
  const stages = planStages(settings.thresholds);

  for (const rule of program.rules) {
    switch (rule.kind) {
      case 'when': {
        const condition = compileCondition(rule.condition, planContext);
        const points = rule.points;
        pointRules.push({
          line: rule.line,
          text: rule.text,
          dimension: rule.dimension,
          value: (ctx) => (condition(ctx) ? points : 0),
          eventCount: null,
        });
        break;
      }
      case 'per': {
        const { points, max } = rule;
        const counter = events.counter(rule.filter, rule.withinMs);
        const count = (ctx: EvalContext) => ctx.events.counts[counter];
        let value: (ctx: EvalContext) => number;
        if (rule.decay === null) {
          value = (ctx) => capMagnitude(points * count(ctx), max);
        } else {
          const decay = planDecay(rule.decay.percent);
          const list = events.bucketList(rule.filter, rule.withinMs, rule.decay.everyMs);
          value = (ctx) => capMagnitude(decayedSum(points, decay, ctx.events.buckets[list]), max);
        }
        pointRules.push({ line: rule.line, text: rule.text, dimension: rule.dimension, value, eventCount: count });
        break;
      }
      case 'qualify': {
        const level = stages.levelOf.get(rule.stage);
        // A stage that names no threshold cannot raise anything (the checker reports it when thresholds are known).
        if (level !== undefined) qualifies.push({ level, condition: compileCondition(rule.condition, planContext) });
        break;
      }
      case 'disqualify':
        disqualifies.push(compileCondition(rule.condition, planContext));
        break;
      default: {
        const _exhaustive: never = rule;
        throw new Error(`unknown rule ${String(_exhaustive)}`);
      }
    }
  }

  const scanner = events.build();
  const cutoffs = gradeCutoffs(settings.gradeBands, settings.maxScore);

  const loweredCount = planContext.lowered.size;

  return (lead, leadEvents, asOf) => {
    const ctx: EvalContext = {
      lead: lead !== null && typeof lead === 'object' ? lead : EMPTY_LEAD,
      events: scanner.scan(leadEvents, asOf),
      asOf,
      lowered: new Array<string | null | undefined>(loweredCount).fill(undefined),
    };
    let fitSum = 0;
    let engagementSum = 0;
    const explanation: Contribution[] = [];
    for (const r of pointRules) {
      const v = r.value(ctx);
      if (r.dimension === 'fit') fitSum += v;
      else engagementSum += v;
      const points = round2(v);
      if (points !== 0) {
        explanation.push({
          line: r.line,
          rule: r.text,
          dimension: r.dimension,
          points,
          eventCount: r.eventCount === null ? null : r.eventCount(ctx),
        });
      }
    }
    const fit = round2(fitSum);
    const engagement = round2(engagementSum);
    const total = totalOf(settings, fit, engagement);

    let stage: string | null;
    let disqualified = false;
    for (let i = 0; i < disqualifies.length && !disqualified; i++) disqualified = disqualifies[i](ctx);
    if (disqualified) {
      stage = DISQUALIFIED_STAGE;
    } else {
      let level = thresholdLevel(stages, total, fit);
      for (const q of qualifies) if (q.level > level && q.condition(ctx)) level = q.level;
      stage = level >= 0 ? stages.stages[level] : null;
    }
    return { fit, engagement, total, grade: gradeOf(cutoffs, fit), stage, explanation };
  };
}
