import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { SessionsService } from '../auth/sessions.service';
import { RealtimeService } from '../realtime/realtime.service';
import { RoomRules } from '../room-rules/room-rules.service';

/** How often each instance looks at its own sockets' sessions (an expiry is cut within this). */
export const SESSION_SWEEP_MS = 15_000;

/**
 * How long a session may be gone from the store while its socket still listens here before this
 * instance cuts it itself. Whoever deleted it tells every instance why (`password-changed`,
 * `revoked`, …) right after the delete; a sweep that ran in between must not answer first with a
 * reason of its own. Past this (real time: a timer, not the app clock), the word was lost, and the
 * socket is cut as `revoked`.
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
  /** Sessions found deleted while their sockets listen here, each with the timer of its grace. */
  private readonly awaitingWord = new Map<string, NodeJS.Timeout>();

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
    for (const timer of this.awaitingWord.values()) clearTimeout(timer);
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
    for (const sessionId of gone) this.leaveToRevoker(sessionId);
  }

  /** A deleted session's sockets wait for their revoker's word; still here after the grace, they are cut. */
  private leaveToRevoker(sessionId: string): void {
    if (this.awaitingWord.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.awaitingWord.delete(sessionId);
      if (!this.realtime.localListeners().some((l) => l.sessionId === sessionId)) return;
      this.realtime
        .revoke({ kind: 'session', sessionId, reason: 'revoked' })
        .catch((error: unknown) => this.logger.error(`cutting a deleted session failed: ${error instanceof Error ? error.message : String(error)}`));
    }, GONE_GRACE_MS);
    timer.unref();
    this.awaitingWord.set(sessionId, timer);
  }
}
