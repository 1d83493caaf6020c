// One HTTP attempt of a webhook delivery: the payload, the signed request, and
// what came of it. No database here: the worker records the outcome.

import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signPayload } from './webhookSignature';

/** The JSON body POSTed for a crossing. `id` is the delivery id, the same on every retry (deduplicate on it). */
export interface WebhookPayload {
  id: string;
  type: 'threshold.crossed';
  /** When the crossing was committed (ISO 8601). */
  occurredAt: string;
  data: {
    thresholdEventId: string;
    /** The crossing's cursor in the GraphQL `thresholdEvents` feed (ThresholdEvent.cursor). */
    cursor: string;
    leadId: string;
    modelId: string;
    version: number;
    fromStage: string | null;
    toStage: string | null;
    direction: 'UP' | 'DOWN';
    totalBefore: number | null;
    totalAfter: number;
  };
}

/** A delivery claimed for one attempt. */
export interface ClaimedDelivery {
  readonly workspaceId: string;
  readonly id: string;
  /** This attempt's number (1 for the first). */
  readonly attempts: number;
  readonly url: string;
  readonly secret: string;
  readonly payload: WebhookPayload;
}

export const WebhookAttemptOutcome = {
  DELIVERED: 'delivered',
  HTTP_ERROR: 'http_error',
  TIMEOUT: 'timeout',
  NETWORK_ERROR: 'network_error',
} as const;

export type AttemptOutcome =
  | { kind: typeof WebhookAttemptOutcome.DELIVERED; statusCode: number }
  | { kind: typeof WebhookAttemptOutcome.HTTP_ERROR; statusCode: number; error: string }
  | { kind: typeof WebhookAttemptOutcome.TIMEOUT; statusCode: null; error: string }
  | { kind: typeof WebhookAttemptOutcome.NETWORK_ERROR; statusCode: null; error: string };

const USER_AGENT = 'leadscore-webhooks/1';

/**
 * POSTs the payload, signed at the attempt's time. A 2xx is success; any other
 * status (redirects are not followed), a network error, or no response headers
 * within `timeoutMs` is a failure. Never throws.
 */
export async function sendDelivery(delivery: ClaimedDelivery, timeoutMs: number): Promise<AttemptOutcome> {
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        [DELIVERY_HEADER]: delivery.id,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signPayload(delivery.secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: controller.signal,
    });
    // The body is not needed; cancelling it frees the connection without reading a large answer.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { kind: WebhookAttemptOutcome.DELIVERED, statusCode: response.status };
    return { kind: WebhookAttemptOutcome.HTTP_ERROR, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    if (controller.signal.aborted) {
      return { kind: WebhookAttemptOutcome.TIMEOUT, statusCode: null, error: `timed out after ${timeoutMs} ms` };
    }
    return { kind: WebhookAttemptOutcome.NETWORK_ERROR, statusCode: null, error: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** fetch reports "fetch failed" and hides the reason (ECONNREFUSED, ENOTFOUND, ...) in `cause`. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const reason = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (error as Error).message;
  return `network error: ${String(reason)}`.slice(0, 500);
}
