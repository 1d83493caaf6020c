// What admins do to models: create, save a draft, set thresholds, publish
// (or roll back to an older version), rescore. Each call is one transaction:
// it either happens whole, scores and crossings included, or not at all.

import type { DataSource, EntityManager } from 'typeorm';
import { compileSource } from '../dsl';
import { DEFAULT_GRADE_BANDS } from '../dsl/program';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import { isUniqueViolation } from '../db/pgErrors';
import { MODEL_COLUMNS, VERSION_COLUMNS, type ModelVersionRecord, type ScoringModelRecord } from './model.types';
import type { CrossingSink } from '../realtime/crossingSink';
import { rescoreLeads, type RescoreOutcome } from './rescore';
import { compileForModel, loadModel, loadPublishedTarget, loadThresholds, loadVersion } from './scoringModel.store';
import { validateThresholds, type ThresholdFields } from './threshold.validation';

export interface CreateModelFields {
  name: string;
  description?: string | null;
  minScore?: number | null;
  maxScore?: number | null;
  isDefault?: boolean | null;
  source?: string | null;
  thresholds?: readonly ThresholdFields[] | null;
}

/** Longest model name and rule source accepted. */
export const MAX_MODEL_NAME_LENGTH = 200;

export class ScoringModelService {
  constructor(
    private readonly db: DataSource,
    /** Told of threshold events written (NOTIFY, webhooks). */
    private readonly sink: CrossingSink,
    /** The clock; tests and the scheduler may move it. Default: now. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Creates a model; the workspace's first model, or one created with
   * isDefault, becomes the default. A given source is stored as the draft
   * (RULES_INVALID when it has errors); thresholds are validated as in setThresholds.
   */
  async createScoringModel(workspaceId: string, input: CreateModelFields): Promise<ScoringModelRecord> {
    const name = input.name.trim();
    const minScore = input.minScore ?? 0;
    const maxScore = input.maxScore ?? 100;
    if (!name || name.length > MAX_MODEL_NAME_LENGTH) {
      throw new AppError(ErrorCode.INVALID_MODEL, `A model name has 1 to ${MAX_MODEL_NAME_LENGTH} characters`, { field: 'name' });
    }
    if (!Number.isFinite(minScore) || !Number.isFinite(maxScore) || minScore >= maxScore) {
      throw new AppError(ErrorCode.INVALID_MODEL, `minScore (${minScore}) must be below maxScore (${maxScore})`, { field: 'minScore' });
    }
    const thresholds = validateThresholds(input.thresholds ?? [], minScore, maxScore);
    try {
      return await this.db.transaction(async (tx) => {
        const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM scoring_models WHERE workspace_id = $1`, [workspaceId]);
        const isDefault = input.isDefault === true || count === 0;
        if (isDefault) await tx.query(`UPDATE scoring_models SET is_default = false WHERE workspace_id = $1 AND is_default`, [workspaceId]);
        const [model]: ScoringModelRecord[] = await tx.query(
          `INSERT INTO scoring_models AS m (workspace_id, name, description, min_score, max_score, grade_bands, is_default)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${MODEL_COLUMNS}`,
          [workspaceId, name, input.description ?? null, minScore, maxScore, JSON.stringify(DEFAULT_GRADE_BANDS), isDefault],
        );
        await this.writeThresholds(tx, model, thresholds);
        if (input.source != null) {
          compileForModel(input.source, model, await loadThresholds(tx, workspaceId, model.id), 1);
          await tx.query(`INSERT INTO model_versions (workspace_id, model_id, version, source) VALUES ($1, $2, 1, $3)`, [
            workspaceId,
            model.id,
            input.source,
          ]);
          await tx.query(`UPDATE scoring_models SET draft_version = 1 WHERE workspace_id = $1 AND id = $2`, [workspaceId, model.id]);
          model.draftVersion = 1;
        }
        return model;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(ErrorCode.INVALID_MODEL, `A model named "${name}" already exists`, { field: 'name' });
      }
      throw error;
    }
  }

  /**
   * Stores the source as the model's draft, replacing an unpublished draft
   * (published versions are never changed). RULES_INVALID with every
   * diagnostic when the source has an error; the previous draft then stays.
   */
  async saveDraft(workspaceId: string, modelId: string, source: string): Promise<ModelVersionRecord> {
    return this.db.transaction(async (tx) => {
      const model = await loadModel(tx, workspaceId, modelId, 'update');
      compileForModel(source, model, await loadThresholds(tx, workspaceId, modelId), 0);
      if (model.draftVersion !== null) {
        const [rows] = await tx.query(
          `UPDATE model_versions v SET source = $4, created_at = now()
           WHERE v.workspace_id = $1 AND v.model_id = $2 AND v.version = $3 RETURNING ${VERSION_COLUMNS}`,
          [workspaceId, modelId, model.draftVersion, source],
        );
        return rows[0];
      }
      const [version]: ModelVersionRecord[] = await tx.query(
        `INSERT INTO model_versions AS v (workspace_id, model_id, version, source)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $3 FROM model_versions WHERE workspace_id = $1 AND model_id = $2
         RETURNING ${VERSION_COLUMNS}`,
        [workspaceId, modelId, source],
      );
      await tx.query(`UPDATE scoring_models SET draft_version = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [
        workspaceId,
        modelId,
        version.version,
      ]);
      return version;
    });
  }

  /**
   * Replaces the model's thresholds (in the given order, minScore ascending),
   * then re-stages every lead under the published version, recording crossings.
   * Refuses thresholds out of order or outside the limits (INVALID_THRESHOLDS),
   * and a set that drops a stage the published rules qualify to (RULES_INVALID).
   */
  async setThresholds(workspaceId: string, modelId: string, input: readonly ThresholdFields[]): Promise<ScoringModelRecord> {
    return this.db.transaction(async (tx) => {
      const model = await loadModel(tx, workspaceId, modelId, 'update');
      const thresholds = validateThresholds(input, model.minScore, model.maxScore);
      await this.writeThresholds(tx, model, thresholds);
      await tx.query(`UPDATE scoring_models SET updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, modelId]);
      const target = await loadPublishedTarget(tx, model);
      if (target) await rescoreLeads(tx, target, { asOf: this.now(), leadIds: null, returnCrossings: false, sink: this.sink });
      return model;
    });
  }

  /**
   * Publishes the draft, or `version` when given (an older version again is a
   * rollback), and rescores every lead in the same transaction: nobody ever
   * sees the new version with old scores. NO_DRAFT when there is nothing to
   * publish; CONFLICT when another publish of the model is running.
   */
  async publishModel(workspaceId: string, modelId: string, version?: number | null): Promise<{ model: ScoringModelRecord; outcome: RescoreOutcome }> {
    return this.db.transaction(async (tx) => {
      await this.claimPublish(tx, workspaceId, modelId);
      const model = await loadModel(tx, workspaceId, modelId, 'update');
      const chosen = version ?? model.draftVersion;
      if (chosen == null) {
        throw new AppError(ErrorCode.NO_DRAFT, 'This model has no draft to publish: save one with saveDraft first', { field: 'modelId' });
      }
      const stored = await loadVersion(tx, workspaceId, modelId, chosen);
      if (!stored) throw new AppError(ErrorCode.NOT_FOUND, `This model has no version ${chosen}`, { field: 'version' });
      const target = compileForModel(stored.source, model, await loadThresholds(tx, workspaceId, modelId), chosen);
      // TypeORM returns [rows, count] for UPDATE ... RETURNING.
      const [[updated]]: [ScoringModelRecord[], number] = await tx.query(
        `UPDATE scoring_models m SET published_version = $3, draft_version = CASE WHEN draft_version = $3 THEN NULL ELSE draft_version END,
           updated_at = now()
         WHERE m.workspace_id = $1 AND m.id = $2 RETURNING ${MODEL_COLUMNS}`,
        [workspaceId, modelId, chosen],
      );
      await tx.query(
        `UPDATE model_versions SET published_at = coalesce(published_at, now()) WHERE workspace_id = $1 AND model_id = $2 AND version = $3`,
        [workspaceId, modelId, chosen],
      );
      const asOf = this.now();
      const outcome = await rescoreLeads(tx, target, { asOf, leadIds: null, returnCrossings: false, sink: this.sink });
      await this.markRescored(tx, workspaceId, modelId, asOf);
      return { model: updated, outcome };
    });
  }

  /** Rescores every lead under the published version now; returns how many. NO_DRAFT-free: 0 before the first publish. */
  async rescore(workspaceId: string, modelId: string, asOf: Date = this.now()): Promise<RescoreOutcome> {
    return this.db.transaction(async (tx) => {
      const model = await loadModel(tx, workspaceId, modelId, 'share');
      const target = await loadPublishedTarget(tx, model);
      if (!target) return { rescored: 0, crossingCount: 0, crossings: [] };
      const outcome = await rescoreLeads(tx, target, { asOf, leadIds: null, returnCrossings: false, sink: this.sink });
      await this.markRescored(tx, workspaceId, modelId, asOf);
      return outcome;
    });
  }

  /**
   * The scheduler's rescore: rescores the model at `asOf` unless another
   * process is rescoring it right now or did since `dueBefore`; returns null
   * when skipped. The claim is a transaction-level advisory lock, so it is
   * released by commit, rollback or a dead connection alike.
   */
  async rescoreIfDue(workspaceId: string, modelId: string, asOf: Date, dueBefore: Date): Promise<RescoreOutcome | null> {
    return this.db.transaction(async (tx) => {
      const [{ claimed }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext('leadscore.rescore'), hashtext($1::text)) AS claimed`, [
        modelId,
      ]);
      if (!claimed) return null;
      const due = await tx.query(
        `SELECT 1 FROM scoring_models WHERE workspace_id = $1 AND id = $2 AND published_version IS NOT NULL
           AND (rescored_at IS NULL OR rescored_at <= $3)`,
        [workspaceId, modelId, dueBefore.toISOString()],
      );
      if (!due.length) return null;
      const model = await loadModel(tx, workspaceId, modelId, 'share');
      const target = await loadPublishedTarget(tx, model);
      if (!target) return null;
      const outcome = await rescoreLeads(tx, target, { asOf, leadIds: null, returnCrossings: false, sink: this.sink });
      await this.markRescored(tx, workspaceId, modelId, asOf);
      return outcome;
    });
  }

  /** Validates a source against a model's stages (or none), storing nothing. */
  async validateRules(workspaceId: string, source: string, modelId: string | null) {
    const stages = modelId ? (await loadThresholds(this.db.manager, workspaceId, (await loadModel(this.db.manager, workspaceId, modelId, 'none')).id)).map((t) => t.stage) : undefined;
    return compileSource(source, { stages });
  }

  /** One publish of a model at a time: a second concurrent one fails at once instead of queueing. */
  private async claimPublish(tx: EntityManager, workspaceId: string, modelId: string): Promise<void> {
    const [{ claimed }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext('publish:' || $1 || ':' || $2)) AS claimed`, [
      workspaceId,
      modelId,
    ]);
    if (!claimed) throw new AppError(ErrorCode.CONFLICT, 'Another publish of this model is running; try again when it has finished');
  }

  private async markRescored(tx: EntityManager, workspaceId: string, modelId: string, asOf: Date): Promise<void> {
    await tx.query(`UPDATE scoring_models SET rescored_at = $3 WHERE workspace_id = $1 AND id = $2`, [workspaceId, modelId, asOf.toISOString()]);
  }

  private async writeThresholds(tx: EntityManager, model: ScoringModelRecord, thresholds: readonly ThresholdFields[]): Promise<void> {
    await tx.query(`DELETE FROM thresholds WHERE workspace_id = $1 AND model_id = $2`, [model.workspaceId, model.id]);
    if (!thresholds.length) return;
    await tx.query(
      `INSERT INTO thresholds (workspace_id, model_id, stage, min_score, min_fit, position)
       SELECT $1, $2, t.stage, t.min_score, t.min_fit, t.position
       FROM jsonb_to_recordset($3::jsonb) AS t(stage text, min_score float8, min_fit float8, position int)`,
      [
        model.workspaceId,
        model.id,
        JSON.stringify(thresholds.map((t, position) => ({ stage: t.stage, min_score: t.minScore, min_fit: t.minFit ?? null, position }))),
      ],
    );
  }
}
