// Reading scores: current scores per lead and model, score history, stats,
// and the outbox of threshold events. Batched for DataLoader: one statement per batch.

import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, isBigint } from '../leads/cursor';
import { SCORE_COLUMNS } from './scoreColumns';
import { THRESHOLD_EVENT_COLUMNS, type LeadScoreRecord, type ScoreChangeRecord, type ThresholdEventRecord } from './model.types';

export interface StageCountRecord {
  stage: string | null;
  count: number;
}

export interface ModelStatsRecord {
  leadCount: number;
  averageTotal: number | null;
  stages: StageCountRecord[];
}

export type StatsPeriod = 'DAY' | 'WEEK' | 'MONTH';

export interface ThresholdEventPage {
  edges: { node: ThresholdEventRecord; cursor: string }[];
  hasNextPage: boolean;
}

/** The opaque, ordered cursor of an outbox row. */
export function thresholdEventCursor(id: string): string {
  return encodeCursor('crossing', [id]);
}

/** The outbox id a cursor stands for; INVALID_CURSOR for anything else. */
export function thresholdEventIdFromCursor(cursor: string): string {
  return decodeCursor('crossing', cursor, 1, [isBigint])[0]!;
}

export class LeadScoreQuery {
  constructor(private readonly db: DataSource) {}

  /** The current score of each (lead, model) pair, null where none. */
  async scores(workspaceId: string, keys: readonly { leadId: string; modelId: string }[]): Promise<(LeadScoreRecord | null)[]> {
    const rows: LeadScoreRecord[] = await this.db.query(
      `SELECT ${SCORE_COLUMNS} FROM unnest($2::uuid[], $3::uuid[]) AS k(lead_id, model_id)
       JOIN lead_scores s ON s.workspace_id = $1 AND s.lead_id = k.lead_id AND s.model_id = k.model_id`,
      [workspaceId, keys.map((k) => k.leadId), keys.map((k) => k.modelId)],
    );
    const byKey = new Map(rows.map((r) => [`${r.leadId}|${r.modelId}`, r]));
    return keys.map((k) => byKey.get(`${k.leadId}|${k.modelId}`) ?? null);
  }

  /** Every current score of each lead under a published model, default model first, then by name. */
  async scoresOfLeads(workspaceId: string, leadIds: readonly string[]): Promise<LeadScoreRecord[][]> {
    const rows: LeadScoreRecord[] = await this.db.query(
      `SELECT ${SCORE_COLUMNS} FROM lead_scores s
       JOIN scoring_models m ON m.workspace_id = s.workspace_id AND m.id = s.model_id AND m.published_version IS NOT NULL
       WHERE s.workspace_id = $1 AND s.lead_id = ANY($2::uuid[])
       ORDER BY m.is_default DESC, m.name`,
      [workspaceId, leadIds],
    );
    return leadIds.map((id) => rows.filter((r) => r.leadId === id));
  }

  /** The newest `first` score changes of each (lead, model) pair, newest first. */
  async history(
    workspaceId: string,
    keys: readonly { leadId: string; modelId: string }[],
    first: number,
  ): Promise<ScoreChangeRecord[][]> {
    const rows: (ScoreChangeRecord & { key: number })[] = await this.db.query(
      `SELECT k.key, c.at, c.version, c.total, c.fit, c.engagement, c.stage
       FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS k(lead_id, model_id, key)
       CROSS JOIN LATERAL (
         SELECT * FROM score_changes c
         WHERE c.workspace_id = $1 AND c.lead_id = k.lead_id AND c.model_id = k.model_id
         ORDER BY c.at DESC, c.id DESC LIMIT $4
       ) c`,
      [workspaceId, keys.map((k) => k.leadId), keys.map((k) => k.modelId), first],
    );
    return keys.map((_, i) => rows.filter((r) => Number(r.key) === i + 1).map(({ key: _key, ...change }) => change));
  }

  /** Leads per stage (most advanced first by count) and the average total, from current scores. */
  async stats(workspaceId: string, modelId: string): Promise<ModelStatsRecord> {
    const stages: (StageCountRecord & { average: number | null })[] = await this.db.query(
      `SELECT s.stage, count(*)::int AS count, avg(s.total) AS average FROM lead_scores s
       WHERE s.workspace_id = $1 AND s.model_id = $2 GROUP BY s.stage ORDER BY count(*) DESC, s.stage NULLS FIRST`,
      [workspaceId, modelId],
    );
    const leadCount = stages.reduce((n, s) => n + s.count, 0);
    const sum = stages.reduce((n, s) => n + (s.average ?? 0) * s.count, 0);
    return {
      leadCount,
      averageTotal: leadCount ? Math.round((sum / leadCount) * 100) / 100 : null,
      stages: stages.map(({ stage, count }) => ({ stage, count })),
    };
  }

  /** The average current total of the leads created in each period between from and to (UTC). */
  async averageTotalByPeriod(workspaceId: string, modelId: string, period: StatsPeriod, from: Date, to: Date) {
    const unit = { DAY: 'day', WEEK: 'week', MONTH: 'month' }[period];
    const rows: { start: Date; leadCount: number; averageTotal: number | null }[] = await this.db.query(
      `SELECT date_trunc($3, l.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS start, count(*)::int AS "leadCount",
              round(avg(s.total)::numeric, 2)::float8 AS "averageTotal"
       FROM lead_scores s JOIN leads l ON l.workspace_id = s.workspace_id AND l.id = s.lead_id
       WHERE s.workspace_id = $1 AND s.model_id = $2 AND l.created_at >= $4 AND l.created_at < $5
       GROUP BY 1 ORDER BY 1`,
      [workspaceId, modelId, unit, from.toISOString(), to.toISOString()],
    );
    return rows;
  }

  /** Threshold events after a cursor, oldest first: the outbox read as a resumable feed. */
  async thresholdEvents(workspaceId: string, modelId: string | null, after: string | null, first: number): Promise<ThresholdEventPage> {
    const afterId = after ? thresholdEventIdFromCursor(after) : '0';
    const rows = await this.thresholdEventsAfterId(workspaceId, modelId, afterId, first + 1);
    return {
      hasNextPage: rows.length > first,
      edges: rows.slice(0, first).map((node) => ({ node, cursor: thresholdEventCursor(node.id) })),
    };
  }

  /** Up to `limit` outbox rows after an id, in id (= commit) order. */
  async thresholdEventsAfterId(workspaceId: string, modelId: string | null, afterId: string, limit: number): Promise<ThresholdEventRecord[]> {
    return this.db.query(
      `SELECT ${THRESHOLD_EVENT_COLUMNS} FROM threshold_events te
       WHERE te.workspace_id = $1 AND ($2::uuid IS NULL OR te.model_id = $2) AND te.id > $3::bigint
       ORDER BY te.id LIMIT $4`,
      [workspaceId, modelId, afterId, limit],
    );
  }

  /** The newest outbox id of the workspace ('0' when none): where a live-only feed starts. */
  async lastThresholdEventId(workspaceId: string): Promise<string> {
    const [row] = await this.db.query(`SELECT coalesce(max(id), 0)::text AS id FROM threshold_events WHERE workspace_id = $1`, [workspaceId]);
    return row.id;
  }
}
