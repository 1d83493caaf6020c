import type { Logger } from 'pino';
import type { Principal } from '../auth/apiKey.service';
import type { Loaders } from './loaders';
import type { CrossingHub } from '../realtime/crossingHub';
import type { Services } from '../services';

/** What every resolver receives: the acting workspace, the services, per-request loaders. */
export interface GraphQLContext {
  readonly requestId: string;
  /** The request's key; null when none or an invalid one was sent (root fields then refuse: UNAUTHENTICATED). */
  readonly auth: Principal | null;
  /** The key's workspace; reading it without a key throws UNAUTHENTICATED. */
  readonly workspaceId: string;
  readonly services: Services;
  readonly loaders: Loaders;
  readonly logger: Logger;
  /** Per-process realtime parts (the subscriptions' wake-up hub). */
  readonly realtime: { readonly hub: CrossingHub };
  /** The subscriber's WebSocket (subscriptions only). */
  readonly socket?: { readonly bufferedAmount: number; close(code: number, reason: string): void };
}
