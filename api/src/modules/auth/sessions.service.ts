import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Not, type Repository } from 'typeorm';
import { SESSION_IDLE_MINUTES, type SessionItem } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { randomToken, sha256Hex } from '../../common/crypto';
import { WriteQueue } from '../../common/write-queue';
import { RealtimeService } from '../realtime/realtime.service';
import { SessionEntity } from './entities/session.entity';

export const SESSION_IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so activity does not mean a write per request. */
const TOUCH_EVERY_MS = 60 * 1000;
/** The purge leaves a session this long after its end: the sweep (every 15 s) tells its sockets first. */
export const PURGE_AFTER_END_MS = 60 * 1000;

export interface LiveSession {
  session: SessionEntity;
  accountId: string;
}

/**
 * Server-side sessions: a 256-bit random token in the cookie, only its SHA-256 in the database,
 * revocable at once. Idle expiry 30 minutes, absolute 12 hours. Activity is a request, user input
 * the web reports, or listening in a room that is open for a meeting; never a heartbeat or an
 * automatic reconnect. Revoking a session cuts its sockets on every instance before it resolves.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');
  private readonly socketTouches = new Map<string, number>();

  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly realtime: RealtimeService,
  ) {}

  /** Inside the caller's transaction. Returns the token, which exists nowhere else afterwards. */
  async createIn(manager: EntityManager, accountId: string): Promise<{ token: string; session: SessionEntity }> {
    const token = randomToken(32);
    const now = this.clock.now();
    const session = manager.create(SessionEntity, {
      id: randomUUID(),
      tokenHash: sha256Hex(token),
      accountId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    });
    await manager.insert(SessionEntity, session);
    return { token, session };
  }

  /** The live session for a cookie token, or null (unknown, expired, idle). A request counts as activity. */
  async resolve(token: string | undefined, options: { countsAsActivity: boolean } = { countsAsActivity: true }): Promise<SessionEntity | null> {
    if (!token || token.length > 100) return null;
    const session = await this.sessions.findOneBy({ tokenHash: sha256Hex(token) });
    if (!session) return null;
    const now = this.clock.nowMs();
    if (now >= session.expiresAt.getTime() || now - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
      // Its sockets are told why now, not by a sweep that would find the session merely gone.
      await this.revoke(session.id, 'expired');
      return null;
    }
    if (options.countsAsActivity) await this.touch(session);
    return session;
  }

  /** User input on a socket (sending, typing, reported input): at most one write a minute per session. */
  async touchById(sessionId: string): Promise<void> {
    const now = this.clock.now();
    const last = this.socketTouches.get(sessionId) ?? 0;
    if (now.getTime() - last < TOUCH_EVERY_MS) return;
    this.socketTouches.set(sessionId, now.getTime());
    if (this.socketTouches.size > 10_000) this.socketTouches.delete(this.socketTouches.keys().next().value!);
    try {
      await this.writes.run((m) => m.update(SessionEntity, { id: sessionId }, { lastSeenAt: now }));
    } catch (error) {
      // Bookkeeping must not refuse what the person does: the send itself answers for the database
      // (UNAVAILABLE). The next input tries the write again.
      this.socketTouches.delete(sessionId);
      this.logger.warn(`Session activity not recorded (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  /** Marks activity (HTTP or socket) so the idle timer restarts. */
  async touch(session: SessionEntity): Promise<void> {
    const now = this.clock.now();
    if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
    session.lastSeenAt = now;
    await this.writes.run((m) => m.update(SessionEntity, { id: session.id }, { lastSeenAt: now }));
  }

  async list(accountId: string, currentId: string): Promise<SessionItem[]> {
    const rows = await this.sessions.find({ where: { accountId }, order: { createdAt: 'DESC' } });
    const now = this.clock.nowMs();
    return rows
      .filter((s) => now < s.expiresAt.getTime() && now - s.lastSeenAt.getTime() < SESSION_IDLE_MS)
      .map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        current: s.id === currentId,
      }));
  }

  findOwned(accountId: string, sessionId: string): Promise<SessionEntity | null> {
    return this.sessions.findOneBy({ id: sessionId, accountId });
  }

  /** Listening in an open meeting's room: the sessions stay alive (one write for all of them). */
  async touchMany(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const now = this.clock.now();
    await this.writes.run((m) => m.update(SessionEntity, { id: In([...sessionIds]) }, { lastSeenAt: now }));
    for (const id of sessionIds) this.socketTouches.set(id, now.getTime());
  }

  /**
   * Of these sessions, those past their idle or absolute end now (`ended`: still stored), and those
   * no longer stored at all (`gone`: deleted by a revoke, whose own word may still be on its way).
   */
  async endedAmong(sessionIds: readonly string[]): Promise<{ ended: string[]; gone: string[] }> {
    if (sessionIds.length === 0) return { ended: [], gone: [] };
    const rows = await this.sessions.find({ where: { id: In([...sessionIds]) }, select: { id: true, expiresAt: true, lastSeenAt: true } });
    const now = this.clock.nowMs();
    const stored = new Set(rows.map((s) => s.id));
    const ended = rows.filter((s) => now >= s.expiresAt.getTime() || now - s.lastSeenAt.getTime() >= SESSION_IDLE_MS).map((s) => s.id);
    return { ended, gone: sessionIds.filter((id) => !stored.has(id)) };
  }

  /** Deletes the session and cuts its sockets on every instance (after the delete, so a reconnect is refused). */
  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.writes.run((m) => m.delete(SessionEntity, { id: sessionId }));
    await this.realtime.revoke({ kind: 'session', sessionId, reason });
  }

  /** Every session of the account, or every one but `exceptId`, gone and disconnected. */
  async revokeAll(accountId: string, reason: string, exceptId?: string): Promise<void> {
    const victims = await this.writes.run(async (m) => {
      const where = exceptId ? { accountId, id: Not(exceptId) } : { accountId };
      const rows = await m.find(SessionEntity, { where, select: { id: true } });
      await m.delete(SessionEntity, where);
      return rows;
    });
    await Promise.all(victims.map((s) => this.realtime.revoke({ kind: 'session', sessionId: s.id, reason })));
  }

  /**
   * Housekeeping: drop sessions past their absolute or idle end by more than `PURGE_AFTER_END_MS`.
   * A session that ended just now is left to the session sweep, which cuts its sockets with
   * `expired` within 15 s; deleted before that, a socket would wait for the sweep's grace for a
   * deleted session instead and be told `revoked`.
   */
  async purgeExpired(): Promise<number> {
    const before = this.clock.nowMs() - PURGE_AFTER_END_MS;
    return this.writes.run(async (m) => {
      const result = await m
        .createQueryBuilder()
        .delete()
        .from(SessionEntity)
        .where('expires_at <= :before OR last_seen_at <= :idle', {
          before: new Date(before).toISOString(),
          idle: new Date(before - SESSION_IDLE_MS).toISOString(),
        })
        .execute();
      return result.affected ?? 0;
    });
  }
}
