import type { DataSource } from 'typeorm';

/**
 * The workspace every request acts in until API keys name one (issue: access
 * control). Fixed, so that logs, seeds and tests can name it.
 */
export const DEFAULT_WORKSPACE_ID = '00000000-0000-4000-8000-000000000001';

/** Creates the default workspace when missing; safe to call at every start. */
export async function ensureDefaultWorkspace(db: DataSource): Promise<void> {
  await db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Default') ON CONFLICT (id) DO NOTHING`, [DEFAULT_WORKSPACE_ID]);
}
