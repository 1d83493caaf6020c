import type { DataSource } from 'typeorm';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ScoringModelQuery {
  constructor(private readonly db: DataSource) {}

  /**
   * The model a request means: the given id (NOT_FOUND when the workspace has
   * no such model), else the workspace's default model, else null.
   */
  async resolveModelId(workspaceId: string, modelId: string | null): Promise<string | null> {
    if (modelId !== null) {
      const rows = UUID.test(modelId)
        ? await this.db.query(`SELECT id FROM scoring_models WHERE workspace_id = $1 AND id = $2`, [workspaceId, modelId])
        : [];
      if (!rows.length) throw new AppError(ErrorCode.NOT_FOUND, `No scoring model with id "${modelId}"`, { field: 'modelId' });
      return rows[0].id;
    }
    const rows = await this.db.query(`SELECT id FROM scoring_models WHERE workspace_id = $1 AND is_default`, [workspaceId]);
    return rows[0]?.id ?? null;
  }
}
