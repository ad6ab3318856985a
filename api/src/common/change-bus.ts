import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from './domain-error';

/** `here`: the change was published by this instance (e.g. only it should announce it to everyone). */
export type ChangeOrigin = 'here' | 'elsewhere';
type Handler = (payload: unknown, origin: ChangeOrigin) => void | Promise<void>;

interface Envelope {
  id: string;
  from: string;
  topic: string;
  payload: unknown;
}

const CHANNEL = 'tryg:changes';
const ackChannel = (instanceId: string) => `tryg:acks:${instanceId}`;
/** Every instance hears its own heartbeat on the change channel this often… */
export const BEAT_MS = 250;
/** …and counts itself cut off from the others when it has not heard one for this long. */
export const LOSS_MS = 1000;
/**
 * How long a change waits for the other instances' acknowledgements. An instance that has not
 * acknowledged by then has missed its own heartbeats for longer than LOSS_MS (the channel keeps
 * order), so it already refuses what it can no longer judge: answering is safe.
 */
export const ACK_WAIT_MS = LOSS_MS + 2 * BEAT_MS;

/**
 * The one way instances tell each other that state changed (memberships, room rules, who may
 * listen). `publish` runs this instance's handlers, then every other instance's, and resolves
 * when each of them has acknowledged: so a change is in force everywhere before the HTTP answer
 * that caused it.
 *
 * Without REDIS_URL there is one instance and publishing is local. With it, each instance checks
 * that it still hears its own heartbeats; an instance that stopped hearing them is `lost`: it
 * refuses what depends on fresh state (`UNAVAILABLE`) until it hears them again, and then asks
 * every `onResync` handler to drop what it may have missed before it serves again.
 */
@Injectable()
export class ChangeBus implements OnModuleInit, OnApplicationShutdown {
  readonly instanceId = randomUUID();
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resyncHandlers = new Set<() => void | Promise<void>>();
  private readonly waiting = new Map<string, { expected: number; got: number; done: () => void }>();
  private readonly logger = new Logger('ChangeBus');
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private beat: NodeJS.Timeout | null = null;
  /** performance.now() of the last own heartbeat heard back; real time, never the app clock. */
  private lastOwnBeat = 0;
  /** Set when the subscription broke: whatever was published meanwhile is unknown. */
  private broken = false;
  private resyncing: Promise<void> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get distributed(): boolean {
    return this.config.redisUrl !== null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.pub = new Redis(this.config.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: true,
      // A stalled Redis must not hold an HTTP answer: the publish fails and this instance counts as cut off.
      commandTimeout: ACK_WAIT_MS,
    });
    this.sub = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    this.sub.on('close', () => (this.broken = true));
    this.sub.on('message', (channel: string, raw: string) => void this.receive(channel, raw));
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(CHANNEL, ackChannel(this.instanceId));
    this.beat = setInterval(() => void this.sendBeat(), BEAT_MS);
    this.beat.unref();
    await this.sendBeat();
    // Serve only once this instance hears the others (its own first heartbeat came back).
    const until = performance.now() + 5000;
    while (!this.healthy() && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.beat) clearInterval(this.beat);
    for (const wait of this.waiting.values()) wait.done();
    await Promise.all([this.pub?.quit().catch(() => undefined), this.sub?.quit().catch(() => undefined)]);
  }

  /** Whether this instance can trust its in-memory views (always, with one instance). */
  healthy(): boolean {
    if (!this.pub) return true;
    return !this.broken && this.resyncing === null && performance.now() - this.lastOwnBeat < LOSS_MS;
  }

  /** Throws 503 UNAVAILABLE when this instance has lost contact with the others. */
  assertHealthy(): void {
    if (!this.healthy()) throw new DomainError('UNAVAILABLE');
  }

  subscribe<T>(topic: string, handler: (payload: T, origin: ChangeOrigin) => void | Promise<void>): () => void {
    const set = this.handlers.get(topic) ?? new Set<Handler>();
    set.add(handler as Handler);
    this.handlers.set(topic, set);
    return () => set.delete(handler as Handler);
  }

  /** Called after contact was lost and found again: drop everything that may be stale. */
  onResync(handler: () => void | Promise<void>): () => void {
    this.resyncHandlers.add(handler);
    return () => this.resyncHandlers.delete(handler);
  }

  /**
   * Applies the change here, then on every other instance; resolves once they acknowledged (or
   * once an instance that did not is known to refuse on its own). Call after the commit and
   * before answering.
   */
  async publish(topic: string, payload: unknown): Promise<void> {
    await this.deliver(topic, payload, 'here');
    if (!this.pub) return;
    const id = randomUUID();
    let settle: () => void = () => undefined;
    const acknowledged = new Promise<void>((resolve) => (settle = resolve));
    const wait = { expected: Number.POSITIVE_INFINITY, got: 0, done: settle };
    this.waiting.set(id, wait);
    const timer = setTimeout(settle, ACK_WAIT_MS);
    try {
      const receivers = await this.pub.publish(CHANNEL, JSON.stringify({ id, from: this.instanceId, topic, payload } satisfies Envelope));
      // Our own subscription is one of the receivers.
      wait.expected = receivers - 1;
      if (wait.got >= wait.expected) settle();
      await acknowledged;
    } catch {
      // Redis is gone: the others lose their heartbeats too and refuse until they resync.
      this.broken = true;
    } finally {
      clearTimeout(timer);
      this.waiting.delete(id);
    }
  }

  private async deliver(topic: string, payload: unknown, origin: ChangeOrigin): Promise<void> {
    const set = this.handlers.get(topic);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        await handler(payload, origin);
      } catch (error) {
        this.logger.error(`change handler for ${topic} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private async sendBeat(): Promise<void> {
    try {
      await this.pub?.publish(CHANNEL, JSON.stringify({ id: '', from: this.instanceId, topic: '', payload: null } satisfies Envelope));
    } catch {
      // Missing heartbeats make this instance count itself lost; nothing else to do here.
    }
  }

  private async receive(channel: string, raw: string): Promise<void> {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      this.logger.warn('Ignored a malformed change message.');
      return;
    }
    if (channel !== CHANNEL) {
      const wait = this.waiting.get(envelope.id);
      if (wait && ++wait.got >= wait.expected) wait.done();
      return;
    }
    if (envelope.from === this.instanceId) {
      if (envelope.topic === '') this.heardOwnBeat();
      return;
    }
    if (envelope.topic === '') return;
    await this.deliver(envelope.topic, envelope.payload, 'elsewhere');
    await this.pub
      ?.publish(ackChannel(envelope.from), JSON.stringify({ id: envelope.id, from: this.instanceId, topic: '', payload: null }))
      .catch(() => undefined);
  }

  private heardOwnBeat(): void {
    const now = performance.now();
    const wasLost = this.broken || (this.lastOwnBeat > 0 && now - this.lastOwnBeat >= LOSS_MS);
    this.lastOwnBeat = now;
    if (wasLost && !this.resyncing) {
      this.broken = false;
      this.resyncing = this.resync().finally(() => (this.resyncing = null));
    }
  }

  private async resync(): Promise<void> {
    this.logger.warn('Contact with the other instances was lost; dropping in-memory state before serving again.');
    for (const handler of [...this.resyncHandlers]) {
      try {
        await handler();
      } catch (error) {
        this.logger.error(`resync handler failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
