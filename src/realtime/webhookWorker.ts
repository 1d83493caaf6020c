// Sends queued webhook deliveries. Every server process runs one; they share
// the queue in Postgres (webhook_deliveries) without sending a delivery twice
// at once, and a restart loses nothing.
//
// Contract (the README's "Webhooks" section states it for receivers):
// - At least once: a delivery stays pending until a 2xx is received or its
//   attempts are exhausted. A process that dies mid-attempt leaves the
//   delivery claimed for a lease (timeout + leaseMarginMs); after it the
//   delivery is claimed again. Receivers deduplicate on the payload's `id`.
// - In order per (webhook, lead): a delivery is claimed only when no earlier
//   crossing of the same webhook and lead is still pending (queued, in flight
//   or waiting for a retry). A failed delivery no longer blocks later ones.
// - A claim is one statement (FOR UPDATE SKIP LOCKED) that also starts the
//   attempt (attempts + 1) and moves next_attempt_at past the lease, so no
//   transaction stays open during HTTP.

import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { thresholdEventCursor } from '../scoring/leadScore.query';
import { WebhookAttemptOutcome, sendDelivery, type ClaimedDelivery } from './webhookHttp';

export interface WebhookWorkerOptions {
  /** How often to look for due deliveries when idle (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** An attempt with no response headers by then is aborted and counts as failed (default 10,000 ms). */
  readonly timeoutMs?: number;
  /** Attempts before a delivery is marked failed (default 8). */
  readonly maxAttempts?: number;
  /** Wait after the first failed attempt; doubled after each further one (default 10,000 ms). */
  readonly backoffBaseMs?: number;
  /** Longest wait between attempts (default 1 hour). */
  readonly backoffMaxMs?: number;
  /** Each wait is scaled by a random factor in [1 - jitter, 1 + jitter] (default 0.2). */
  readonly jitter?: number;
  /** Deliveries in flight at once in this process (default 20). */
  readonly concurrency?: number;
  /** Added to timeoutMs to make the claim lease (default 30,000 ms). */
  readonly leaseMarginMs?: number;
}

export const WEBHOOK_WORKER_DEFAULTS: Required<WebhookWorkerOptions> = {
  pollIntervalMs: 1000,
  timeoutMs: 10_000,
  maxAttempts: 8,
  backoffBaseMs: 10_000,
  backoffMaxMs: 3_600_000,
  jitter: 0.2,
  concurrency: 20,
  leaseMarginMs: 30_000,
};

/** The wait before the attempt after `attempts` failed ones: base·2^(attempts−1), capped, jittered. */
export function backoffMs(attempts: number, options: Pick<Required<WebhookWorkerOptions>, 'backoffBaseMs' | 'backoffMaxMs' | 'jitter'>): number {
  const plain = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(plain * (1 - options.jitter + 2 * options.jitter * Math.random()));
}

export class WebhookWorker {
  private readonly options: Required<WebhookWorkerOptions>;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly wakeup = new Wakeup();
  private loop: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
    options: WebhookWorkerOptions = {},
  ) {
    this.options = { ...WEBHOOK_WORKER_DEFAULTS, ...options };
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Look for due deliveries now (e.g. when crossings were just committed). */
  wake(): void {
    this.wakeup.notify();
  }

  /** Stops claiming and resolves once the attempts in flight have finished and been recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.notify();
    await this.loop;
    this.loop = null;
    await Promise.all([...this.inFlight]);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const free = this.options.concurrency - this.inFlight.size;
      if (free > 0) {
        try {
          for (const delivery of await this.claim(free)) this.launch(delivery);
        } catch (error) {
          this.logger.error({ err: error }, 'webhook claim failed');
        }
      }
      // A finished attempt may unblock the next delivery of its lead, so it wakes the loop too.
      await this.wakeup.wait(this.options.pollIntervalMs);
    }
  }

  private launch(delivery: ClaimedDelivery): void {
    const job: Promise<void> = this.attempt(delivery)
      .catch((error: unknown) => this.logger.error({ err: error, deliveryId: delivery.id }, 'webhook attempt not recorded; retried after the lease'))
      .finally(() => {
        this.inFlight.delete(job);
        this.wakeup.notify();
      });
    this.inFlight.add(job);
  }

  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const leaseMs = this.options.timeoutMs + this.options.leaseMarginMs;
    // The UPDATE sits in a CTE read by a SELECT: TypeORM returns [rows, count] for a top-level UPDATE.
    const rows: ClaimedRow[] = await this.db.query(
      `WITH due AS (
         SELECT d.workspace_id, d.id FROM webhook_deliveries d
         JOIN webhooks w ON w.workspace_id = d.workspace_id AND w.id = d.webhook_id AND w.enabled
         WHERE d.status = 'pending' AND d.next_attempt_at <= now()
           -- The head of its (webhook, lead) queue. Written as "= the first pending" rather than
           -- NOT EXISTS (an earlier pending): its ORDER BY makes the planner take the pending index even
           -- before the table has statistics (NOT EXISTS then went through the log index: quadratic).
           AND d.threshold_event_id = (
             SELECT e.threshold_event_id FROM webhook_deliveries e
             WHERE e.workspace_id = d.workspace_id AND e.webhook_id = d.webhook_id AND e.lead_id = d.lead_id
               AND e.status = 'pending'
             ORDER BY e.threshold_event_id LIMIT 1)
         ORDER BY d.next_attempt_at, d.id
         LIMIT $1
         FOR UPDATE OF d SKIP LOCKED
       ),
       claimed AS (
       UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + $2::int * interval '1 millisecond'
       FROM due, webhooks w, threshold_events te
       WHERE d.workspace_id = due.workspace_id AND d.id = due.id
         AND w.workspace_id = d.workspace_id AND w.id = d.webhook_id
         AND te.workspace_id = d.workspace_id AND te.id = d.threshold_event_id
       RETURNING d.workspace_id AS "workspaceId", d.id::text AS id, d.attempts, w.url, w.secret,
         te.id::text AS "eventId", te.model_id AS "modelId", te.lead_id AS "leadId", te.version, te.from_stage AS "fromStage",
         te.to_stage AS "toStage", te.direction, te.total_before AS "totalBefore", te.total_after AS "totalAfter",
         te.occurred_at AS "occurredAt"
       )
       SELECT * FROM claimed ORDER BY id::bigint`,
      [limit, leaseMs],
    );
    return rows.map((r) => ({
      workspaceId: r.workspaceId,
      id: r.id,
      attempts: r.attempts,
      url: r.url,
      secret: r.secret,
      payload: {
        id: r.id,
        type: 'threshold.crossed',
        occurredAt: new Date(r.occurredAt).toISOString(),
        data: {
          thresholdEventId: r.eventId,
          cursor: thresholdEventCursor(r.eventId),
          leadId: r.leadId,
          modelId: r.modelId,
          version: r.version,
          fromStage: r.fromStage,
          toStage: r.toStage,
          direction: r.direction,
          totalBefore: r.totalBefore,
          totalAfter: r.totalAfter,
        },
      },
    }));
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const outcome = await sendDelivery(delivery, this.options.timeoutMs);
    // Only the claim that started this attempt may record it (attempts matches): if the lease ran
    // out and another process claimed the delivery again, its record wins.
    const key = [delivery.workspaceId, delivery.id, delivery.attempts] as const;
    switch (outcome.kind) {
      case WebhookAttemptOutcome.DELIVERED:
        await this.db.query(
          `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_status_code = $4, last_error = NULL
           WHERE workspace_id = $1 AND id = $2 AND attempts = $3 AND status = 'pending'`,
          [...key, outcome.statusCode],
        );
        return;
      case WebhookAttemptOutcome.HTTP_ERROR:
      case WebhookAttemptOutcome.TIMEOUT:
      case WebhookAttemptOutcome.NETWORK_ERROR: {
        const finalAttempt = delivery.attempts >= this.options.maxAttempts;
        await this.db.query(
          `UPDATE webhook_deliveries
           SET status = CASE WHEN $4 THEN 'failed' ELSE 'pending' END,
               next_attempt_at = now() + $5::int * interval '1 millisecond', last_status_code = $6, last_error = $7
           WHERE workspace_id = $1 AND id = $2 AND attempts = $3 AND status = 'pending'`,
          [...key, finalAttempt, backoffMs(delivery.attempts, this.options), outcome.statusCode, outcome.error],
        );
        if (finalAttempt) this.logger.warn({ deliveryId: delivery.id, url: delivery.url, error: outcome.error }, 'webhook delivery failed');
        return;
      }
      default: {
        const never: never = outcome;
        throw new Error(`unknown webhook attempt outcome ${JSON.stringify(never)}`);
      }
    }
  }
}

interface ClaimedRow {
  workspaceId: string;
  id: string;
  attempts: number;
  url: string;
  secret: string;
  eventId: string;
  modelId: string;
  leadId: string;
  version: number;
  fromStage: string | null;
  toStage: string | null;
  direction: 'UP' | 'DOWN';
  totalBefore: number | null;
  totalAfter: number;
  occurredAt: Date | string;
}

/** A wake-up that is not lost when notified while nobody waits: the next wait returns at once. */
class Wakeup {
  private pending = false;
  private resolve: (() => void) | null = null;

  notify(): void {
    this.pending = true;
    this.resolve?.();
  }

  async wait(ms: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        timer.unref();
        this.resolve = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.resolve = null;
    }
    this.pending = false;
  }
}
