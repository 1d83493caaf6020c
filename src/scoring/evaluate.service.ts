// Scoring one lead at any instant with the JS backend, storing nothing:
// what-if for a source, and backtesting (a lead's score as it was on a date).

import type { DataSource } from 'typeorm';
import { planJs } from '../dsl';
import type { ScoreResult } from '../dsl/facts';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import { EVENT_COLUMNS, LEAD_COLUMNS, type EventRecord, type LeadRecord } from '../leads/lead.model';
import { eventFacts, leadFacts } from './leadFacts';
import { compileForModel, loadModel, loadPublishedTarget, loadThresholds } from './scoringModel.store';
import { isUuid } from '../db/uuid';

export interface Evaluation extends ScoreResult {
  readonly modelId: string;
  /** The version scored; 0 for a source that is not stored. */
  readonly version: number;
  readonly computedAt: Date;
}

export class EvaluateService {
  constructor(private readonly db: DataSource) {}

  /**
   * Scores the lead under `source` (validated against the model's stages;
   * RULES_INVALID when it has errors) or else the model's published version
   * (NO_DRAFT-like NOT_FOUND before the first publish), at `asOf`.
   */
  async evaluateLead(workspaceId: string, leadId: string, modelId: string, source: string | null, asOf: Date): Promise<Evaluation> {
    const tx = this.db.manager;
    const model = await loadModel(tx, workspaceId, modelId, 'none');
    const target =
      source !== null
        ? compileForModel(source, model, await loadThresholds(tx, workspaceId, modelId), 0)
        : await loadPublishedTarget(tx, model);
    if (!target) {
      throw new AppError(ErrorCode.NOT_FOUND, 'This model has no published version yet: pass a source, or publish first', { field: 'modelId' });
    }
    const leads: LeadRecord[] = isUuid(leadId)
      ? await tx.query(`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.workspace_id = $1 AND l.id = $2`, [workspaceId, leadId])
      : [];
    if (!leads.length) throw new AppError(ErrorCode.NOT_FOUND, `No lead with id "${leadId}"`, { field: 'leadId' });
    const events: EventRecord[] = await tx.query(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.workspace_id = $1 AND e.lead_id = $2 AND e.occurred_at <= $3`,
      [workspaceId, leadId, asOf.toISOString()],
    );
    const score = planJs(target.program, target.settings)(leadFacts(leads[0]), events.map(eventFacts), asOf.getTime());
    return { ...score, modelId: model.id, version: target.version, computedAt: asOf };
  }
}
