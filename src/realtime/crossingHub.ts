// One per server process: LISTENs for the NOTIFY sent when crossings commit
// and wakes the feeds waiting on that workspace. A notification is only a
// wake-up; the outbox table is the truth, so a NOTIFY lost while the listener
// reconnects costs at most one poll interval, never an event.

import { Client } from 'pg';
import type { Logger } from 'pino';
import { CROSSINGS_CHANNEL } from './crossingSink';

export interface CrossingHubOptions {
  /** Postgres to LISTEN on (a dedicated connection, outside the pool). */
  readonly url: string;
  /** Schema search path for the connection; unused by LISTEN, kept for symmetry with the pool. */
  readonly logger: Logger;
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
    this.poll = setInterval(() => this.wakeAll(), options.pollIntervalMs ?? 1000);
    this.poll.unref();
  }

  /** Connects and LISTENs; resolves once listening (later reconnects happen in the background). */
  async start(): Promise<void> {
    await this.connect();
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
    this.wakeAll();
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url });
    client.on('notification', (message) => {
      if (message.channel === CROSSINGS_CHANNEL && message.payload) this.wake(message.payload);
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
    this.wakeAll();
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

  private wake(workspaceId: string): void {
    for (const done of [...(this.waiters.get(workspaceId) ?? [])]) done();
  }

  private wakeAll(): void {
    for (const workspaceId of [...this.waiters.keys()]) this.wake(workspaceId);
  }
}
