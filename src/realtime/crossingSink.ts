// What happens, inside the writing transaction, once threshold events were
// added to the outbox: wake the subscribers of every process (NOTIFY, sent by
// Postgres only on commit), queue webhook deliveries, ...

import type { EntityManager } from 'typeorm';

export interface CrossingSink {
  /**
   * Called in the transaction that wrote threshold events of `workspaceId`
   * with ids above `afterId` (exclusive). Runs before commit.
   */
  written(tx: EntityManager, workspaceId: string, afterId: string): Promise<void>;
}

/** The channel every server process LISTENs on; the payload is the workspace id. */
export const CROSSINGS_CHANNEL = 'leadscore_crossings';

/**
 * One NOTIFY per workspace and transaction: Postgres folds identical
 * notifications of a transaction into one and delivers it on commit only.
 */
export const notifySink: CrossingSink = {
  async written(tx, workspaceId) {
    await tx.query(`SELECT pg_notify($1, $2)`, [CROSSINGS_CHANNEL, workspaceId]);
  },
};

/** Runs each sink in order. */
export function combineSinks(...sinks: readonly CrossingSink[]): CrossingSink {
  return {
    async written(tx, workspaceId, afterId) {
      for (const sink of sinks) await sink.written(tx, workspaceId, afterId);
    },
  };
}
