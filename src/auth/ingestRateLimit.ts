// Ingest rate limiting per API key: every lead or event of an upsertLeads or
// trackEvents call takes one point from the key's budget per minute. Counted
// per server process (rate-limiter-flexible's in-memory limiter), so N
// processes allow up to N times the budget in all.

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import type { Principal } from './apiKey.service';

export class IngestRateLimit {
  private readonly limiter: RateLimiterMemory;

  /** `itemsPerMinute`: leads plus events one key may send per minute (default 1,500,000: 25,000/s). */
  constructor(readonly itemsPerMinute: number = 1_500_000) {
    this.limiter = new RateLimiterMemory({ points: itemsPerMinute, duration: 60 });
  }

  /** Takes `items` points from the key's budget; RATE_LIMITED (with retryAfterSeconds) when it runs out. */
  async take(principal: Principal | null, items: number): Promise<void> {
    if (!principal || items <= 0) return;
    try {
      await this.limiter.consume(principal.keyId, items);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `This key may send ${this.itemsPerMinute} leads and events per minute; retry in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
  }
}
