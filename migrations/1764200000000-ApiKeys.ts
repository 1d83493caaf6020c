import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys: stored as SHA-256 hashes, each with a role, revocable. */
export class ApiKeys1764200000000 implements MigrationInterface {
  name = 'ApiKeys1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'writer', 'reader')),
        key_hash text NOT NULL,
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, key_hash)
      )`);
    // Authentication knows the key, not the workspace: look the hash up directly.
    await q.query(`CREATE INDEX api_keys_hash_idx ON api_keys (key_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
  }
}
