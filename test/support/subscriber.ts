// A graphql-ws subscriber of thresholdCrossed for tests, with the official client.

import { createClient, type Client } from 'graphql-ws/client';
import WebSocket from 'ws';

export const SUBSCRIBE = `subscription($modelId: ID, $after: String, $stages: [String!]) {
  thresholdCrossed(modelId: $modelId, after: $after, stages: $stages) { id cursor lead { externalId } fromStage toStage direction }
}`;

export interface Crossing {
  id: string;
  cursor: string;
  lead: { externalId: string };
  fromStage: string | null;
  toStage: string | null;
  direction: string;
}

/** Collects pushed crossings; `take(n)` resolves once n have arrived (or fails after a bounded wait). */
/** Subscribes with `key` sent at connection_init. */
export function subscribe(
  url: string,
  key: string,
  variables: Record<string, unknown> = {},
  onReceive: (crossing: Crossing) => void = () => undefined,
) {
  const client: Client = createClient({
    url: url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${key}` },
  });
  const received: Crossing[] = [];
  const errors: unknown[] = [];
  let notify = () => undefined as void;
  const dispose = client.subscribe<{ thresholdCrossed: Crossing }>(
    { query: SUBSCRIBE, variables },
    {
      next: (message) => {
        if (message.errors) errors.push(...message.errors);
        if (message.data) {
          received.push(message.data.thresholdCrossed);
          onReceive(message.data.thresholdCrossed);
        }
        notify();
      },
      error: (error) => {
        // A closed socket arrives as a CloseEvent: keep its code and reason readable.
        const close = error as { code?: number; reason?: string };
        errors.push(close && typeof close.code === 'number' ? { closeCode: close.code, reason: close.reason } : error);
        notify();
      },
      complete: () => undefined,
    },
  );
  const take = async (n: number, timeoutMs = 10_000): Promise<Crossing[]> => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < n && errors.length === 0 && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        notify = resolve;
        setTimeout(resolve, 100);
      });
    }
    if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
    if (received.length < n) throw new Error(`received ${received.length} of ${n} crossings`);
    return received.slice(0, n);
  };
  return {
    received,
    errors,
    take,
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

