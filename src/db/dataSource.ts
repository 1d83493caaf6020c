// The TypeORM data source: entities, migrations, and the pg pool under it.

import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { Initial1764000000000 } from '../../migrations/1764000000000-Initial';
import { RescoredAt1764050000000 } from '../../migrations/1764050000000-RescoredAt';
import { Webhooks1764100000000 } from '../../migrations/1764100000000-Webhooks';
import { ApiKeys1764200000000 } from '../../migrations/1764200000000-ApiKeys';
import { LeadActivity1764300000000 } from '../../migrations/1764300000000-LeadActivity';
import { ImportRuns1764400000000 } from '../../migrations/1764400000000-ImportRuns';
import { Lead } from './entities/lead.entity';
import { LeadEvent } from './entities/leadEvent.entity';
import { Workspace } from './entities/workspace.entity';

export const ENTITIES = [Workspace, Lead, LeadEvent];
export const MIGRATIONS = [Initial1764000000000, RescoredAt1764050000000, Webhooks1764100000000, ApiKeys1764200000000, LeadActivity1764300000000, ImportRuns1764400000000];

export interface DataSourceOptions {
  readonly url: string;
  /** Postgres schema to live in (tests give each file its own); default `public`. */
  readonly schema?: string;
  /** Pool size (default 10). */
  readonly poolSize?: number;
  /** Receives every statement TypeORM sends; the statement counter hooks in here. */
  readonly logger?: Logger;
}

/** Builds (does not connect) a data source. Never synchronizes: migrations own the schema. */
export function createDataSource(options: DataSourceOptions): DataSource {
  const schema = options.schema ?? 'public';
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: options.logger ? ['query', 'error'] : false,
    logger: options.logger,
    poolSize: options.poolSize ?? 10,
    extra: {
      // Unqualified names in raw SQL resolve to the data source's schema; extensions stay in public.
      options: `-c search_path=${schema},public`,
      application_name: 'leadscore',
    },
  });
}
