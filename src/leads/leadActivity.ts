// A lead's last activity, the latest occurred_at of its events, lives in
// `lead_activity`: one narrow row per lead, created with the lead by a trigger
// (migrations/1764300000000-LeadActivity.ts), moved by every event batch
// without rewriting the wide, many-indexed lead row.

/** The last activity of the lead `l`, as a scalar subquery over its lead_activity row. */
export const LAST_ACTIVITY_OF_L = `(SELECT la.last_activity_at FROM lead_activity la WHERE la.workspace_id = l.workspace_id AND la.lead_id = l.id)`;

/**
 * Sets the last activity of leads written with their history (generator, demo
 * seed): $1 the workspace, $2 lead ids and $3 instants (or NULL), pairwise.
 */
export const SET_LAST_ACTIVITY = `UPDATE lead_activity a SET last_activity_at = v.last_at
  FROM unnest($2::uuid[], $3::timestamptz[]) AS v(lead_id, last_at)
  WHERE a.workspace_id = $1 AND a.lead_id = v.lead_id`;
