import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataCrypto } from './data-crypto.service';
import { DomainError } from './domain-error';
import { RedisConnection } from './redis';

export interface LimitPolicy {
  /** Unique per limiter; also the Redis key prefix. */
  name: string;
  points: number;
  durationSeconds: number;
  /**
   * Keep the keys' hashes in memory (bounded): for a limit taken on every chat send. Only for keys
   * that are not addresses (account ids): client addresses are never kept, hashed or not.
   */
  rememberKeys?: boolean;
}

const HASHED_KEYS_MAX = 10_000;

/** The shared store did not answer (Redis gone or stalled past its command timeout). */
function unreachable(): never {
  throw new DomainError('UNAVAILABLE');
}

/** A counter of failures (or sends) per key, in memory or shared through Redis. */
export class Limit {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly points: number,
    private readonly keyOf: (key: string) => string,
  ) {}

  /** Seconds until the key may try again, or 0 when it is not blocked. */
  async blockedFor(key: string): Promise<number> {
    const state = await this.limiter.get(this.keyOf(key)).catch(unreachable);
    if (!state || state.consumedPoints < this.points) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async count(key: string): Promise<void> {
    await this.limiter.penalty(this.keyOf(key), 1).catch(unreachable);
  }

  /** Takes one point; false when the key has none left. */
  async take(key: string): Promise<boolean> {
    try {
      await this.limiter.consume(this.keyOf(key), 1);
      return true;
    } catch (error) {
      if (error instanceof Error) unreachable();
      return false;
    }
  }
}

/**
 * Builds limiters. Client addresses are never stored as such: keys are keyed hashes, so not
 * even Redis holds an IP address (data minimisation, PRODUCT.md).
 */
@Injectable()
export class RateLimits {
  constructor(
    private readonly redis: RedisConnection,
    private readonly crypto: DataCrypto,
  ) {}

  create(policy: LimitPolicy): Limit {
    const options = { keyPrefix: `tryg:${policy.name}`, points: policy.points, duration: policy.durationSeconds };
    const limiter = this.redis.client
      ? new RateLimiterRedis({ ...options, storeClient: this.redis.client })
      : new RateLimiterMemory(options);
    const hash = (key: string) => this.crypto.keyedHash('rate-limit', key).slice(0, 32);
    return new Limit(limiter, policy.points, policy.rememberKeys ? remembering(hash) : hash);
  }
}

/**
 * `hash`, remembered for the keys seen lately (an HMAC per chat send showed in the profile).
 * Bounded, and forgotten wholesale when full: a cache, not a record of who came.
 */
function remembering(hash: (key: string) => string): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let hashed = known.get(key);
    if (hashed === undefined) {
      hashed = hash(key);
      if (known.size >= HASHED_KEYS_MAX) known.clear();
      known.set(key, hashed);
    }
    return hashed;
  };
}
