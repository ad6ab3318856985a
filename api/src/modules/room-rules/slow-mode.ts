import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { RedisConnection } from '../../common/redis';

/** Checks and takes a slot in one step: refused while the last one is younger than the window. */
const TAKE_SLOT = `
local last = redis.call('GET', KEYS[1])
local now = tonumber(ARGV[1])
if last and now >= tonumber(last) and now - tonumber(last) < tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

const LOCAL_MAX = 50_000;

/**
 * Slow mode's clock: when each member last got a message through. Shared through Redis when
 * several instances run (a member switching instance is still slowed); in memory otherwise.
 * Times are the app clock's, so tests can move past a window.
 */
@Injectable()
export class SlowMode {
  private readonly local = new Map<string, number>();

  constructor(private readonly redis: RedisConnection) {}

  async take(groupId: string, memberId: string, windowSeconds: number, nowMs: number): Promise<boolean> {
    const key = `tryg:slow:${groupId}:${memberId}`;
    const windowMs = windowSeconds * 1000;
    if (this.redis.client) {
      const taken = await this.redis.client.eval(TAKE_SLOT, 1, key, String(nowMs), String(windowMs)).catch(() => {
        // Redis gone or stalled: the shared window cannot be judged.
        throw new DomainError('UNAVAILABLE');
      });
      return taken === 1;
    }
    const last = this.local.get(key);
    if (last !== undefined && nowMs >= last && nowMs - last < windowMs) return false;
    this.local.delete(key);
    this.local.set(key, nowMs);
    if (this.local.size > LOCAL_MAX) this.local.delete(this.local.keys().next().value!);
    return true;
  }
}
