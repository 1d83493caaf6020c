// The columns that make a LeadScoreRecord, in SQL over `lead_scores s`: plain,
// for rows that are scores, and prefixed, for rows that carry a lead and its
// score side by side (the `leads` page, see leads/leadList.query.ts).

import type { LeadScoreRecord } from './model.types';

/** Row key -> column, in LeadScoreRecord's field order; fixed text only. */
const FIELDS: readonly (readonly [keyof LeadScoreRecord, string])[] = [
  ['modelId', 's.model_id'],
  ['leadId', 's.lead_id'],
  ['version', 's.version'],
  ['total', 's.total'],
  ['fit', 's.fit'],
  ['engagement', 's.engagement'],
  ['grade', 's.grade'],
  ['stage', 's.stage'],
  ['explanation', 's.explanation'],
  ['computedAt', 's.computed_at'],
];

function columns(prefix: string): string {
  return FIELDS.map(([key, column]) => `${column} AS "${prefix}${key}"`).join(', ');
}

/** For `SELECT ${SCORE_COLUMNS} FROM lead_scores s`: each row is a LeadScoreRecord. */
export const SCORE_COLUMNS = columns('');

const PREFIX = 'score.';

/** The same columns named `score.<field>`, read back with splitScore. */
export const PREFIXED_SCORE_COLUMNS = columns(PREFIX);

/**
 * PREFIXED_SCORE_COLUMNS of the given LeadScoreRecord fields only, modelId and
 * leadId always; null: all of them. Fixed text only: names pick, never reach the SQL.
 * A score read so is partial: it must not reach a loader that others read whole.
 */
export function prefixedScoreColumns(fields: ReadonlySet<string> | null): string {
  if (fields === null) return PREFIXED_SCORE_COLUMNS;
  return FIELDS.filter(([key]) => key === 'modelId' || key === 'leadId' || fields.has(key))
    .map(([key, column]) => `${column} AS "${PREFIX}${key}"`)
    .join(', ');
}

/** Prefixed column name -> LeadScoreRecord field. */
const FIELD_OF = new Map(FIELDS.map(([key]) => [PREFIX + key, key]));

/**
 * Splits a row selected with PREFIXED_SCORE_COLUMNS into the rest of the row
 * and its score, null when the row has none (an outer join's nulls).
 */
export function splitScore(row: Record<string, unknown>): { rest: Record<string, unknown>; score: LeadScoreRecord | null } {
  const rest: Record<string, unknown> = {};
  const score: Record<string, unknown> = {};
  for (const column in row) {
    const field = FIELD_OF.get(column);
    if (field) score[field] = row[column];
    else rest[column] = row[column];
  }
  return { rest, score: score.leadId == null ? null : (score as unknown as LeadScoreRecord) };
}
