// Rescoring: one set-based statement that scores leads with the SQL backend and
// writes, in the caller's transaction, the current scores, a history row for
// every lead whose figures changed, and an outbox row for every stage change.

import type { EntityManager } from 'typeorm';
import { compileToSql, type JsScorer } from '../dsl';
import type { EventFacts } from '../dsl/facts';
import { LEAD_COLUMNS, type LeadRecord } from '../leads/lead.model';
import { DISQUALIFIED_STAGE, type CheckedProgram, type ModelSettings } from '../dsl/program';
import { compile, sql, type SqlFragment } from '../sql';
import { leadFacts } from './leadFacts';
import type { CrossingSink } from '../realtime/crossingSink';
import { THRESHOLD_EVENT_COLUMNS, type ThresholdEventRecord } from './model.types';

/** A model version ready to score: its compiled program and settings. */
export interface ScoringTarget {
  readonly workspaceId: string;
  readonly modelId: string;
  readonly version: number;
  readonly program: CheckedProgram;
  readonly settings: ModelSettings;
}

export interface RescoreOptions {
  /** Told of the threshold events written (NOTIFY, webhooks). */
  readonly sink: CrossingSink;
  /** The instant scored (windows, decay, inactivity are measured to it). */
  readonly asOf: Date;
  /** Only these leads; null: every lead of the workspace. */
  readonly leadIds: readonly string[] | null;
  /** Return the crossings written (incremental rescoring); bulk runs only count them. */
  readonly returnCrossings: boolean;
}

export interface RescoreOutcome {
  /** Leads scored. */
  readonly rescored: number;
  /** Leads whose stage changed (one threshold event each). */
  readonly crossingCount: number;
  /** The threshold events written, in id order; empty unless returnCrossings. */
  readonly crossings: ThresholdEventRecord[];
}

/**
 * Scores the leads under the target with the SQL backend, set-based, and
 * stores the outcome (see storeScores); never commits.
 *
 * Every lead of the workspace (leadIds null: publish, rescore, thresholds, the
 * scheduler): one statement that scores and stores under the outbox lock.
 *
 * Given leads (incremental rescoring): the scores are computed first, without
 * the outbox lock, so concurrent batches score side by side and only the
 * store is serialised. The caller must hold the row locks of those leads
 * (FOR UPDATE, or the UPDATE that changed them), taken before the change it
 * rescores: then nothing these scores read can change before they are stored,
 * and a whole-workspace rescore, which scores under the lock, either sees this
 * transaction's change or is stored first and overwritten by these scores.
 */
export async function rescoreLeads(tx: EntityManager, target: ScoringTarget, options: RescoreOptions): Promise<RescoreOutcome> {
  const scores = compileToSql(target.program, target.settings, {
    workspaceId: target.workspaceId,
    asOf: options.asOf,
    leadIds: options.leadIds ?? undefined,
  });
  if (options.leadIds === null) return storeScores(tx, target, scores, options);
  // A few leads of a workspace: their events by index, in this backend alone.
  // Left to itself the planner may pick a parallel scan of all events, no
  // faster here and three processes busy instead of one, while other requests
  // want the same cores. Holds until the caller's transaction ends.
  await tx.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
  const { text, values } = compile(sql`SELECT coalesce(json_agg(n), '[]')::text AS rows FROM (${scores}) n`);
  const [{ rows }]: { rows: string }[] = await tx.query(text, values);
  return storeScores(tx, target, scoredRows(rows), options);
}

/** Scores computed elsewhere (a JSON array of score rows) as the `scores` input of storeScores. */
function scoredRows(json: string): SqlFragment {
  return sql`SELECT * FROM jsonb_to_recordset(${sql.value(json)}::jsonb)
    AS n(lead_id uuid, fit float8, engagement float8, total float8, grade text, stage text, explanation jsonb)`;
}

/**
 * Scores a few leads with the JS backend in this process (their rows and
 * events loaded in two statements) and stores the outcome like rescoreLeads.
 * Both backends give identical results (test/dsl/differential.test.ts); for
 * the leads of one ingest batch this one is faster (npm run bench:incremental).
 */
export async function rescoreLeadsInProcess(
  tx: EntityManager,
  target: ScoringTarget,
  scorer: JsScorer,
  options: RescoreOptions & { readonly leadIds: readonly string[] },
): Promise<RescoreOutcome> {
  const asOf = options.asOf.getTime();
  const [leads, events]: [LeadRecord[], { leadId: string; events: PackedEvent[] }[]] = await Promise.all([
    tx.query(`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.workspace_id = $1 AND l.id = ANY($2::uuid[])`, [target.workspaceId, options.leadIds]),
    // Each lead's events packed in one JSON value: one parse per lead instead of
    // a timestamp and a jsonb parse per event row (a third of the time at 100 leads).
    // Milliseconds truncated toward zero, as a JavaScript Date holds a timestamp.
    tx.query(
      `SELECT e.lead_id AS "leadId", json_agg(json_build_array(e.type, trunc(extract(epoch FROM e.occurred_at) * 1000), e.properties)) AS events
       FROM events e WHERE e.workspace_id = $1 AND e.lead_id = ANY($2::uuid[]) AND e.occurred_at <= $3 GROUP BY e.lead_id`,
      [target.workspaceId, options.leadIds, options.asOf.toISOString()],
    ),
  ]);
  const eventsOf = new Map<string, EventFacts[]>(
    events.map((row) => [row.leadId, row.events.map(([type, occurredAt, properties]) => ({ type, occurredAt, properties }))]),
  );
  const rows = leads.map((lead) => {
    const r = scorer(leadFacts(lead), eventsOf.get(lead.id) ?? [], asOf);
    return { lead_id: lead.id, fit: r.fit, engagement: r.engagement, total: r.total, grade: r.grade, stage: r.stage, explanation: r.explanation };
  });
  return storeScores(tx, target, scoredRows(JSON.stringify(rows)), options);
}

/**
 * Stores new scores (rows of lead_id, fit, engagement, total, grade, stage,
 * explanation) as the leads' current scores under the target, with a history
 * row for every lead whose figures changed and an outbox row for every stage
 * change. A lead's stage ranks: disqualified < no stage < thresholds by
 * position, so a crossing is UP when the new rank is higher, DOWN otherwise.
 */
async function storeScores(tx: EntityManager, target: ScoringTarget, scores: SqlFragment, options: RescoreOptions): Promise<RescoreOutcome> {
  const ws = sql.value(target.workspaceId);
  const model = sql.value(target.modelId);
  const version = sql.value(target.version);
  const asOf = sql.value(options.asOf.toISOString());
  const stages = sql.value([...target.settings.thresholds].sort((a, b) => a.position - b.position).map((t) => t.stage));
  const disqualified = sql.value(DISQUALIFIED_STAGE);
  const leadFilter = options.leadIds ? sql` AND s.lead_id = ANY(${sql.value(options.leadIds)}::uuid[])` : sql``;
  const rank = (column: 'd.stage' | 'd.old_stage') =>
    column === 'd.stage'
      ? sql`CASE WHEN d.stage = ${disqualified} THEN -1 WHEN d.stage IS NULL THEN 0 ELSE array_position(${stages}::text[], d.stage) END`
      : sql`CASE WHEN d.old_stage = ${disqualified} THEN -1 WHEN d.old_stage IS NULL THEN 0 ELSE array_position(${stages}::text[], d.old_stage) END`;
  const crossingsOut = options.returnCrossings
    ? sql`(SELECT coalesce(json_agg(c ORDER BY c.id::bigint), '[]'::json) FROM crossed c)`
    : sql`'[]'::json`;

  const statement = sql`
    WITH new AS (${scores}),
    old AS (
      SELECT s.lead_id, s.version, s.total, s.fit, s.engagement, s.stage FROM lead_scores s
      WHERE s.workspace_id = ${ws}::uuid AND s.model_id = ${model}::uuid${leadFilter}
    ),
    upserted AS (
      INSERT INTO lead_scores AS s (workspace_id, model_id, lead_id, version, total, fit, engagement, grade, stage, explanation, computed_at)
      SELECT ${ws}::uuid, ${model}::uuid, n.lead_id, ${version}::int, n.total, n.fit, n.engagement, n.grade, n.stage, n.explanation, ${asOf}::timestamptz
      FROM new n
      ON CONFLICT (workspace_id, model_id, lead_id) DO UPDATE SET
        version = excluded.version, total = excluded.total, fit = excluded.fit, engagement = excluded.engagement,
        grade = excluded.grade, stage = excluded.stage, explanation = excluded.explanation, computed_at = excluded.computed_at
      RETURNING 1
    ),
    d AS (
      SELECT n.lead_id, n.total, n.fit, n.engagement, n.stage, o.total AS old_total, o.stage AS old_stage
      FROM new n LEFT JOIN old o ON o.lead_id = n.lead_id
      WHERE o.lead_id IS NULL OR o.version <> ${version}::int
         OR (o.total, o.fit, o.engagement, o.stage) IS DISTINCT FROM (n.total, n.fit, n.engagement, n.stage)
    ),
    history AS (
      INSERT INTO score_changes (workspace_id, model_id, lead_id, version, total, fit, engagement, stage, at)
      SELECT ${ws}::uuid, ${model}::uuid, d.lead_id, ${version}::int, d.total, d.fit, d.engagement, d.stage, ${asOf}::timestamptz FROM d
      RETURNING 1
    ),
    crossed AS (
      INSERT INTO threshold_events AS te (workspace_id, model_id, lead_id, version, from_stage, to_stage, direction, total_before, total_after)
      SELECT ${ws}::uuid, ${model}::uuid, d.lead_id, ${version}::int, d.old_stage, d.stage,
        CASE WHEN ${rank('d.stage')} > ${rank('d.old_stage')} THEN 'UP' ELSE 'DOWN' END, d.old_total, d.total
      FROM d WHERE d.old_stage IS DISTINCT FROM d.stage
      ORDER BY d.lead_id
      RETURNING ${sql.raw(THRESHOLD_EVENT_COLUMNS)}
    )
    SELECT (SELECT count(*) FROM upserted)::int AS rescored,
           (SELECT count(*) FROM history)::int AS changed,
           (SELECT count(*) FROM crossed)::int AS "crossingCount",
           ${crossingsOut} AS crossings`;
  const { text, values } = compile(statement);
  const afterId = await claimOutbox(tx, target.workspaceId);
  const [row]: { rescored: number; crossingCount: number; crossings: RawCrossing[] }[] = await tx.query(text, values);
  if (row.crossingCount > 0) await options.sink.written(tx, target.workspaceId, afterId);
  return {
    rescored: row.rescored,
    crossingCount: row.crossingCount,
    crossings: row.crossings.map((c) => ({ ...c, occurredAt: new Date(c.occurredAt) })),
  };
}

/**
 * Takes the workspace's outbox lock until commit and returns the last event id.
 * Outbox ids come from a sequence, which hands them out in insert order, not
 * commit order; holding this lock from before the insert until commit makes the
 * two orders agree, so a reader that has seen id N can never later find a
 * smaller id committed: `after` cursors never skip an event.
 */
async function claimOutbox(tx: EntityManager, workspaceId: string): Promise<string> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('leadscore.outbox'), hashtext($1::text))`, [workspaceId]);
  // A statement of its own: its snapshot is taken after the lock, so it sees what the previous holder committed.
  const [row] = await tx.query(`SELECT coalesce(max(id), 0)::text AS "afterId" FROM threshold_events WHERE workspace_id = $1`, [
    workspaceId,
  ]);
  return row.afterId;
}

/** An event as rescoreLeadsInProcess loads it: type, occurred_at in epoch ms, properties. */
type PackedEvent = [string, number, Record<string, string>];

type RawCrossing = Omit<ThresholdEventRecord, 'occurredAt'> & { occurredAt: string };
