// What publishing a source would change, computed over every lead with the
// SQL backend in one read-only statement; nothing is stored.

import type { DataSource } from 'typeorm';
import { compileSource, compileToSql } from '../dsl';
import type { Diagnostic } from '../dsl';
import { compile, sql } from '../sql';
import type { StageCountRecord } from './leadScore.query';
import { loadModel, loadThresholds, modelSettings } from './scoringModel.store';

export interface RulePreviewRecord {
  valid: boolean;
  diagnostics: Diagnostic[];
  leadCount: number;
  changedCount: number;
  averageTotalBefore: number | null;
  averageTotalAfter: number | null;
  stagesBefore: StageCountRecord[];
  stagesAfter: StageCountRecord[];
  sample: { leadId: string; totalBefore: number | null; totalAfter: number; stageBefore: string | null; stageAfter: string | null }[];
}

/** Largest sample a preview returns. */
export const MAX_PREVIEW_SAMPLE = 200;

export class PreviewService {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Scores every lead under `source` now and compares with the model's current
   * scores (null before the first publish). The sample holds the leads whose
   * total moves most. An invalid source gives valid=false, its diagnostics, and zero counts.
   */
  async previewRules(workspaceId: string, modelId: string, source: string, sampleSize: number): Promise<RulePreviewRecord> {
    const tx = this.db.manager;
    const model = await loadModel(tx, workspaceId, modelId, 'none');
    const thresholds = await loadThresholds(tx, workspaceId, modelId);
    const checked = compileSource(source, { stages: thresholds.map((t) => t.stage) });
    if (!checked.program) {
      return {
        valid: false,
        diagnostics: checked.diagnostics,
        leadCount: 0,
        changedCount: 0,
        averageTotalBefore: null,
        averageTotalAfter: null,
        stagesBefore: [],
        stagesAfter: [],
        sample: [],
      };
    }
    const settings = modelSettings(model, thresholds);
    const scores = compileToSql(checked.program, settings, { workspaceId, asOf: this.now() });
    const statement = sql`
      WITH new AS (${scores}),
      j AS (
        SELECT n.lead_id, o.total AS total_before, n.total AS total_after, o.stage AS stage_before, n.stage AS stage_after
        FROM new n LEFT JOIN lead_scores o
          ON o.workspace_id = ${sql.value(workspaceId)}::uuid AND o.model_id = ${sql.value(modelId)}::uuid AND o.lead_id = n.lead_id
      )
      SELECT count(*)::int AS "leadCount",
        (count(*) FILTER (WHERE total_before IS DISTINCT FROM total_after OR stage_before IS DISTINCT FROM stage_after))::int AS "changedCount",
        round(avg(total_before)::numeric, 2)::float8 AS "averageTotalBefore",
        round(avg(total_after)::numeric, 2)::float8 AS "averageTotalAfter",
        (SELECT coalesce(json_agg(json_build_object('stage', stage, 'count', n) ORDER BY n DESC, stage NULLS FIRST), '[]'::json)
           FROM (SELECT stage_before AS stage, count(*)::int AS n FROM j WHERE total_before IS NOT NULL GROUP BY 1) b) AS "stagesBefore",
        (SELECT coalesce(json_agg(json_build_object('stage', stage, 'count', n) ORDER BY n DESC, stage NULLS FIRST), '[]'::json)
           FROM (SELECT stage_after AS stage, count(*)::int AS n FROM j GROUP BY 1) a) AS "stagesAfter",
        (SELECT coalesce(json_agg(json_build_object('leadId', lead_id, 'totalBefore', total_before, 'totalAfter', total_after,
                 'stageBefore', stage_before, 'stageAfter', stage_after) ORDER BY delta DESC, lead_id), '[]'::json)
           FROM (SELECT *, abs(total_after - coalesce(total_before, 0)) AS delta FROM j
                 ORDER BY delta DESC, lead_id LIMIT ${sql.value(Math.max(0, Math.min(sampleSize, MAX_PREVIEW_SAMPLE)))}) s) AS sample
      FROM j`;
    const { text, values } = compile(statement);
    const [row] = await tx.query(text, values);
    return { valid: true, diagnostics: checked.diagnostics, ...row };
  }
}
