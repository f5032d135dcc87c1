import type { Redis } from "ioredis";
import { REDIS_PREFIX } from "../shared/redis-link.js";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Password guessing is slowed where it happens: failures count per username (10 in 15 minutes)
 * and per address (100 in 15 minutes); past either, sign-ins for it answer 429 with Retry-After
 * until the window passes. Tokens are never throttled: a valid one always works, whatever others
 * guessed. Keys expire with their window, so a flood of names costs bounded memory. With several
 * instances (`shared`, their Redis) the counts are the wall's, not each instance's: guessing through
 * three instances is no faster than through one; while Redis is away each counts on its own.
 */
export class LoginThrottle {
  private readonly byUser: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(limits: { perUser: number; perAddress: number; windowSeconds: number } = { perUser: 10, perAddress: 100, windowSeconds: 900 }, shared?: Redis) {
    const limiter = (keyPrefix: string, points: number) => {
      const memory = new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds });
      return shared ? new RateLimiterRedis({ storeClient: shared, keyPrefix: `${REDIS_PREFIX}login-${keyPrefix}`, points, duration: limits.windowSeconds, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
    };
    this.byUser = limiter("user", limits.perUser);
    this.byAddress = limiter("address", limits.perAddress);
  }

  /** Milliseconds until this username may try again from this address; 0 when it may now. */
  async retryAfterMs(username: string, address: string): Promise<number> {
    const [u, a] = await Promise.all([this.byUser.get(username), this.byAddress.get(address)]);
    const waits = [
      u && u.consumedPoints >= this.byUser.points ? u.msBeforeNext : 0,
      a && a.consumedPoints >= this.byAddress.points ? a.msBeforeNext : 0,
    ];
    return Math.max(...waits);
  }

  async failed(username: string, address: string): Promise<void> {
    await Promise.all([this.byUser.penalty(username), this.byAddress.penalty(address)]);
  }

  async succeeded(username: string): Promise<void> {
    await this.byUser.delete(username);
  }
}
