import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema: workspaces, leads, events, and the scoring tables.
 *
 * Every table carries workspace_id and every primary and unique key starts
 * with it, so the tables can be distributed by workspace (Citus) later.
 * Timestamps are timestamptz; the service stores millisecond precision.
 */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Extensions live in `public` so that dropping a per-test schema never drops them.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);

    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE leads (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        external_id text,
        email text,
        first_name text,
        last_name text,
        title text,
        company text,
        industry text,
        country text,
        source text,
        employees integer,
        annual_revenue double precision,
        attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz,
        PRIMARY KEY (workspace_id, id),
        CONSTRAINT leads_attributes_object CHECK (jsonb_typeof(attributes) = 'object')
      )`);
    await q.query(`CREATE UNIQUE INDEX leads_external_id_key ON leads (workspace_id, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX leads_email_key ON leads (workspace_id, lower(email)) WHERE email IS NOT NULL`);
    // Keyset paging orders by (key, id) in one direction; a backward scan serves the other.
    await q.query(`CREATE INDEX leads_created_at_idx ON leads (workspace_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX leads_last_activity_idx ON leads (workspace_id, last_activity_at DESC NULLS LAST, id DESC)`);
    // Text search over who the lead is: name, email, company, title.
    await q.query(`
      CREATE INDEX leads_search_idx ON leads USING gin (
        (lower(coalesce(email, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' ||
               coalesce(company, '') || ' ' || coalesce(title, ''))) public.gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE events (
        workspace_id uuid NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        lead_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        properties jsonb NOT NULL DEFAULT '{}'::jsonb,
        idempotency_key text,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT events_properties_object CHECK (jsonb_typeof(properties) = 'object')
      )`);
    await q.query(`CREATE UNIQUE INDEX events_idempotency_key ON events (workspace_id, lead_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX events_lead_time_idx ON events (workspace_id, lead_id, occurred_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE scoring_models (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        min_score double precision NOT NULL DEFAULT 0,
        max_score double precision NOT NULL DEFAULT 100,
        grade_bands jsonb NOT NULL DEFAULT '{"a":0.75,"b":0.5,"c":0.25}'::jsonb,
        is_default boolean NOT NULL DEFAULT false,
        draft_version integer,
        published_version integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        CONSTRAINT scoring_models_limits CHECK (min_score < max_score)
      )`);
    await q.query(`CREATE UNIQUE INDEX scoring_models_name_key ON scoring_models (workspace_id, lower(name))`);
    await q.query(`CREATE UNIQUE INDEX scoring_models_default_key ON scoring_models (workspace_id) WHERE is_default`);

    await q.query(`
      CREATE TABLE model_versions (
        workspace_id uuid NOT NULL,
        model_id uuid NOT NULL,
        version integer NOT NULL,
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        PRIMARY KEY (workspace_id, model_id, version),
        FOREIGN KEY (workspace_id, model_id) REFERENCES scoring_models (workspace_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE thresholds (
        workspace_id uuid NOT NULL,
        model_id uuid NOT NULL,
        stage text NOT NULL,
        min_score double precision NOT NULL,
        min_fit double precision,
        position integer NOT NULL,
        PRIMARY KEY (workspace_id, model_id, stage),
        UNIQUE (workspace_id, model_id, position),
        FOREIGN KEY (workspace_id, model_id) REFERENCES scoring_models (workspace_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE lead_scores (
        workspace_id uuid NOT NULL,
        model_id uuid NOT NULL,
        lead_id uuid NOT NULL,
        version integer NOT NULL,
        total double precision NOT NULL,
        fit double precision NOT NULL,
        engagement double precision NOT NULL,
        grade text NOT NULL,
        stage text,
        explanation jsonb NOT NULL DEFAULT '[]'::jsonb,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, model_id, lead_id),
        FOREIGN KEY (workspace_id, model_id) REFERENCES scoring_models (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX lead_scores_total_idx ON lead_scores (workspace_id, model_id, total DESC, lead_id DESC)`);
    await q.query(`CREATE INDEX lead_scores_fit_idx ON lead_scores (workspace_id, model_id, fit DESC, lead_id DESC)`);
    await q.query(`CREATE INDEX lead_scores_engagement_idx ON lead_scores (workspace_id, model_id, engagement DESC, lead_id DESC)`);
    await q.query(`CREATE INDEX lead_scores_stage_total_idx ON lead_scores (workspace_id, model_id, stage, total DESC, lead_id DESC)`);
    await q.query(`CREATE INDEX lead_scores_lead_idx ON lead_scores (workspace_id, lead_id)`);

    await q.query(`
      CREATE TABLE score_changes (
        workspace_id uuid NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        model_id uuid NOT NULL,
        lead_id uuid NOT NULL,
        version integer NOT NULL,
        total double precision NOT NULL,
        fit double precision NOT NULL,
        engagement double precision NOT NULL,
        stage text,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX score_changes_lead_idx ON score_changes (workspace_id, lead_id, model_id, at DESC, id DESC)`);

    // The outbox of stage changes: id orders delivery.
    await q.query(`
      CREATE TABLE threshold_events (
        workspace_id uuid NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        model_id uuid NOT NULL,
        lead_id uuid NOT NULL,
        version integer NOT NULL,
        from_stage text,
        to_stage text,
        direction text NOT NULL CHECK (direction IN ('UP', 'DOWN')),
        total_before double precision,
        total_after double precision NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      )`);
    await q.query(`CREATE INDEX threshold_events_model_idx ON threshold_events (workspace_id, model_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'threshold_events',
      'score_changes',
      'lead_scores',
      'thresholds',
      'model_versions',
      'scoring_models',
      'events',
      'leads',
      'workspaces',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
