// The request a piece of work belongs to, carried through async calls, so that
// lower layers (the SQL logger) can attribute work without being passed it.

import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  readonly requestId: string;
  /** The GraphQL operation name, once known. */
  operation: string;
  /** SQL statements sent so far for this request. */
  statements: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
