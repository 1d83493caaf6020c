// The recent end of each workspace's outbox, kept in memory by a process so
// that any number of its subscribers are served by one outbox read per
// wake-up instead of one read each. Correct because outbox ids follow commit
// order (see rescore.ts): once the tail has read up to id N, no event with an
// id at or below N can still appear.

import type { LeadScoreQuery } from '../scoring/leadScore.query';
import type { ThresholdEventRecord } from '../scoring/model.types';

export interface OutboxReader {
  /** Up to `limit` events of the workspace (every model) after `afterId`, in id order. */
  after(workspaceId: string, afterId: string, limit: number): Promise<ThresholdEventRecord[]>;
  /** The newest event id of the workspace ('0' when none). */
  lastId(workspaceId: string): Promise<string>;
}

interface Tail {
  /** Every event with from < id <= to is in `events`. */
  from: bigint;
  to: bigint;
  events: ThresholdEventRecord[];
  refreshing: Promise<void> | null;
}

/** Events kept per workspace (default 2,000); a subscriber further behind reads the table. */
const DEFAULT_KEEP = 2000;
const PAGE = 500;

export class OutboxTail {
  private readonly tails = new Map<string, Promise<Tail>>();
  /** Tails whose start has resolved, for synchronous reads. */
  private readonly settled = new Map<string, Tail>();

  constructor(
    private readonly reader: OutboxReader,
    private readonly keep: number = DEFAULT_KEEP,
  ) {}

  /** Starts following a workspace (once); resolves when its tail is known. */
  async track(workspaceId: string): Promise<void> {
    if (!this.tails.has(workspaceId)) {
      const started = this.reader.lastId(workspaceId).then((last) => {
        const tail: Tail = { from: BigInt(last), to: BigInt(last), events: [], refreshing: null };
        this.settled.set(workspaceId, tail);
        return tail;
      });
      this.tails.set(workspaceId, started);
      started.catch(() => this.tails.delete(workspaceId));
    }
    await this.tails.get(workspaceId);
  }

  tracks(workspaceId: string): boolean {
    return this.tails.has(workspaceId);
  }

  /** Reads what was committed since the last read; concurrent callers share one read. */
  async refresh(workspaceId: string): Promise<void> {
    const tail = await this.tails.get(workspaceId);
    if (!tail) return;
    tail.refreshing ??= this.readNew(workspaceId, tail).finally(() => (tail.refreshing = null));
    await tail.refreshing;
  }

  /**
   * Up to `limit` events after `afterId` from memory (only `modelId`'s when
   * given), and the last id looked at; null when memory does not reach back
   * to `afterId` (the caller reads the table instead).
   */
  after(
    workspaceId: string,
    afterId: string,
    modelId: string | null,
    limit: number,
  ): { events: ThresholdEventRecord[]; lastId: string; scanned: number } | null {
    const tail = this.settled.get(workspaceId);
    const after = BigInt(afterId);
    if (!tail || after < tail.from) return null;
    const scanned = tail.events.filter((e) => BigInt(e.id) > after).slice(0, limit);
    return {
      events: modelId ? scanned.filter((e) => e.modelId === modelId) : scanned,
      lastId: scanned.at(-1)?.id ?? afterId,
      scanned: scanned.length,
    };
  }

  private async readNew(workspaceId: string, tail: Tail): Promise<void> {
    for (;;) {
      const page = await this.reader.after(workspaceId, tail.to.toString(), PAGE);
      if (page.length) {
        tail.events.push(...page);
        tail.to = BigInt(page.at(-1)!.id);
      }
      if (tail.events.length > this.keep) {
        const dropped = tail.events.splice(0, tail.events.length - this.keep);
        tail.from = BigInt(dropped.at(-1)!.id);
      }
      if (page.length < PAGE) return;
    }
  }
}

/** The outbox as the scoring queries read it. */
export function outboxReader(scores: LeadScoreQuery): OutboxReader {
  return {
    after: (workspaceId, afterId, limit) => scores.thresholdEventsAfterId(workspaceId, null, afterId, limit),
    lastId: (workspaceId) => scores.lastThresholdEventId(workspaceId),
  };
}
