import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** A state change that in-memory views (membership, mutes, room state) must hear about. */
export interface Change {
  kind: 'membership' | 'room' | 'moderation';
  groupId: string;
  accountId?: string;
}

const CHANNEL = 'tryg:changes';

/**
 * Tells every instance that some state changed, so the send path can keep fast in-memory views
 * and still refuse at once after a ban, mute or closing. Local listeners run synchronously inside
 * `publish`, before the HTTP answer; other instances hear it through Redis.
 */
@Injectable()
export class ChangeBus implements OnModuleInit, OnApplicationShutdown {
  private readonly local = new EventEmitter();
  private readonly instanceId = randomUUID();
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private readonly logger = new Logger('ChangeBus');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.local.setMaxListeners(50);
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.pub = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2 });
    this.sub = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2 });
    this.sub.on('message', (_channel: string, raw: string) => {
      try {
        const { from, change } = JSON.parse(raw) as { from: string; change: Change };
        if (from !== this.instanceId) this.local.emit('change', change);
      } catch {
        this.logger.warn('Ignored a malformed change message.');
      }
    });
    await this.sub.subscribe(CHANNEL);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pub?.quit().catch(() => undefined), this.sub?.quit().catch(() => undefined)]);
  }

  publish(change: Change): void {
    this.local.emit('change', change);
    void this.pub?.publish(CHANNEL, JSON.stringify({ from: this.instanceId, change })).catch(() => undefined);
  }

  subscribe(listener: (change: Change) => void): () => void {
    this.local.on('change', listener);
    return () => this.local.off('change', listener);
  }
}
