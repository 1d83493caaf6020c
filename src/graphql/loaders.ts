// DataLoaders, made fresh for every request so nothing is cached across requests or workspaces.

import DataLoader from 'dataloader';
import type { LeadRecord } from '../leads/lead.model';
import type { EventPage } from '../leads/lead.query';
import type {
  LeadScoreRecord,
  ModelVersionRecord,
  ScoreChangeRecord,
  ScoringModelRecord,
  ThresholdRecord,
} from '../scoring/model.types';
import type { Services } from '../services';

export interface EventPageKey {
  readonly leadId: string;
  readonly first: number;
  readonly after: string | null;
}

export interface LeadModelKey {
  readonly leadId: string;
  readonly modelId: string;
}

export interface HistoryKey extends LeadModelKey {
  readonly first: number;
}

export interface Loaders {
  readonly leadById: DataLoader<string, LeadRecord | null>;
  /** One statement per distinct (first, after) among the keys of a tick. */
  readonly eventPage: DataLoader<EventPageKey, EventPage, string>;
  readonly modelById: DataLoader<string, ScoringModelRecord | null>;
  /** The workspace's default model id (key: 'default'), looked up once per request. */
  readonly defaultModelId: DataLoader<'default', string | null>;
  readonly thresholdsOfModel: DataLoader<string, ThresholdRecord[]>;
  readonly versionsOfModel: DataLoader<string, ModelVersionRecord[]>;
  readonly score: DataLoader<LeadModelKey, LeadScoreRecord | null, string>;
  readonly scoresOfLead: DataLoader<string, LeadScoreRecord[]>;
  /** One statement per distinct `first` among the keys of a tick. */
  readonly history: DataLoader<HistoryKey, ScoreChangeRecord[], string>;
}

/** Batches keys that share parameters into one call each. */
function groupedLoader<K, V>(
  groupOf: (key: K) => string,
  load: (group: readonly K[]) => Promise<readonly V[]>,
  cacheKeyFn: (key: K) => string,
  cache: boolean,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const key of keys) groups.set(groupOf(key), [...(groups.get(groupOf(key)) ?? []), key]);
      const values = new Map<K, V>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const result = await load(group);
          group.forEach((key, i) => values.set(key, result[i]));
        }),
      );
      return keys.map((key) => values.get(key)!);
    },
    { cacheKeyFn, cache },
  );
}

/**
 * `cache: false` gives loaders that batch but keep nothing: one set is shared
 * by all the subscriptions of a workspace in a process, so that a crossing
 * pushed to many subscribers loads its lead once, and never a stale one.
 */
export function createLoaders(services: Services, workspaceId: string, options: { cache?: boolean } = {}): Loaders {
  const cache = options.cache ?? true;
  return {
    leadById: new DataLoader((ids) => services.leadQuery.leadsByIds(workspaceId, ids), { cache }),
    eventPage: groupedLoader(
      (key) => `${key.first}|${key.after ?? ''}`,
      (group) => services.leadQuery.eventPages(workspaceId, group.map((k) => k.leadId), group[0].first, group[0].after),
      (key) => `${key.leadId}|${key.first}|${key.after ?? ''}`,
      cache,
    ),
    modelById: new DataLoader((ids) => services.models.modelsByIds(workspaceId, ids), { cache }),
    defaultModelId: new DataLoader(
      async (keys) => {
        const id = await services.models.resolveModelId(workspaceId, null);
        return keys.map(() => id);
      },
      { cache },
    ),
    thresholdsOfModel: new DataLoader((ids) => services.models.thresholdsOfModels(workspaceId, ids), { cache }),
    versionsOfModel: new DataLoader((ids) => services.models.versionsOfModels(workspaceId, ids), { cache }),
    score: new DataLoader((keys) => services.scores.scores(workspaceId, keys), { cache, cacheKeyFn: (k) => `${k.leadId}|${k.modelId}` }),
    scoresOfLead: new DataLoader((ids) => services.scores.scoresOfLeads(workspaceId, ids), { cache }),
    history: groupedLoader(
      (key) => String(key.first),
      (group) => services.scores.history(workspaceId, group, group[0].first),
      (key) => `${key.leadId}|${key.modelId}|${key.first}`,
      cache,
    ),
  };
}
