// DataLoaders, made fresh for every request so nothing is cached across requests or workspaces.

import DataLoader from 'dataloader';
import type { LeadRecord } from '../leads/lead.model';
import type { EventPage } from '../leads/lead.query';
import type { Services } from '../services';

export interface EventPageKey {
  readonly leadId: string;
  readonly first: number;
  readonly after: string | null;
}

export interface Loaders {
  readonly leadById: DataLoader<string, LeadRecord | null>;
  /** One statement per distinct (first, after) among the keys of a tick. */
  readonly eventPage: DataLoader<EventPageKey, EventPage, string>;
}

export function createLoaders(services: Services, workspaceId: string): Loaders {
  return {
    leadById: new DataLoader((ids) => services.leadQuery.leadsByIds(workspaceId, ids)),
    eventPage: new DataLoader(
      async (keys) => {
        const groups = new Map<string, EventPageKey[]>();
        for (const key of keys) {
          const group = `${key.first}|${key.after ?? ''}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const pages = new Map<EventPageKey, EventPage>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { first, after } = group[0];
            const result = await services.leadQuery.eventPages(workspaceId, group.map((k) => k.leadId), first, after);
            group.forEach((key, i) => pages.set(key, result[i]));
          }),
        );
        return keys.map((key) => pages.get(key)!);
      },
      { cacheKeyFn: (key) => `${key.leadId}|${key.first}|${key.after ?? ''}` },
    ),
  };
}
