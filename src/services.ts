// The services of one server process, built once over one data source.

import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { EventService } from './leads/event.service';
import { LeadQuery } from './leads/lead.query';
import { LeadService } from './leads/lead.service';
import { LeadListQuery } from './leads/leadList.query';
import { ScoringModelQuery } from './scoring/scoringModel.query';

export interface Services {
  readonly db: DataSource;
  readonly leads: LeadService;
  readonly events: EventService;
  readonly leadQuery: LeadQuery;
  readonly leadList: LeadListQuery;
  readonly models: ScoringModelQuery;
}

export function createServices(db: DataSource, config: Pick<Config, 'maxBatchSize'>): Services {
  return {
    db,
    leads: new LeadService(db, { maxBatchSize: config.maxBatchSize }),
    events: new EventService(db, { maxBatchSize: config.maxBatchSize }),
    leadQuery: new LeadQuery(db),
    leadList: new LeadListQuery(db),
    models: new ScoringModelQuery(db),
  };
}
