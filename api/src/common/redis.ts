import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * A command on a Redis that stalls (the connection open, no answer) fails after this, so a caller
 * answers UNAVAILABLE instead of waiting without end, and never acts later on a view it checked
 * before the stall.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1000;

/** One Redis connection for shared rate limits, when REDIS_URL is set (several instances). */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  readonly client: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2, commandTimeout: REDIS_COMMAND_TIMEOUT_MS })
      : null;
    // A lost connection fails the commands waiting on it (each caller handles that); it must not crash the process.
    this.client?.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => undefined);
  }
}
