import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When each model last rescored every lead, so the scheduler knows which are due. */
export class RescoredAt1764050000000 implements MigrationInterface {
  name = 'RescoredAt1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring_models ADD COLUMN rescored_at timestamptz`);
    await q.query(`CREATE INDEX scoring_models_due_idx ON scoring_models (rescored_at) WHERE published_version IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring_models DROP COLUMN rescored_at`);
  }
}
