// Reading a model's rows inside a transaction, and turning a stored version
// into a ScoringTarget (compiled program + settings) ready to score.

import type { EntityManager } from 'typeorm';
import { compileSource } from '../dsl';
import type { ModelSettings } from '../dsl/program';
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
import type { ScoringTarget } from './rescore';
import { isUuid } from '../db/uuid';


/**
 * The model row, locked as asked (`share`: scoring reads it and waits for a
 * publish in progress, FOR KEY SHARE so that it never blocks a plain column
 * update such as rescored_at; `update`: the caller changes it). NOT_FOUND when absent.
 */
export async function loadModel(
  tx: EntityManager,
  workspaceId: string,
  modelId: string,
  lock: 'none' | 'share' | 'update',
): Promise<ScoringModelRecord> {
  const suffix = lock === 'share' ? ' FOR KEY SHARE' : lock === 'update' ? ' FOR UPDATE' : '';
  const rows: ScoringModelRecord[] = isUuid(modelId)
    ? await tx.query(`SELECT ${MODEL_COLUMNS} FROM scoring_models m WHERE m.workspace_id = $1 AND m.id = $2${suffix}`, [workspaceId, modelId])
    : [];
  if (!rows.length) throw new AppError(ErrorCode.NOT_FOUND, `No scoring model with id "${modelId}"`, { field: 'modelId' });
  return rows[0];
}

export async function loadThresholds(tx: EntityManager, workspaceId: string, modelId: string): Promise<ThresholdRecord[]> {
  return tx.query(`SELECT ${THRESHOLD_COLUMNS} FROM thresholds t WHERE t.workspace_id = $1 AND t.model_id = $2 ORDER BY t.position`, [
    workspaceId,
    modelId,
  ]);
}

export async function loadVersion(tx: EntityManager, workspaceId: string, modelId: string, version: number): Promise<ModelVersionRecord | null> {
  const rows: ModelVersionRecord[] = await tx.query(
    `SELECT ${VERSION_COLUMNS} FROM model_versions v WHERE v.workspace_id = $1 AND v.model_id = $2 AND v.version = $3`,
    [workspaceId, modelId, version],
  );
  return rows[0] ?? null;
}

export function modelSettings(model: ScoringModelRecord, thresholds: readonly ThresholdRecord[]): ModelSettings {
  return {
    minScore: model.minScore,
    maxScore: model.maxScore,
    gradeBands: model.gradeBands,
    thresholds: thresholds.map((t) => ({ stage: t.stage, minScore: t.minScore, minFit: t.minFit, position: t.position })),
  };
}

/**
 * Compiles a source against the model's stages; RULES_INVALID with every
 * diagnostic when it has an error (a qualify naming a missing stage included).
 */
export function compileForModel(
  source: string,
  model: ScoringModelRecord,
  thresholds: readonly ThresholdRecord[],
  version: number,
): ScoringTarget {
  const result = compileSource(source, { stages: thresholds.map((t) => t.stage) });
  if (!result.program) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new AppError(
      ErrorCode.RULES_INVALID,
      `The rules have ${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors
        .slice(0, 3)
        .map((d) => `line ${d.line}:${d.column} ${d.message}`)
        .join('; ')}`,
      { diagnostics: result.diagnostics },
    );
  }
  return {
    workspaceId: model.workspaceId,
    modelId: model.id,
    version,
    program: result.program,
    settings: modelSettings(model, thresholds),
  };
}

/** The published version of the model as a ScoringTarget, or null before the first publish. */
export async function loadPublishedTarget(tx: EntityManager, model: ScoringModelRecord): Promise<ScoringTarget | null> {
  if (model.publishedVersion === null) return null;
  const [thresholds, version] = await Promise.all([
    loadThresholds(tx, model.workspaceId, model.id),
    loadVersion(tx, model.workspaceId, model.id, model.publishedVersion),
  ]);
  if (!version) return null;
  return compileForModel(version.source, model, thresholds, version.version);
}
