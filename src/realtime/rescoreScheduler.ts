// Time alone moves scores (windows, decay, `inactive`), so every published
// model is rescored periodically and its crossings emitted. Every process runs
// a scheduler; the work is claimed through Postgres (see
// ScoringModelService.rescoreIfDue), so each model is rescored by one process
// at a time and once per interval.

import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { ScoringModelService } from '../scoring/scoringModel.service';

export interface RescoreSchedulerOptions {
  /** How long a model's scores may age before it is rescored. */
  readonly intervalMs: number;
  /** How often to look for due models (default: a tenth of the interval, at least 1 s, at most 1 min). */
  readonly checkEveryMs?: number;
  /** The clock (default: now); tests advance it instead of sleeping. */
  readonly now?: () => Date;
}

export interface ScheduledRescore {
  readonly workspaceId: string;
  readonly modelId: string;
  readonly rescored: number;
  readonly crossings: number;
}

export class RescoreScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(
    private readonly db: DataSource,
    private readonly admin: ScoringModelService,
    private readonly logger: Logger,
    private readonly options: RescoreSchedulerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    const every = this.options.checkEveryMs ?? Math.min(60_000, Math.max(1000, this.options.intervalMs / 10));
    this.timer = setInterval(() => {
      this.running = this.runOnce().catch((error) => this.logger.error({ err: error }, 'scheduled rescore failed'));
    }, every);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Rescores every published model whose scores are older than the interval; returns what it did. */
  async runOnce(): Promise<ScheduledRescore[]> {
    const asOf = this.now();
    const dueBefore = new Date(asOf.getTime() - this.options.intervalMs);
    const due: { workspaceId: string; id: string }[] = await this.db.query(
      `SELECT workspace_id AS "workspaceId", id FROM scoring_models
       WHERE published_version IS NOT NULL AND (rescored_at IS NULL OR rescored_at <= $1) ORDER BY rescored_at NULLS FIRST`,
      [dueBefore.toISOString()],
    );
    const done: ScheduledRescore[] = [];
    for (const model of due) {
      const outcome = await this.admin.rescoreIfDue(model.workspaceId, model.id, asOf, dueBefore);
      if (!outcome) continue;
      done.push({ workspaceId: model.workspaceId, modelId: model.id, rescored: outcome.rescored, crossings: outcome.crossingCount });
      this.logger.info({ modelId: model.id, rescored: outcome.rescored, crossings: outcome.crossingCount, asOf }, 'scheduled rescore');
    }
    return done;
  }
}
