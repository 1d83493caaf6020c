// Queues webhook deliveries in the transaction that writes crossings, so a
// crossing is committed together with its deliveries or not at all.

import type { CrossingSink } from './crossingSink';

/**
 * One set-based statement: a pending delivery per (enabled webhook that
 * matches, threshold event of the workspace above `afterId`). A webhook
 * matches when its model is null or the event's model, and its stages are
 * null or contain the event's to_stage or from_stage (so a webhook on "SQL"
 * hears of leads reaching SQL and of leads leaving it).
 *
 * Delivery ids are taken in threshold-event order; the caller holds the
 * workspace's outbox lock until commit, so they also follow commit order.
 */
export const webhookSink: CrossingSink = {
  async written(tx, workspaceId, afterId) {
    await tx.query(
      `INSERT INTO webhook_deliveries (workspace_id, webhook_id, threshold_event_id, lead_id)
       SELECT te.workspace_id, w.id, te.id, te.lead_id
       FROM threshold_events te
       JOIN webhooks w ON w.workspace_id = te.workspace_id
       WHERE te.workspace_id = $1::uuid AND te.id > $2::bigint AND w.enabled
         AND (w.model_id IS NULL OR w.model_id = te.model_id)
         AND (w.stages IS NULL OR te.to_stage = ANY (w.stages) OR te.from_stage = ANY (w.stages))
       ORDER BY te.id, w.id
       ON CONFLICT (workspace_id, webhook_id, threshold_event_id) DO NOTHING`,
      [workspaceId, afterId],
    );
  },
};
