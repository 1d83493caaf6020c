// Conditions as SQL boolean expressions that are never NULL: every comparison
// is wrapped in `IS TRUE`, so a missing attribute makes it false and `not`
// then makes it true, exactly as in the JS backend.

import { sql, type SqlFragment } from '../../sql';
import { simpleLower } from '../caseFold';
import type { Condition, NumberOp } from '../program';
import { isSetExpr, loweredExpr, numberExpr, CREATED_AT } from './attributes';
import type { AggregatePlanner, Instant } from './events';
import { float8, float8Array, text, textArray, timestamptz } from './params';

export function numberOpSql(op: NumberOp): SqlFragment {
  switch (op) {
    case 'eq':
      return sql.raw('=');
    case 'ne':
      return sql.raw('<>');
    case 'lt':
      return sql.raw('<');
    case 'le':
      return sql.raw('<=');
    case 'gt':
      return sql.raw('>');
    case 'ge':
      return sql.raw('>=');
    default: {
      const _exhaustive: never = op;
      throw new Error(`unknown operator ${String(_exhaustive)}`);
    }
  }
}

/** asOf - last OP ms  <=>  last MIRROR(OP) (asOf - ms): compares timestamps, exact to the ms. */
const MIRROR: { readonly [K in NumberOp]: NumberOp } = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

/** A LIKE pattern (default escape `\`) matching the literal text `s`. */
function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function isTrue(expr: SqlFragment): SqlFragment {
  return sql`(${expr}) IS TRUE`;
}

/** `v [not] in list`, false when v is missing: `NULL = ANY('{}')` is false, not NULL, so the guard is explicit. */
function membership(value: SqlFragment, list: SqlFragment, negated: boolean): SqlFragment {
  const member = sql`${value} = ANY(${list})`;
  return isTrue(negated ? sql`${value} IS NOT NULL AND NOT (${member})` : member);
}

export function conditionSql(c: Condition, events: AggregatePlanner, asOf: Instant): SqlFragment {
  switch (c.kind) {
    case 'and':
    case 'or': {
      if (c.items.length === 0) return c.kind === 'and' ? sql.raw('TRUE') : sql.raw('FALSE');
      const items = c.items.map((i) => conditionSql(i, events, asOf));
      return sql`(${sql.join(items, c.kind === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not':
      return sql`(NOT ${conditionSql(c.item, events, asOf)})`;
    case 'stringCompare':
      return isTrue(sql`${loweredExpr(c.attribute)} ${c.op === 'eq' ? sql.raw('=') : sql.raw('<>')} ${text(simpleLower(c.value))}`);
    case 'numberCompare':
      return isTrue(sql`${numberExpr(c.attribute)} ${numberOpSql(c.op)} ${float8(c.value)}`);
    case 'stringIn':
      return membership(loweredExpr(c.attribute), textArray(c.values.map(simpleLower)), c.negated);
    case 'numberIn':
      return membership(numberExpr(c.attribute), float8Array(c.values), c.negated);
    case 'text': {
      const v = likeLiteral(simpleLower(c.value));
      const pattern = c.op === 'contains' ? `%${v}%` : c.op === 'starts_with' ? `${v}%` : `%${v}`;
      // Byte-wise LIKE on lower-cased text: only `%` is a wildcard, so bytes and characters agree.
      return isTrue(sql`${loweredExpr(c.attribute)} COLLATE "C" LIKE ${text(pattern)}`);
    }
    case 'isSet':
      return c.negated ? sql`(NOT ${isSetExpr(c.attribute)})` : isSetExpr(c.attribute);
    case 'hasEvent':
      return sql`(${events.count(c.filter, c.withinMs)} > 0)`;
    case 'countCompare':
      return sql`(${events.count(c.filter, c.withinMs)}::float8 ${numberOpSql(c.op)} ${float8(c.value)})`;
    case 'inactive': {
      const last = sql`coalesce(${events.lastAt()}, ${CREATED_AT})`;
      return isTrue(sql`${last} ${numberOpSql(MIRROR[c.op])} ${timestamptz(asOf.ms - c.ms)}`);
    }
    default: {
      const _exhaustive: never = c;
      throw new Error(`unknown condition ${String(_exhaustive)}`);
    }
  }
}

