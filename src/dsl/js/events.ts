// The event side of a JS plan: every distinct (filter, window) a program
// counts becomes a counter slot, every decayed `per` rule a bucket list, and
// one pass over a lead's events fills them all (events are dispatched by type,
// so an event is only tested against the filters of its own type).

import type { EventFacts } from '../facts';
import { compileGlob, globMatches } from '../glob';
import type { EventFilter } from '../program';
import { decayBucket } from '../score';

/** Whether an event passes every property test of a filter, given the event's values of its type's keys. */
type ValuesMatcher = (values: readonly unknown[]) => boolean;

interface FilterPlan {
  readonly filter: EventFilter;
  /** Set by build(), once the keys of the type are known. */
  matches: ValuesMatcher;
  /** Counter slots fed by this filter; each slot has a window (see EventPlanner.windows). */
  readonly counters: number[];
  /** Bucket lists fed by this filter, with their decay period and window slot (set by build(): counters come first). */
  readonly buckets: { slot: number; window: number; everyMs: number }[];
}

/** Collects slots while planning; `build()` freezes the scanner. */
export class EventPlanner {
  private readonly filters = new Map<string, { type: string; plan: FilterPlan }>();
  private readonly counterSlots = new Map<string, number>();
  /** withinMs per window slot: counter slots first, then one per bucket list (null: no window). */
  private readonly counterWindows: (number | null)[] = [];
  private readonly bucketWindows: (number | null)[] = [];

  /** The counter slot of (filter, window); equal pairs share one slot. */
  counter(filter: EventFilter, withinMs: number | null): number {
    const key = JSON.stringify([filterKey(filter), withinMs]);
    let slot = this.counterSlots.get(key);
    if (slot === undefined) {
      slot = this.counterSlots.size;
      this.counterSlots.set(key, slot);
      this.counterWindows.push(withinMs);
      this.filterPlan(filter).counters.push(slot);
    }
    return slot;
  }

  /** A new bucket list of (filter, window, decay period): the decay buckets of matching events. */
  bucketList(filter: EventFilter, withinMs: number | null, everyMs: number): number {
    const slot = this.bucketWindows.length;
    this.bucketWindows.push(withinMs);
    this.filterPlan(filter).buckets.push({ slot, window: -1, everyMs });
    return slot;
  }

  build(): EventScanner {
    const byType = new Map<string, FilterPlan[]>();
    for (const { type, plan } of this.filters.values()) {
      const list = byType.get(type) ?? [];
      list.push(plan);
      byType.set(type, list);
    }
    // Each property key of a type is read once per event, whatever the number of filters testing it.
    const types = [...byType.keys()];
    const keys = types.map((type) => {
      const plans = byType.get(type) ?? [];
      const typeKeys = [...new Set(plans.flatMap((p) => p.filter.properties.map((t) => t.key)))];
      for (const p of plans) {
        p.matches = valuesMatcher(p.filter, typeKeys);
        for (const b of p.buckets) b.window = this.counterWindows.length + b.slot;
      }
      return typeKeys;
    });
    return new EventScanner(types, keys, [...byType.values()], this.counterWindows.length, [...this.counterWindows, ...this.bucketWindows]);
  }

  private filterPlan(filter: EventFilter): FilterPlan {
    const key = filterKey(filter);
    let entry = this.filters.get(key);
    if (!entry) {
      entry = { type: filter.type, plan: { filter, matches: () => false, counters: [], buckets: [] } };
      this.filters.set(key, entry);
    }
    return entry.plan;
  }
}

function filterKey(filter: EventFilter): string {
  return JSON.stringify([filter.type, filter.properties.map((p) => [p.key, p.op, p.value])]);
}

/** What one scan of a lead's events yields. Reused between calls (the plan is synchronous). */
export interface EventTotals {
  readonly counts: Int32Array;
  /** Decay buckets per bucket slot, sorted ascending after the scan. */
  readonly buckets: number[][];
  /** The latest occurred_at at or before asOf, or null when no event. */
  last: number | null;
}

export class EventScanner {
  private readonly totals: EventTotals;
  /** Per window slot, per scan: the exclusive lower bound asOf - withinMs (-Infinity: no window). */
  private readonly lowerBounds: Float64Array;
  /** The current event's values of its type's keys. */
  private readonly values: unknown[] = [];

  /** Event types with filters, and their filters (a short list: a linear scan beats hashing here). */
  constructor(
    private readonly types: readonly string[],
    private readonly keysByType: readonly (readonly string[])[],
    private readonly plansByType: readonly (readonly FilterPlan[])[],
    counterCount: number,
    private readonly windows: readonly (number | null)[],
  ) {
    const bucketCount = windows.length - counterCount;
    this.totals = { counts: new Int32Array(counterCount), buckets: Array.from({ length: bucketCount }, () => []), last: null };
    this.lowerBounds = new Float64Array(windows.length);
  }

  /** Events after asOf do not exist; a window is asOf - within < occurred_at <= asOf. */
  scan(events: readonly EventFacts[], asOf: number): EventTotals {
    const { counts, buckets } = this.totals;
    counts.fill(0);
    for (let i = 0; i < buckets.length; i++) buckets[i].length = 0;
    const lo = this.lowerBounds;
    for (let i = 0; i < lo.length; i++) {
      const w = this.windows[i];
      lo[i] = w === null ? -Infinity : asOf - w;
    }
    let last = -Infinity;
    const { types, keysByType, plansByType } = this;
    const values = this.values;
    const n = Array.isArray(events) ? events.length : 0;
    for (let i = 0; i < n; i++) {
      const e = events[i];
      if (e === null || typeof e !== 'object') continue;
      const t = e.occurredAt;
      if (!(t <= asOf)) continue;
      if (t > last) last = t;
      const type = e.type;
      let k = 0;
      while (k < types.length && types[k] !== type) k++;
      if (k === types.length) continue;
      const plans = plansByType[k];
      const keys = keysByType[k];
      if (keys.length > 0) {
        const props = e.properties;
        const ok = props !== null && typeof props === 'object';
        for (let j = 0; j < keys.length; j++) values[j] = ok ? props[keys[j]] : undefined;
      }
      for (let p = 0; p < plans.length; p++) {
        const plan = plans[p];
        if (!plan.matches(values)) continue;
        const cs = plan.counters;
        for (let j = 0; j < cs.length; j++) {
          const slot = cs[j];
          if (t > lo[slot]) counts[slot]++;
        }
        const bs = plan.buckets;
        for (let j = 0; j < bs.length; j++) {
          const b = bs[j];
          if (t > lo[b.window]) buckets[b.slot].push(decayBucket(asOf - t, b.everyMs));
        }
      }
    }
    for (let i = 0; i < buckets.length; i++) if (buckets[i].length > 1) buckets[i].sort(ascending);
    this.totals.last = last === -Infinity ? null : last;
    return this.totals;
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}

/**
 * One closure per filter over the event's values of its type's keys. A value
 * matches only when it is a string: `v === value` with a string value implies
 * that, and no property of Object.prototype is a string, so inherited names
 * (`constructor`, ...) never match, as in SQL.
 */
function valuesMatcher(filter: EventFilter, typeKeys: readonly string[]): ValuesMatcher {
  const tests = filter.properties.map((t): ((v: unknown) => boolean) => {
    if (t.op === 'eq') {
      const value = t.value;
      return (v) => v === value;
    }
    const glob = compileGlob(t.value);
    if (glob.pieces.length === 1) {
      const value = glob.pieces[0];
      return (v) => v === value;
    }
    return (v) => typeof v === 'string' && globMatches(glob, v);
  });
  const at = filter.properties.map((t) => typeKeys.indexOf(t.key));
  if (tests.length === 0) return () => true;
  if (tests.length === 1) {
    const [i] = at;
    const [test] = tests;
    return (values) => test(values[i]);
  }
  return (values) => {
    for (let j = 0; j < tests.length; j++) if (!tests[j](values[at[j]])) return false;
    return true;
  };
}
