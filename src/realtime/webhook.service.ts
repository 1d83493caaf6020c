// Webhook administration and the delivery log. Deliveries are queued by
// webhookSink and sent by WebhookWorker; this service only reads and manages.

import type { DataSource } from 'typeorm';
import { DISQUALIFIED_STAGE } from '../dsl/program';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import { isUuid } from '../db/uuid';
import { decodeCursor, encodeCursor, isBigint } from '../leads/cursor';
import { newWebhookSecret } from './webhookSignature';
import {
  DELIVERY_COLUMNS,
  WEBHOOK_COLUMNS,
  type WebhookDeliveryRecord,
  type WebhookDeliveryStatus,
  type WebhookRecord,
} from './webhook.types';

/** Limits on what an admin registers. */
export const WEBHOOK_LIMITS = { urlLength: 2048, stages: 50, stageLength: 100 } as const;

export interface CreateWebhookFields {
  readonly url: string;
  readonly modelId?: string | null;
  readonly stages?: readonly string[] | null;
}

export interface DeliveryFilter {
  readonly webhookId?: string | null;
  readonly status?: WebhookDeliveryStatus | null;
}

export interface DeliveryPage {
  edges: { node: WebhookDeliveryRecord; cursor: string }[];
  hasNextPage: boolean;
}

export class WebhookService {
  constructor(private readonly db: DataSource) {}

  /** Registers an endpoint; the secret is returned here only. */
  async createWebhook(workspaceId: string, input: CreateWebhookFields): Promise<{ webhook: WebhookRecord; secret: string }> {
    const url = checkUrl(input.url);
    const stages = input.stages == null ? null : checkStages(input.stages);
    const modelId = input.modelId ?? null;
    if (modelId !== null) await this.checkModel(workspaceId, modelId, stages);
    const secret = newWebhookSecret();
    const [webhook]: WebhookRecord[] = await this.db.query(
      `INSERT INTO webhooks AS w (workspace_id, url, secret, model_id, stages) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${WEBHOOK_COLUMNS}`,
      [workspaceId, url, secret, modelId, stages],
    );
    return { webhook, secret };
  }

  /** Every webhook of the workspace, oldest first. */
  webhooks(workspaceId: string): Promise<WebhookRecord[]> {
    return this.db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.workspace_id = $1 ORDER BY w.created_at, w.id`, [workspaceId]);
  }

  /**
   * Disabled: new crossings are not queued for it, and its queued deliveries
   * wait (they are sent, in order, once it is enabled again).
   */
  async setWebhookEnabled(workspaceId: string, id: string, enabled: boolean): Promise<WebhookRecord> {
    const rows: WebhookRecord[] = isUuid(id)
      ? await this.db.query(
          // In a CTE read by a SELECT: TypeORM returns [rows, count] for a top-level UPDATE ... RETURNING.
          `WITH w AS (UPDATE webhooks SET enabled = $3 WHERE workspace_id = $1 AND id = $2 RETURNING *) SELECT ${WEBHOOK_COLUMNS} FROM w`,
          [workspaceId, id, enabled],
        )
      : [];
    if (!rows[0]) throw notFound(id);
    return rows[0];
  }

  /** Deletes the webhook and its deliveries (sent or not). */
  async deleteWebhook(workspaceId: string, id: string): Promise<boolean> {
    const rows = isUuid(id)
      ? await this.db.query(`WITH gone AS (DELETE FROM webhooks WHERE workspace_id = $1 AND id = $2 RETURNING id) SELECT id FROM gone`, [workspaceId, id])
      : [];
    if (!rows[0]) throw notFound(id);
    return true;
  }

  /** The delivery log, newest first, after a cursor of this list. */
  async deliveries(workspaceId: string, filter: DeliveryFilter, after: string | null, first: number): Promise<DeliveryPage> {
    const webhookId = filter.webhookId ?? null;
    if (webhookId !== null) {
      const found = isUuid(webhookId) ? await this.db.query(`SELECT 1 FROM webhooks WHERE workspace_id = $1 AND id = $2`, [workspaceId, webhookId]) : [];
      if (!found.length) throw notFound(webhookId);
    }
    const before = after === null ? null : decodeCursor('webhook-delivery', after, 1, [isBigint])[0]!;
    const rows: WebhookDeliveryRecord[] = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
       WHERE d.workspace_id = $1 AND ($2::uuid IS NULL OR d.webhook_id = $2) AND ($3::text IS NULL OR d.status = $3)
         AND ($4::bigint IS NULL OR d.id < $4)
       ORDER BY d.id DESC LIMIT $5`,
      [workspaceId, webhookId, filter.status ?? null, before, first + 1],
    );
    return {
      edges: rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor('webhook-delivery', [node.id]) })),
      hasNextPage: rows.length > first,
    };
  }

  /** NOT_FOUND for an unknown model; UNKNOWN_STAGE for a stage that is not one of its thresholds (or disqualified). */
  private async checkModel(workspaceId: string, modelId: string, stages: readonly string[] | null): Promise<void> {
    const [model]: { stages: string[] }[] = isUuid(modelId)
      ? await this.db.query(
          `SELECT array(SELECT t.stage FROM thresholds t WHERE t.workspace_id = m.workspace_id AND t.model_id = m.id) AS stages
           FROM scoring_models m WHERE m.workspace_id = $1 AND m.id = $2`,
          [workspaceId, modelId],
        )
      : [];
    if (!model) throw new AppError(ErrorCode.NOT_FOUND, `No scoring model with id "${modelId}"`, { field: 'modelId' });
    const unknown = (stages ?? []).find((s) => s !== DISQUALIFIED_STAGE && !model.stages.includes(s));
    if (unknown !== undefined) {
      throw new AppError(ErrorCode.UNKNOWN_STAGE, `"${unknown}" is not a stage of the model (${model.stages.join(', ') || 'none'})`, {
        field: 'stages',
      });
    }
  }
}

/** An absolute http(s) URL, at most WEBHOOK_LIMITS.urlLength characters; returned normalised. */
function checkUrl(raw: string): string {
  const invalid = (why: string) => new AppError(ErrorCode.INVALID_WEBHOOK, `Invalid webhook URL: ${why}`, { field: 'url' });
  if (raw.length > WEBHOOK_LIMITS.urlLength) throw invalid(`longer than ${WEBHOOK_LIMITS.urlLength} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`"${raw.slice(0, 100)}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`the scheme must be http or https, got "${url.protocol}"`);
  return url.toString();
}

/** One to WEBHOOK_LIMITS.stages distinct, non-blank stage names; null means every stage, so an empty list is refused. */
function checkStages(stages: readonly string[]): string[] {
  const invalid = (why: string) => new AppError(ErrorCode.INVALID_WEBHOOK, `Invalid webhook stages: ${why}`, { field: 'stages' });
  if (stages.length === 0) throw invalid('an empty list would match nothing; leave stages out for every stage');
  if (stages.length > WEBHOOK_LIMITS.stages) throw invalid(`at most ${WEBHOOK_LIMITS.stages}`);
  for (const stage of stages) {
    if (stage.trim() === '' || stage.length > WEBHOOK_LIMITS.stageLength) throw invalid(`"${stage.slice(0, 100)}" is blank or too long`);
  }
  return [...new Set(stages)];
}

function notFound(id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `No webhook with id "${id.slice(0, 100)}"`, { field: 'id' });
}
