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

/**
 * The end of a statement that stored events in a CTE `stored` (lead_id,
 * occurred_at): moves those leads' last activity forward, and returns how many
 * events were stored (`accepted`) and the leads that got one (`leadIds`). $1
 * is the workspace; `leadIds` is the placeholder of the batch's lead ids, which
 * keeps the update an index lookup whatever the planner guesses of `stored`.
 */
export function afterEventsStored(leadIds: '$2' | '$3'): string {
  return `touched AS (
    UPDATE lead_activity AS a SET last_activity_at = t.last_at
    FROM (SELECT lead_id, max(occurred_at) AS last_at FROM stored GROUP BY lead_id) AS t
    WHERE a.workspace_id = $1 AND a.lead_id = ANY(${leadIds}::uuid[]) AND a.lead_id = t.lead_id
      AND (a.last_activity_at IS NULL OR a.last_activity_at < t.last_at)
  )
  SELECT (SELECT count(*) FROM stored)::int AS accepted, coalesce((SELECT array_agg(DISTINCT lead_id) FROM stored), '{}') AS "leadIds"`;
}
