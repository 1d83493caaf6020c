// One per server process: LISTENs for the NOTIFY sent when crossings commit
// and wakes the feeds waiting on that workspace. A notification is only a
// wake-up; the outbox table is the truth, so a NOTIFY lost while the listener
// reconnects costs at most one poll interval, never an event.

import { Client } from 'pg';
import type { Logger } from 'pino';
import { CROSSINGS_CHANNEL } from './crossingSink';
import type { OutboxTail } from './outboxTail';

export interface CrossingHubOptions {
  /** Postgres to LISTEN on (a dedicated connection, outside the pool). */
  readonly url: string;
  readonly logger: Logger;
  /** Shared reads of the outbox's recent end; refreshed once per wake-up, before the feeds wake. */
  readonly tail?: OutboxTail;
  /** Waiters also wake this often, covering notifications missed during a reconnect (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** First reconnect delay, doubled up to 30 s (default 500 ms). */
  readonly reconnectDelayMs?: number;
}

export class CrossingHub {
  private client: Client | null = null;
  private stopped = false;
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly poll: NodeJS.Timeout;
  private reconnectDelay: number;

  constructor(private readonly options: CrossingHubOptions) {
    this.reconnectDelay = options.reconnectDelayMs ?? 500;
    this.poll = setInterval(() => void this.wakeAll(), options.pollIntervalMs ?? 1000);
    this.poll.unref();
  }

  /** Connects and LISTENs; resolves once listening (later reconnects happen in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Follows the workspace's outbox tail (when the hub has one), so feeds can read it from memory. */
  async track(workspaceId: string): Promise<void> {
    await this.options.tail?.track(workspaceId);
  }

  /** Events after `afterId` from the shared tail; null when the feed must read the table. */
  tailAfter(workspaceId: string, afterId: string, modelId: string | null, limit: number) {
    return this.options.tail?.after(workspaceId, afterId, modelId, limit) ?? null;
  }

  /** Resolves at the next notification for the workspace, the next poll tick, or when `signal` aborts. */
  wait(workspaceId: string, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(workspaceId) ?? new Set();
      this.waiters.set(workspaceId, set);
      const done = () => {
        set.delete(done);
        if (!set.size) this.waiters.delete(workspaceId);
        signal.removeEventListener('abort', done);
        resolve();
      };
      set.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    for (const set of this.waiters.values()) for (const done of [...set]) done();
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url });
    client.on('notification', (message) => {
      if (message.channel === CROSSINGS_CHANNEL && message.payload) void this.wake(message.payload);
    });
    client.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'crossing listener lost its connection; reconnecting');
      void this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN ${CROSSINGS_CHANNEL}`);
    this.client = client;
    this.reconnectDelay = this.options.reconnectDelayMs ?? 500;
    // Anything committed while not listening is found by the woken feeds.
    void this.wakeAll();
  }

  private async reconnect(broken: Client): Promise<void> {
    if (this.stopped || this.client !== broken) return;
    this.client = null;
    await broken.end().catch(() => undefined);
    while (!this.stopped) {
      await new Promise((r) => setTimeout(r, this.reconnectDelay).unref());
      try {
        await this.connect();
        return;
      } catch (error) {
        this.options.logger.warn({ err: error }, 'crossing listener reconnect failed');
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, 30_000);
      }
    }
  }

  /** Refreshes the workspace's tail (once, however many feeds wait), then wakes its feeds. */
  private async wake(workspaceId: string): Promise<void> {
    const tail = this.options.tail;
    if (tail?.tracks(workspaceId)) {
      await tail.refresh(workspaceId).catch((error: unknown) => this.options.logger.warn({ err: error }, 'outbox tail refresh failed'));
    }
    for (const done of [...(this.waiters.get(workspaceId) ?? [])]) done();
  }

  private async wakeAll(): Promise<void> {
    await Promise.all([...this.waiters.keys()].map((workspaceId) => this.wake(workspaceId)));
  }
}
