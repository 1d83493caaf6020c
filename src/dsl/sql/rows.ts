// Mapping a row of compileToSql's statement back to ScoreResult (tests, and
// callers that read scores through node-postgres: float8 arrives as a number,
// jsonb parsed).

import type { Contribution, ScoreResult } from '../facts';

export interface ScoreRow {
  readonly lead_id: string;
  readonly fit: number;
  readonly engagement: number;
  readonly total: number;
  readonly grade: string;
  readonly stage: string | null;
  readonly explanation: readonly Contribution[];
}

export function scoreRowToResult(row: ScoreRow): { leadId: string; result: ScoreResult } {
  return {
    leadId: row.lead_id,
    result: {
      fit: Number(row.fit),
      engagement: Number(row.engagement),
      total: Number(row.total),
      grade: row.grade,
      stage: row.stage,
      explanation: row.explanation.map((c) => ({
        line: Number(c.line),
        rule: c.rule,
        dimension: c.dimension,
        points: Number(c.points),
        eventCount: c.eventCount === null ? null : Number(c.eventCount),
      })),
    },
  };
}
