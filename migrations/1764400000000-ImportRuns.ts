import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import runs: the progress of a `leadscore import`, moved in the same
 * transaction as each batch it stores, so a resume continues exactly after
 * the last committed batch (a progress file written after the commit can lag
 * by one batch). `last_line`: every record starting on or before it is
 * handled (stored or refused); `imported` / `rejected` count over all the
 * run's attempts.
 */
export class ImportRuns1764400000000 implements MigrationInterface {
  name = 'ImportRuns1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_runs (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('leads', 'events')),
        file text NOT NULL,
        size bigint NOT NULL,
        last_line integer NOT NULL DEFAULT 0,
        imported integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        done boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_runs`);
  }
}
