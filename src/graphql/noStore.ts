// Every GraphQL response is private to its key and changes as scores move, so
// none may be cached: `cache-control: no-store`, as Apollo's cache-control
// plugin answers when no field carries a cache hint (none does here).
//
// Apollo's plugin is replaced (not just left on) because it hooks
// willResolveField: any such hook makes Apollo wrap every resolver of the
// schema and allocate a cache policy per resolved field, a measurable share of
// the CPU of a page of 50 leads.

import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

export function noStorePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            response.http.headers.set('cache-control', 'no-store');
          },
        };
      },
    },
  ];
}
