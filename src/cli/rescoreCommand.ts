// `leadscore rescore MODEL`: rescores every lead under a model's published
// version now (or at --as-of), in one transaction, recording crossings.
// MODEL is the model's id or its name (case-insensitive).

import { cliLogger, openCliDatabase } from './connect';
import { createServices } from '../services';

export async function runRescore(model: string, options: { workspace: string; asOf?: string }): Promise<number> {
  const asOf = options.asOf ? new Date(options.asOf) : new Date();
  if (Number.isNaN(asOf.getTime())) throw new Error(`--as-of: not a timestamp: ${options.asOf}`);
  const database = await openCliDatabase(cliLogger());
  try {
    const db = database.dataSource;
    const rows: { id: string; name: string; published: number | null }[] = await db.query(
      `SELECT id, name, published_version AS published FROM scoring_models
       WHERE workspace_id = $1 AND (id::text = lower($2) OR lower(name) = lower($2))`,
      [options.workspace, model],
    );
    if (rows.length !== 1) {
      process.stderr.write(`No scoring model with id or name "${model}" in workspace ${options.workspace}\n`);
      return 1;
    }
    if (rows[0].published === null) {
      process.stderr.write(`Model "${rows[0].name}" has no published version: nothing to rescore\n`);
      return 1;
    }
    const started = performance.now();
    // The services' sink: NOTIFY the servers' subscribers and queue webhook deliveries.
    const outcome = await createServices(db, { maxBatchSize: 5000 }).modelAdmin.rescore(options.workspace, rows[0].id, asOf);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${rows[0].name} v${rows[0].published}: ${outcome.rescored} leads rescored, ${outcome.crossingCount} stage crossings, in ${seconds.toFixed(2)} s\n`);
    return 0;
  } finally {
    await database.close();
  }
}
