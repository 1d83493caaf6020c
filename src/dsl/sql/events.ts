// The event side of the statement: ONE scan of `events e` grouped by lead_id,
// every selector an aggregate with a FILTER clause. Equal (filter, window)
// pairs share one count column; each decayed `per` rule gets an array of its
// matching events' decay buckets; `inactive` reads max(occurred_at).

import { sql, type SqlFragment } from '../../sql';
import { globToLike } from '../glob';
import type { EventFilter } from '../program';
import { numeric, text, timestamptz } from './params';

/** The instant and its derived parameters, shared by every part of one statement. */
export interface Instant {
  readonly ms: number;
  readonly param: SqlFragment;
  readonly msParam: SqlFragment;
}

export function instant(ms: number): Instant {
  return { ms, param: timestamptz(ms), msParam: numeric(ms) };
}

const E = {
  type: sql.identifier('e', 'type'),
  occurredAt: sql.identifier('e', 'occurred_at'),
  properties: sql.identifier('e', 'properties'),
};

/** The alias of the aggregate subquery in the outer statement. */
const A = 'a';

export class AggregatePlanner {
  private readonly counters = new Map<string, { name: string; expr: SqlFragment }>();
  private readonly buckets: { name: string; expr: SqlFragment }[] = [];
  private lastUsed = false;

  constructor(private readonly asOf: Instant) {}

  /** The number of matching events in the window, per lead (0 when none). */
  count(filter: EventFilter, withinMs: number | null): SqlFragment {
    const key = JSON.stringify([filter.type, filter.properties.map((p) => [p.key, p.op, p.value]), withinMs]);
    let entry = this.counters.get(key);
    if (!entry) {
      const name = `k${this.counters.size + 1}`;
      entry = { name, expr: sql`count(*) FILTER (WHERE ${this.matches(filter, withinMs)})` };
      this.counters.set(key, entry);
    }
    return sql`coalesce(${sql.identifier(A, entry.name)}, 0)`;
  }

  /** The decay buckets floor(age / everyMs) of matching events, an int8[] (NULL when none). */
  bucketList(filter: EventFilter, withinMs: number | null, everyMs: number): SqlFragment {
    const name = `b${this.buckets.length + 1}`;
    // age in exact ms: numeric arithmetic on the epoch, then an integer quotient (decayBucket in score.ts).
    const bucket =
      everyMs > 0
        ? sql`div(${this.asOf.msParam} - extract(epoch FROM ${E.occurredAt}) * 1000, ${numeric(everyMs)})::int8`
        : sql.raw('0::int8');
    this.buckets.push({ name, expr: sql`array_agg(${bucket}) FILTER (WHERE ${this.matches(filter, withinMs)})` });
    return sql.identifier(A, name);
  }

  /** The latest occurred_at at or before asOf (NULL when none). */
  lastAt(): SqlFragment {
    this.lastUsed = true;
    return sql.identifier(A, 'last_at');
  }

  get empty(): boolean {
    return this.counters.size === 0 && this.buckets.length === 0 && !this.lastUsed;
  }

  /** `LEFT JOIN (...) a ON a.lead_id = l.id`, or nothing when no rule looks at events. */
  join(workspaceId: SqlFragment, leadIds: SqlFragment | null): SqlFragment {
    if (this.empty) return sql.raw('');
    const columns = [
      sql`${sql.identifier('e', 'lead_id')}`,
      sql`max(${E.occurredAt}) AS last_at`,
      ...[...this.counters.values(), ...this.buckets].map((c) => sql`${c.expr} AS ${sql.identifier(c.name)}`),
    ];
    const onlyLeads = leadIds === null ? sql.raw('') : sql` AND e.lead_id = ANY(${leadIds})`;
    return sql`
  LEFT JOIN (
    SELECT ${sql.join(columns, ',\n      ')}
    FROM events e
    WHERE e.workspace_id = ${workspaceId} AND ${E.occurredAt} <= ${this.asOf.param}${onlyLeads}
    GROUP BY e.lead_id
  ) ${sql.identifier(A)} ON ${sql.identifier(A, 'lead_id')} = l.id`;
  }

  private matches(filter: EventFilter, withinMs: number | null): SqlFragment {
    const tests = [sql`${E.type} = ${text(filter.type)}`];
    for (const p of filter.properties) {
      const value = sql`(${E.properties} -> ${text(p.key)})`;
      switch (p.op) {
        case 'eq':
          tests.push(sql`${value} = to_jsonb(${text(p.value)})`);
          break;
        case 'glob':
          tests.push(sql`jsonb_typeof(${value}) = 'string' AND (${value} #>> '{}') COLLATE "C" LIKE ${text(globToLike(p.value))}`);
          break;
        default: {
          const _exhaustive: never = p.op;
          throw new Error(`unknown property test ${String(_exhaustive)}`);
        }
      }
    }
    if (withinMs !== null) tests.push(sql`${E.occurredAt} > ${timestamptz(this.asOf.ms - withinMs)}`);
    return sql.join(tests, ' AND ');
  }
}
