// Records of webhooks and their deliveries, as the service returns them.

/** pending: queued or being retried; delivered: a 2xx was received; failed: attempts exhausted. */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export const WEBHOOK_DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed'];

export interface WebhookRecord {
  id: string;
  workspaceId: string;
  url: string;
  /** Null: crossings of every model. */
  modelId: string | null;
  /** Null: every crossing; else those whose toStage or fromStage is listed. */
  stages: string[] | null;
  enabled: boolean;
  createdAt: Date;
}

export interface WebhookDeliveryRecord {
  /** Stable over retries: the payload's `id` and the x-leadscore-delivery header. */
  id: string;
  webhookId: string;
  thresholdEventId: string;
  leadId: string;
  status: WebhookDeliveryStatus;
  /** Attempts started so far. */
  attempts: number;
  /** When the next attempt may start; null unless pending. */
  nextAttemptAt: Date | null;
  lastError: string | null;
  lastStatusCode: number | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export const WEBHOOK_COLUMNS = `w.id, w.workspace_id AS "workspaceId", w.url, w.model_id AS "modelId", w.stages, w.enabled,
  w.created_at AS "createdAt"` as const;

export const DELIVERY_COLUMNS = `d.id::text AS id, d.webhook_id AS "webhookId", d.threshold_event_id::text AS "thresholdEventId",
  d.lead_id AS "leadId", d.status, d.attempts, CASE WHEN d.status = 'pending' THEN d.next_attempt_at END AS "nextAttemptAt",
  d.last_error AS "lastError", d.last_status_code AS "lastStatusCode", d.delivered_at AS "deliveredAt",
  d.created_at AS "createdAt"` as const;
