// The SQL backend: ONE set-based statement that scores every lead of a
// workspace (or the given leads) at asOf, with the same meaning, and the same
// floating-point operations in the same order, as the JS backend (score.ts).
//
// Shape (usable as a subquery or a CTE body):
//   s1: per lead, each point rule's raw value r<i> (and event count n<i>), the
//       qualify level and the disqualify flag, over leads LEFT JOIN one
//       GROUP BY lead_id scan of events (events.ts);
//   s2: fit and engagement: rounded sums of the r<i> in source order;
//   s3: total; outer: grade, stage, explanation.

import { sql, type SqlFragment } from '../../sql';
import { DISQUALIFIED_STAGE, type CheckedProgram, type ModelSettings } from '../program';
import { gradeCutoffs, planDecay, planStages } from '../score';
import { conditionSql } from './conditions';
import { decayedSumSql } from './decay';
import { AggregatePlanner, instant } from './events';
import { float8, int4, text, textArray, uuid, uuidArray } from './params';

export interface SqlScoreOptions {
  readonly workspaceId: string;
  readonly asOf: Date;
  /** Only these leads (default: every lead of the workspace). */
  readonly leadIds?: readonly string[];
}

/** round(x::numeric, 2)::float8: the rounding of score.ts round2. */
function round2(x: SqlFragment): SqlFragment {
  return sql`round((${x})::numeric, 2)::float8`;
}

function capSql(value: SqlFragment, max: number | null): SqlFragment {
  if (max === null) return value;
  const m = float8(max);
  return sql`least(greatest(${value}, -${m}), ${m})`;
}

interface PointColumn {
  readonly line: number;
  readonly text: string;
  readonly dimension: 'fit' | 'engagement';
  readonly value: SqlFragment;
  readonly count: SqlFragment | null;
}

export function compileToSql(program: CheckedProgram, settings: ModelSettings, options: SqlScoreOptions): SqlFragment {
  const asOf = instant(options.asOf.getTime());
  const events = new AggregatePlanner(asOf);
  const stages = planStages(settings.thresholds);
  const points: PointColumn[] = [];
  const qualifies: SqlFragment[] = [];
  const disqualifies: SqlFragment[] = [];

  for (const rule of program.rules) {
    switch (rule.kind) {
      case 'when':
        points.push({
          line: rule.line,
          text: rule.text,
          dimension: rule.dimension,
          value: sql`CASE WHEN ${conditionSql(rule.condition, events, asOf)} THEN ${float8(rule.points)} ELSE 0::float8 END`,
          count: null,
        });
        break;
      case 'per': {
        const count = events.count(rule.filter, rule.withinMs);
        const sum =
          rule.decay === null
            ? sql`${float8(rule.points)} * ${count}::float8`
            : decayedSumSql(rule.points, planDecay(rule.decay.percent), events.bucketList(rule.filter, rule.withinMs, rule.decay.everyMs));
        points.push({ line: rule.line, text: rule.text, dimension: rule.dimension, value: capSql(sum, rule.max), count });
        break;
      }
      case 'qualify': {
        const level = stages.levelOf.get(rule.stage);
        if (level !== undefined) qualifies.push(sql`CASE WHEN ${conditionSql(rule.condition, events, asOf)} THEN ${int4(level)} END`);
        break;
      }
      case 'disqualify':
        disqualifies.push(conditionSql(rule.condition, events, asOf));
        break;
      default: {
        const _exhaustive: never = rule;
        throw new Error(`unknown rule ${String(_exhaustive)}`);
      }
    }
  }

  const workspaceId = uuid(options.workspaceId);
  const leadIds = options.leadIds === undefined ? null : uuidArray(options.leadIds);
  const r = (i: number) => sql.identifier('s1', `r${i}`);

  const s1Columns = [
    sql`l.id AS lead_id`,
    ...points.flatMap((p, i) => [
      sql`${p.value} AS ${sql.identifier(`r${i}`)}`,
      ...(p.count === null ? [] : [sql`${p.count} AS ${sql.identifier(`n${i}`)}`]),
    ]),
    sql`greatest(-1, ${sql.join(qualifies, ', ')}${qualifies.length > 0 ? sql.raw(', ') : sql.raw('')}-1) AS q_level`,
    sql`${disqualifies.length === 0 ? sql.raw('FALSE') : sql.join(disqualifies, ' OR ')} AS dq`,
  ];
  const onlyLeads = leadIds === null ? sql.raw('') : sql` AND l.id = ANY(${leadIds})`;
  // OFFSET 0 keeps s1 a subquery of its own: pulled up, each r<i> would be
  // inlined, and computed again, wherever s2, s3 and the outer query name it
  // (sums, total, grade, every stage test, the explanation): 12-28% of the
  // scoring SELECT at 1,000 and 20,000 leads (`npm run bench` times it alone).
  const s1 = sql`SELECT ${sql.join(s1Columns, ',\n      ')}
    FROM leads l${events.join(workspaceId, leadIds)}
    WHERE l.workspace_id = ${workspaceId}${onlyLeads}
    OFFSET 0`;

  // Sums in source order, from 0, one addition per rule (as the JS loop does).
  const sumOf = (dimension: 'fit' | 'engagement') =>
    points.reduce<SqlFragment>((acc, p, i) => (p.dimension === dimension ? sql`(${acc} + ${r(i)})` : acc), sql.raw('0::float8'));
  const s2 = sql`SELECT s1.*, ${round2(sumOf('fit'))} AS fit, ${round2(sumOf('engagement'))} AS engagement
    FROM (${s1}) s1`;
  const s3 = sql`SELECT s2.*, ${round2(sql`least(greatest(s2.fit + s2.engagement, ${float8(settings.minScore)}), ${float8(settings.maxScore)})`)} AS total
    FROM (${s2}) s2`;

  const cut = gradeCutoffs(settings.gradeBands, settings.maxScore);
  const grade = sql`CASE WHEN s3.fit >= ${float8(cut.a)} THEN 'A' WHEN s3.fit >= ${float8(cut.b)} THEN 'B' WHEN s3.fit >= ${float8(cut.c)} THEN 'C' ELSE 'D' END`;

  const levels = stages.stages
    .map((_, i) => i)
    .reverse()
    .map((i) => {
      const minFit = stages.minFit[i];
      const fitTest = minFit === null ? sql.raw('') : sql` AND s3.fit >= ${float8(minFit)}`;
      return sql`WHEN s3.total >= ${float8(stages.minScore[i])}${fitTest} THEN ${int4(i)}`;
    });
  const thresholdLevel = levels.length === 0 ? sql.raw('-1') : sql`CASE ${sql.join(levels, ' ')} ELSE -1 END`;
  const stage = sql`CASE WHEN s3.dq THEN ${text(DISQUALIFIED_STAGE)} ELSE (${textArray(stages.stages)})[greatest(${thresholdLevel}, s3.q_level) + 1] END`;

  const entries = points.map((p, i) => {
    const rounded = sql`round(s3.${sql.identifier(`r${i}`)}::numeric, 2)`;
    return sql`CASE WHEN ${rounded} <> 0 THEN jsonb_build_object('line', ${int4(p.line)}, 'rule', ${text(p.text)}, 'dimension', ${text(p.dimension)}, 'points', ${rounded}::float8, 'eventCount', ${p.count === null ? sql.raw('NULL::int8') : sql`s3.${sql.identifier(`n${i}`)}`}) END`;
  });
  const explanation =
    entries.length === 0 ? sql.raw("'[]'::jsonb") : sql`to_jsonb(array_remove(ARRAY[${sql.join(entries, ',\n      ')}]::jsonb[], NULL))`;

  return sql`SELECT s3.lead_id, s3.fit, s3.engagement, s3.total, ${grade} AS grade, ${stage} AS stage, ${explanation} AS explanation
FROM (${s3}) s3`;
}
