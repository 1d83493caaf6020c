// The services of one server process, built once over one data source.

import type { DataSource } from 'typeorm';
import { ApiKeyService } from './auth/apiKey.service';
import { IngestRateLimit } from './auth/ingestRateLimit';
import type { Config } from './config';
import { combineSinks, notifySink, type CrossingSink } from './realtime/crossingSink';
import { WebhookService } from './realtime/webhook.service';
import { webhookSink } from './realtime/webhookSink';
import { EventService } from './leads/event.service';
import { LeadQuery } from './leads/lead.query';
import { LeadService } from './leads/lead.service';
import { LeadListQuery } from './leads/leadList.query';
import { EvaluateService } from './scoring/evaluate.service';
import { LeadRescorer } from './scoring/leadRescorer';
import { LeadScoreQuery } from './scoring/leadScore.query';
import type { ThresholdEventRecord } from './scoring/model.types';
import { PreviewService } from './scoring/preview.service';
import { ScoringModelQuery } from './scoring/scoringModel.query';
import { ScoringModelService } from './scoring/scoringModel.service';

export interface Services {
  readonly db: DataSource;
  readonly apiKeys: ApiKeyService;
  readonly ingestLimit: IngestRateLimit;
  readonly leads: LeadService;
  readonly events: EventService<ThresholdEventRecord>;
  readonly leadQuery: LeadQuery;
  readonly leadList: LeadListQuery;
  readonly models: ScoringModelQuery;
  readonly modelAdmin: ScoringModelService;
  readonly scores: LeadScoreQuery;
  readonly evaluate: EvaluateService;
  readonly preview: PreviewService;
  readonly webhooks: WebhookService;
}

export interface ServiceOptions extends Pick<Config, 'maxBatchSize'> {
  /** The clock scoring uses (default: now); tests move it to test time-driven scores. */
  readonly now?: () => Date;
  /** Leads plus events one API key may send per minute (default 1,500,000). */
  readonly ingestItemsPerMinute?: number;
  /** Told of threshold events written (default: NOTIFY the other processes and queue webhook deliveries). */
  readonly sink?: CrossingSink;
}

export function createServices(db: DataSource, options: ServiceOptions): Services {
  const now = options.now ?? (() => new Date());
  const sink = options.sink ?? combineSinks(notifySink, webhookSink);
  const rescorer = new LeadRescorer(sink, now);
  return {
    db,
    apiKeys: new ApiKeyService(db),
    ingestLimit: new IngestRateLimit(options.ingestItemsPerMinute),
    leads: new LeadService(db, {
      maxBatchSize: options.maxBatchSize,
      onLeadsChanged: async (tx, workspaceId, leadIds) => {
        await rescorer.rescore(tx, workspaceId, leadIds);
      },
    }),
    events: new EventService<ThresholdEventRecord>(db, {
      maxBatchSize: options.maxBatchSize,
      now: () => now().getTime(),
      onEventsStored: (tx, workspaceId, leadIds) => rescorer.rescore(tx, workspaceId, leadIds),
    }),
    leadQuery: new LeadQuery(db),
    leadList: new LeadListQuery(db),
    models: new ScoringModelQuery(db),
    modelAdmin: new ScoringModelService(db, sink, now),
    scores: new LeadScoreQuery(db),
    evaluate: new EvaluateService(db),
    preview: new PreviewService(db, now),
    webhooks: new WebhookService(db),
  };
}
