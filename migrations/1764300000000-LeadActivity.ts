import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lead's last activity moves to a narrow table of its own. Every event batch
 * moves it; as a column of `leads`, indexed for ordering, each move rewrote
 * the wide lead row and added entries to all six of its indexes (trigram
 * search included): about 45 ms of a 1,000-event batch. Here it costs one
 * narrow row and two b-tree entries, and `leads` rows change only when the
 * lead does.
 *
 * Every lead has its row, created with it by a statement trigger (whatever
 * inserts the lead: the API, the importer, the generator, a test), so the
 * ordering index covers every lead, NULLs (no event yet) included.
 */
export class LeadActivity1764300000000 implements MigrationInterface {
  name = 'LeadActivity1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_activity (
        workspace_id uuid NOT NULL,
        lead_id uuid NOT NULL,
        last_activity_at timestamptz,
        PRIMARY KEY (workspace_id, lead_id),
        FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id) ON DELETE CASCADE
      )`);
    await q.query(`INSERT INTO lead_activity (workspace_id, lead_id, last_activity_at) SELECT workspace_id, id, last_activity_at FROM leads`);
    // Keyset paging orders by (last activity, lead) in one direction; a backward scan serves the other.
    await q.query(`CREATE INDEX lead_activity_last_idx ON lead_activity (workspace_id, last_activity_at DESC NULLS LAST, lead_id DESC)`);
    await q.query(`DROP INDEX leads_last_activity_idx`);
    await q.query(`ALTER TABLE leads DROP COLUMN last_activity_at`);
    await q.query(`
      CREATE FUNCTION leads_add_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO lead_activity (workspace_id, lead_id) SELECT workspace_id, id FROM created;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER leads_add_activity AFTER INSERT ON leads
      REFERENCING NEW TABLE AS created FOR EACH STATEMENT EXECUTE FUNCTION leads_add_activity()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER leads_add_activity ON leads`);
    await q.query(`DROP FUNCTION leads_add_activity()`);
    await q.query(`ALTER TABLE leads ADD COLUMN last_activity_at timestamptz`);
    await q.query(`UPDATE leads l SET last_activity_at = a.last_activity_at FROM lead_activity a WHERE a.workspace_id = l.workspace_id AND a.lead_id = l.id`);
    await q.query(`CREATE INDEX leads_last_activity_idx ON leads (workspace_id, last_activity_at DESC NULLS LAST, id DESC)`);
    await q.query(`DROP TABLE lead_activity`);
  }
}
