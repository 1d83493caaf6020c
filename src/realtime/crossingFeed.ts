// A subscriber's feed of threshold events: every stored event after its
// cursor, in outbox order, then the live ones as they commit. It reads the
// outbox itself, page by page, only as fast as the subscriber takes events,
// so there is no gap and no duplicate at the seam between replay and live,
// and a slow subscriber costs at most one page of memory.

import type { LeadScoreQuery } from '../scoring/leadScore.query';
import type { ThresholdEventRecord } from '../scoring/model.types';
import type { CrossingHub } from './crossingHub';

export interface CrossingFeedOptions {
  readonly workspaceId: string;
  /** Only this model's crossings; null: every model. */
  readonly modelId: string | null;
  /** Only crossings into or out of these stages; null: every crossing. */
  readonly stages: readonly string[] | null;
  /** Outbox id to start after ('0': from the beginning). */
  readonly afterId: string;
  /** Ends the feed. */
  readonly signal: AbortSignal;
  /** Events read per query (default 100). */
  readonly pageSize?: number;
  /**
   * Called before each event is handed on; returns false to end the feed
   * (the subscriber is too slow). Default: always true.
   */
  readonly canSend?: () => boolean;
  /**
   * Checked before every outbox read (so at least once per poll interval);
   * false ends the feed (the subscriber's key was revoked). Default: always true.
   */
  readonly stillAllowed?: () => Promise<boolean>;
}

/** True when a crossing enters or leaves one of the stages (or no stage filter is set). */
export function matchesStages(event: ThresholdEventRecord, stages: readonly string[] | null): boolean {
  if (!stages) return true;
  return (event.toStage !== null && stages.includes(event.toStage)) || (event.fromStage !== null && stages.includes(event.fromStage));
}

export async function* crossingFeed(
  scores: LeadScoreQuery,
  hub: CrossingHub,
  options: CrossingFeedOptions,
): AsyncGenerator<ThresholdEventRecord> {
  const pageSize = options.pageSize ?? 100;
  let afterId = options.afterId;
  await hub.track(options.workspaceId);
  while (!options.signal.aborted) {
    // Start waiting before reading, so a NOTIFY that lands during the read is not missed.
    const tick = new AbortController();
    const stop = () => tick.abort();
    options.signal.addEventListener('abort', stop, { once: true });
    try {
      const woken = hub.wait(options.workspaceId, tick.signal);
      if (options.stillAllowed && !(await options.stillAllowed())) return;
      // The shared in-memory tail when it reaches back to the cursor, else the table (a replay).
      const cached = hub.tailAfter(options.workspaceId, afterId, options.modelId, pageSize);
      const events = cached ? cached.events : await scores.thresholdEventsAfterId(options.workspaceId, options.modelId, afterId, pageSize);
      const scannedTo = cached ? cached.lastId : (events.at(-1)?.id ?? afterId);
      const more = (cached ? cached.scanned : events.length) === pageSize;
      for (const event of events) {
        if (options.canSend && !options.canSend()) return;
        afterId = event.id;
        if (matchesStages(event, options.stages)) yield event;
        if (options.signal.aborted) return;
      }
      afterId = scannedTo;
      if (!more) await woken;
    } finally {
      tick.abort();
      options.signal.removeEventListener('abort', stop);
    }
  }
}

/**
 * The feed as an iterator whose return() (a client unsubscribing) aborts at
 * once, even while the feed waits for the next event.
 */
export function abortableFeed<T>(source: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const inner = source(controller.signal);
  return {
    next: () => inner.next(),
    return: async (value?: unknown) => {
      controller.abort();
      return inner.return(value as T);
    },
    throw: async (error?: unknown) => {
      controller.abort();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
