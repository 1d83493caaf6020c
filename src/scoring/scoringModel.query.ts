// Reading models, their versions and thresholds; batched for DataLoader.

import type { DataSource } from 'typeorm';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import {
  MODEL_COLUMNS,
  THRESHOLD_COLUMNS,
  VERSION_COLUMNS,
  type ModelVersionRecord,
  type ScoringModelRecord,
  type ThresholdRecord,
} from './model.types';
import { isUuid } from '../db/uuid';


export class ScoringModelQuery {
  constructor(private readonly db: DataSource) {}

  /**
   * The model a request means: the given id (NOT_FOUND when the workspace has
   * no such model), else the workspace's default model, else null.
   */
  async resolveModelId(workspaceId: string, modelId: string | null): Promise<string | null> {
    if (modelId !== null) {
      const [model] = await this.modelsByIds(workspaceId, [modelId]);
      if (!model) throw new AppError(ErrorCode.NOT_FOUND, `No scoring model with id "${modelId}"`, { field: 'modelId' });
      return model.id;
    }
    const rows = await this.db.query(`SELECT id FROM scoring_models WHERE workspace_id = $1 AND is_default`, [workspaceId]);
    return rows[0]?.id ?? null;
  }

  /** Models by id, in the order asked, null where none. */
  async modelsByIds(workspaceId: string, ids: readonly string[]): Promise<(ScoringModelRecord | null)[]> {
    const valid = ids.filter((id) => isUuid(id));
    const rows: ScoringModelRecord[] = valid.length
      ? await this.db.query(`SELECT ${MODEL_COLUMNS} FROM scoring_models m WHERE m.workspace_id = $1 AND m.id = ANY($2::uuid[])`, [
          workspaceId,
          valid,
        ])
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  /** Every model of the workspace, the default first, then by name. */
  async models(workspaceId: string): Promise<ScoringModelRecord[]> {
    return this.db.query(`SELECT ${MODEL_COLUMNS} FROM scoring_models m WHERE m.workspace_id = $1 ORDER BY m.is_default DESC, m.name`, [
      workspaceId,
    ]);
  }

  /** The thresholds of each model, lowest stage first. */
  async thresholdsOfModels(workspaceId: string, modelIds: readonly string[]): Promise<ThresholdRecord[][]> {
    const rows: ThresholdRecord[] = await this.db.query(
      `SELECT ${THRESHOLD_COLUMNS} FROM thresholds t WHERE t.workspace_id = $1 AND t.model_id = ANY($2::uuid[]) ORDER BY t.position`,
      [workspaceId, modelIds],
    );
    return modelIds.map((id) => rows.filter((r) => r.modelId === id));
  }

  /** Every version of each model, newest first. */
  async versionsOfModels(workspaceId: string, modelIds: readonly string[]): Promise<ModelVersionRecord[][]> {
    const rows: ModelVersionRecord[] = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM model_versions v WHERE v.workspace_id = $1 AND v.model_id = ANY($2::uuid[]) ORDER BY v.version DESC`,
      [workspaceId, modelIds],
    );
    return modelIds.map((id) => rows.filter((r) => r.modelId === id));
  }
}
