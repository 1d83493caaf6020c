import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints and their delivery queue (a Postgres job queue: rows are
 * claimed with FOR UPDATE SKIP LOCKED, so every server process shares the work
 * and a restart loses nothing).
 *
 * As everywhere, workspace_id leads every primary and unique key.
 */
export class Webhooks1764100000000 implements MigrationInterface {
  name = 'Webhooks1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // model_id null: every model; stages null: every crossing. The secret signs
    // payloads, so it is kept as is (it is shown to the admin only at creation).
    await q.query(`
      CREATE TABLE webhooks (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        url text NOT NULL,
        secret text NOT NULL,
        model_id uuid,
        stages text[],
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        PRIMARY KEY (workspace_id, id),
        FOREIGN KEY (workspace_id, model_id) REFERENCES scoring_models (workspace_id, id) ON DELETE CASCADE
      )`);

    // One row per (webhook, crossing). While pending, next_attempt_at is when it
    // may be claimed; a claim moves it forward by a lease, so a delivery whose
    // process died mid-attempt is claimed again once the lease runs out.
    await q.query(`
      CREATE TABLE webhook_deliveries (
        workspace_id uuid NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        webhook_id uuid NOT NULL,
        threshold_event_id bigint NOT NULL,
        lead_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        last_status_code integer,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, webhook_id, threshold_event_id),
        FOREIGN KEY (workspace_id, webhook_id) REFERENCES webhooks (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, threshold_event_id) REFERENCES threshold_events (workspace_id, id) ON DELETE CASCADE
      )`);
    // Claiming: the due pending rows, soonest first (small: only pending rows).
    await q.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending'`);
    // Order per lead: "is an earlier crossing of this webhook and lead still pending?"
    await q.query(
      `CREATE INDEX webhook_deliveries_lead_pending_idx ON webhook_deliveries (workspace_id, webhook_id, lead_id, threshold_event_id) WHERE status = 'pending'`,
    );
    // The delivery log: newest first, by webhook or status.
    await q.query(`CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (workspace_id, webhook_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhook_deliveries`);
    await q.query(`DROP TABLE IF EXISTS webhooks`);
  }
}
