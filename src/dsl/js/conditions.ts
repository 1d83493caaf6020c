// Conditions compiled once into closures over an evaluation context.
// Meaning (docs/dsl.md): a missing attribute, or a custom attribute whose JSON
// value is of another type than the compared one, makes every comparison
// false (`ne` and `not in` included); strings compare after simpleLower on
// both sides (literals are lower-cased here, at plan time).

import { simpleLower } from '../caseFold';
import type { LeadFacts } from '../facts';
import type { AttributeRef, Condition, LeadField, NumberOp } from '../program';
import type { EventPlanner, EventTotals } from './events';

const hasOwn = Object.prototype.hasOwnProperty;

/** One evaluation: the lead, its scanned events, and the instant. */
export interface EvalContext {
  lead: LeadFacts;
  events: EventTotals;
  asOf: number;
  /** Lower-cased string attributes, per LoweredSlots slot; undefined: not computed yet in this evaluation. */
  lowered: (string | null | undefined)[];
}

/** Gives each distinct attribute compared as lower-cased text one cache slot, so it is lowered once per evaluation. */
export class LoweredSlots {
  private readonly slots = new Map<string, number>();
  slotOf(ref: AttributeRef): number {
    const key = `${ref.kind}:${ref.name}`;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(key, slot);
    }
    return slot;
  }
  get size(): number {
    return this.slots.size;
  }
}

/** What compiling conditions registers: event counters and lowered-attribute slots. */
export interface PlanContext {
  readonly events: EventPlanner;
  readonly lowered: LoweredSlots;
}

export type CompiledCondition = (ctx: EvalContext) => boolean;

const STRING_FIELDS: ReadonlySet<LeadField> = new Set<LeadField>([
  'email',
  'first_name',
  'last_name',
  'title',
  'company',
  'industry',
  'country',
  'source',
]);

/** The raw value of an attribute (undefined when absent). */
function rawOf(ref: AttributeRef): (lead: LeadFacts) => unknown {
  if (ref.kind === 'field') {
    const name = ref.name;
    return (lead) => lead[name];
  }
  const name = ref.name;
  return (lead) => {
    const attrs = lead.attributes;
    return attrs !== null && typeof attrs === 'object' && hasOwn.call(attrs, name) ? attrs[name] : undefined;
  };
}

/** The attribute as a string, or null (missing, or not a string: string fields only, or JSON strings). */
function stringOf(ref: AttributeRef): (lead: LeadFacts) => string | null {
  if (ref.kind === 'field' && !STRING_FIELDS.has(ref.name)) return () => null;
  const raw = rawOf(ref);
  return (lead) => {
    const v = raw(lead);
    return typeof v === 'string' ? v : null;
  };
}

/** The attribute lower-cased, or null; cached in the evaluation context. */
function loweredOf(ref: AttributeRef, plan: PlanContext): (ctx: EvalContext) => string | null {
  const str = stringOf(ref);
  const slot = plan.lowered.slotOf(ref);
  return (ctx) => {
    let v = ctx.lowered[slot];
    if (v === undefined) {
      const raw = str(ctx.lead);
      v = raw === null ? null : simpleLower(raw);
      ctx.lowered[slot] = v;
    }
    return v;
  };
}

/** The attribute as a number, or null (missing, NaN, or not a number: number fields, created_at in epoch ms, JSON numbers). */
function numberOf(ref: AttributeRef): (lead: LeadFacts) => number | null {
  if (ref.kind === 'field' && STRING_FIELDS.has(ref.name)) return () => null;
  const raw = rawOf(ref);
  return (lead) => {
    const v = raw(lead);
    return typeof v === 'number' && v === v ? v : null;
  };
}

export function compareNumbers(op: NumberOp, a: number, b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    default: {
      const _exhaustive: never = op;
      return _exhaustive;
    }
  }
}

export function compileCondition(c: Condition, plan: PlanContext): CompiledCondition {
  const events = plan.events;
  switch (c.kind) {
    case 'and': {
      const items = c.items.map((i) => compileCondition(i, plan));
      if (items.length === 2) {
        const [a, b] = items;
        return (ctx) => a(ctx) && b(ctx);
      }
      return (ctx) => items.every((i) => i(ctx));
    }
    case 'or': {
      const items = c.items.map((i) => compileCondition(i, plan));
      if (items.length === 2) {
        const [a, b] = items;
        return (ctx) => a(ctx) || b(ctx);
      }
      return (ctx) => items.some((i) => i(ctx));
    }
    case 'not': {
      const item = compileCondition(c.item, plan);
      return (ctx) => !item(ctx);
    }
    case 'stringCompare': {
      const get = loweredOf(c.attribute, plan);
      const value = simpleLower(c.value);
      return c.op === 'eq'
        ? (ctx) => get(ctx) === value
        : (ctx) => {
            const v = get(ctx);
            return v !== null && v !== value;
          };
    }
    case 'numberCompare': {
      const get = numberOf(c.attribute);
      const { op, value } = c;
      return (ctx) => {
        const v = get(ctx.lead);
        return v !== null && compareNumbers(op, v, value);
      };
    }
    case 'stringIn': {
      const get = loweredOf(c.attribute, plan);
      const values = new Set(c.values.map(simpleLower));
      const negated = c.negated;
      return (ctx) => {
        const v = get(ctx);
        return v !== null && values.has(v) !== negated;
      };
    }
    case 'numberIn': {
      const get = numberOf(c.attribute);
      const values = c.values;
      const negated = c.negated;
      return (ctx) => {
        const v = get(ctx.lead);
        return v !== null && values.includes(v) !== negated;
      };
    }
    case 'text': {
      const get = loweredOf(c.attribute, plan);
      const value = simpleLower(c.value);
      const test =
        c.op === 'contains'
          ? (s: string) => s.includes(value)
          : c.op === 'starts_with'
            ? (s: string) => s.startsWith(value)
            : (s: string) => s.endsWith(value);
      return (ctx) => {
        const v = get(ctx);
        return v !== null && test(v);
      };
    }
    case 'isSet': {
      const raw = rawOf(c.attribute);
      const negated = c.negated;
      return (ctx) => {
        const v = raw(ctx.lead);
        const set = v !== undefined && v !== null && v !== '';
        return set !== negated;
      };
    }
    case 'hasEvent': {
      const slot = events.counter(c.filter, c.withinMs);
      return (ctx) => ctx.events.counts[slot] > 0;
    }
    case 'countCompare': {
      const slot = events.counter(c.filter, c.withinMs);
      const { op, value } = c;
      return (ctx) => compareNumbers(op, ctx.events.counts[slot], value);
    }
    case 'inactive': {
      const { op, ms } = c;
      return (ctx) => {
        const last = ctx.events.last ?? ctx.lead.created_at;
        return compareNumbers(op, ctx.asOf - last, ms);
      };
    }
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}
