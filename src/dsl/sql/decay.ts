// Decay in SQL: the same multiplications, in the same order, as score.ts
// decayFactor / decayedSum, on the same bound factor table.

import { sql, type SqlFragment } from '../../sql';
import type { DecayPlan } from '../score';
import { float8, int8 } from './params';

/** factor(k) of score.ts decayFactor, as the same chain of multiplications. */
export function decayFactorSql(plan: DecayPlan, k: SqlFragment): SqlFragment {
  let product = sql.raw('1::float8');
  plan.factors.forEach((factor, i) => {
    product = sql`(${product} * CASE WHEN (${k} & ${int8(2 ** i)}) <> 0 THEN ${float8(factor)} ELSE 1::float8 END)`;
  });
  if (plan.zeroFrom === null) return product;
  return sql`CASE WHEN ${k} >= ${int8(plan.zeroFrom)} THEN 0::float8 ELSE ${product} END`;
}

/** score.ts decayedSum: per distinct bucket, ascending, (points * factor(k)) * count(k). */
export function decayedSumSql(points: number, plan: DecayPlan, buckets: SqlFragment): SqlFragment {
  const k = sql.identifier('b', 'k');
  const term = sql`(${float8(points)} * ${decayFactorSql(plan, k)}) * ${sql.identifier('b', 'n')}::float8`;
  return sql`coalesce((SELECT sum(${term} ORDER BY ${k}) FROM (SELECT u.k, count(*) AS n FROM unnest(${buckets}) AS u(k) GROUP BY u.k) b), 0::float8)`;
}

