import { performance } from 'node:perf_hooks';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { SessionsService } from '../auth/sessions.service';
import { RealtimeService } from '../realtime/realtime.service';
import { RoomRules } from '../room-rules/room-rules.service';

/** How often each instance looks at its own sockets' sessions (an expiry is cut within this). */
export const SESSION_SWEEP_MS = 15_000;

/**
 * How long a session may be gone from the store while its socket still listens here before the
 * sweep cuts it itself. Whoever deleted it tells every instance why (`password-changed`,
 * `revoked`, …) right after the delete; a sweep that ran in between must not answer first with a
 * reason of its own. Past this, the word was lost, and the socket is cut as `revoked`: a sweep is
 * due then (not at the next 15-s one), timed in real elapsed time (the app clock may be set back).
 */
export const GONE_GRACE_MS = 5_000;

/**
 * Sessions behind this instance's sockets, looked at on a timer and whenever the clock moves:
 * 1. a socket in a room that is open for a meeting keeps its session active (someone listening
 *    through a whole meeting is not signed out);
 * 2. a session past its idle or absolute end is revoked: its sockets get `session:revoked` and are
 *    cut, on their own, without any request;
 * 3. a session already deleted is left to its revoker's word for `GONE_GRACE_MS`, then cut.
 */
@Injectable()
export class ListeningSessions implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ListeningSessions');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private offMoved: (() => void) | null = null;
  /** Sessions found deleted while their sockets listen here, and when (performance.now) first found so. */
  private readonly goneSince = new Map<string, number>();
  private readonly graceTimers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly realtime: RealtimeService,
    private readonly sessions: SessionsService,
    private readonly rules: RoomRules,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SESSION_SWEEP_MS);
    this.timer.unref();
    this.offMoved = this.clock.onMoved(() => void this.sweep());
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const timer of this.graceTimers) clearTimeout(timer);
    this.offMoved?.();
    await this.running;
  }

  /** One look at a time; a request for another while one runs is served right after it. */
  sweep(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.look()
      .catch((error: unknown) => this.logger.error(`session sweep failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.sweep();
        }
      });
    return this.running;
  }

  private async look(): Promise<void> {
    const listeners = this.realtime.localListeners();
    if (listeners.length === 0) return;
    const openRooms = new Map<string, boolean>();
    const isOpenMeeting = async (groupId: string) => {
      if (!openRooms.has(groupId)) openRooms.set(groupId, (await this.rules.snapshot(groupId)).meetingId !== null);
      return openRooms.get(groupId)!;
    };
    const listening = new Set<string>();
    for (const listener of listeners) {
      for (const groupId of listener.groupIds) if (await isOpenMeeting(groupId)) listening.add(listener.sessionId);
    }
    await this.sessions.touchMany([...listening]);
    const { ended, gone } = await this.sessions.endedAmong([...new Set(listeners.map((l) => l.sessionId))]);
    for (const sessionId of ended) await this.sessions.revoke(sessionId, 'expired');
    await this.cutLongGone(gone);
  }

  private async cutLongGone(gone: readonly string[]): Promise<void> {
    const now = performance.now();
    for (const sessionId of this.goneSince.keys()) if (!gone.includes(sessionId)) this.goneSince.delete(sessionId);
    for (const sessionId of gone) {
      const since = this.goneSince.get(sessionId);
      if (since === undefined) {
        this.goneSince.set(sessionId, now);
        this.sweepAfterGrace();
      } else if (now - since >= GONE_GRACE_MS) {
        this.goneSince.delete(sessionId);
        await this.realtime.revoke({ kind: 'session', sessionId, reason: 'revoked' });
      }
    }
  }

  private sweepAfterGrace(): void {
    const timer = setTimeout(() => {
      this.graceTimers.delete(timer);
      void this.sweep();
    }, GONE_GRACE_MS + 50);
    timer.unref();
    this.graceTimers.add(timer);
  }
}
