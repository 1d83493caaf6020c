// The event side of a JS plan: every distinct (filter, window) a program
// counts becomes a counter slot, every decayed `per` rule a bucket list, and
// one pass over a lead's events fills them all (events are dispatched by type,
// so an event is only tested against the filters of its own type).

import type { EventFacts } from '../facts';
import { compileGlob, globMatches, type Glob } from '../glob';
import type { EventFilter } from '../program';
import { decayBucket } from '../score';

const hasOwn = Object.prototype.hasOwnProperty;

type PropertyMatcher =
  | { readonly key: string; readonly op: 'eq'; readonly value: string }
  | { readonly key: string; readonly op: 'glob'; readonly glob: Glob };

interface FilterPlan {
  readonly matchers: readonly PropertyMatcher[];
  /** Counter slots fed by this filter, with their window (null: none). */
  readonly counters: { slot: number; withinMs: number | null }[];
  /** Bucket lists fed by this filter. */
  readonly buckets: { slot: number; withinMs: number | null; everyMs: number }[];
}

/** Collects slots while planning; `build()` freezes the scanner. */
export class EventPlanner {
  private readonly filters = new Map<string, { type: string; plan: FilterPlan }>();
  private readonly counterSlots = new Map<string, number>();
  private bucketSlots = 0;

  /** The counter slot of (filter, window); equal pairs share one slot. */
  counter(filter: EventFilter, withinMs: number | null): number {
    const key = JSON.stringify([filterKey(filter), withinMs]);
    let slot = this.counterSlots.get(key);
    if (slot === undefined) {
      slot = this.counterSlots.size;
      this.counterSlots.set(key, slot);
      this.filterPlan(filter).counters.push({ slot, withinMs });
    }
    return slot;
  }

  /** A new bucket list of (filter, window, decay period): the decay buckets of matching events. */
  bucketList(filter: EventFilter, withinMs: number | null, everyMs: number): number {
    const slot = this.bucketSlots++;
    this.filterPlan(filter).buckets.push({ slot, withinMs, everyMs });
    return slot;
  }

  build(): EventScanner {
    const byType = new Map<string, FilterPlan[]>();
    for (const { type, plan } of this.filters.values()) {
      const list = byType.get(type) ?? [];
      list.push(plan);
      byType.set(type, list);
    }
    return new EventScanner(byType, this.counterSlots.size, this.bucketSlots);
  }

  private filterPlan(filter: EventFilter): FilterPlan {
    const key = filterKey(filter);
    let entry = this.filters.get(key);
    if (!entry) {
      const matchers = filter.properties.map((p): PropertyMatcher =>
        p.op === 'eq' ? { key: p.key, op: 'eq', value: p.value } : { key: p.key, op: 'glob', glob: compileGlob(p.value) },
      );
      entry = { type: filter.type, plan: { matchers, counters: [], buckets: [] } };
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

  constructor(
    private readonly byType: ReadonlyMap<string, readonly FilterPlan[]>,
    counterCount: number,
    bucketCount: number,
  ) {
    this.totals = { counts: new Int32Array(counterCount), buckets: Array.from({ length: bucketCount }, () => []), last: null };
  }

  /** Events after asOf do not exist; a window is asOf - within < occurred_at <= asOf. */
  scan(events: readonly EventFacts[], asOf: number): EventTotals {
    const totals = this.totals;
    totals.counts.fill(0);
    for (const list of totals.buckets) list.length = 0;
    let last: number | null = null;
    const n = Array.isArray(events) ? events.length : 0;
    for (let i = 0; i < n; i++) {
      const e = events[i];
      if (e === null || typeof e !== 'object') continue;
      const t = e.occurredAt;
      if (!(t <= asOf)) continue;
      if (last === null || t > last) last = t;
      const plans = this.byType.get(e.type);
      if (plans === undefined) continue;
      for (const plan of plans) {
        if (!propertiesMatch(plan.matchers, e.properties)) continue;
        for (const c of plan.counters) {
          if (c.withinMs === null || t > asOf - c.withinMs) totals.counts[c.slot]++;
        }
        for (const b of plan.buckets) {
          if (b.withinMs === null || t > asOf - b.withinMs) totals.buckets[b.slot].push(decayBucket(asOf - t, b.everyMs));
        }
      }
    }
    for (const list of totals.buckets) if (list.length > 1) list.sort(ascending);
    totals.last = last;
    return totals;
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}

function propertiesMatch(matchers: readonly PropertyMatcher[], properties: Readonly<Record<string, unknown>> | null | undefined): boolean {
  if (matchers.length === 0) return true;
  if (properties === null || typeof properties !== 'object') return false;
  for (const m of matchers) {
    if (!hasOwn.call(properties, m.key)) return false;
    const v = properties[m.key];
    if (typeof v !== 'string') return false;
    if (m.op === 'eq' ? v !== m.value : !globMatches(m.glob, v)) return false;
  }
  return true;
}
