import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, type DataSource, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { API_PREFIX, type CalendarTokenResponse, type Locale } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { AccountEntity } from '../accounts/entities/account.entity';
import { GroupEntity } from '../groups/entities/group.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { CalendarTokenEntity } from './entities/calendar-token.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { MeetingRsvpEntity } from './entities/meeting-rsvp.entity';
import { buildCalendar, type CalendarEvent } from './ical-writer';

const DAY_MS = 24 * 3600 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const NEUTRAL = {
  da: { event: 'Aftale', calendar: 'Aftaler' },
  en: { event: 'Appointment', calendar: 'Appointments' },
} as const;

export function hashCalendarToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The per-account iCalendar feed. Its URL is its secret: 256 random bits, kept only as a SHA-256,
 * replaced on each request for a new one and revocable; the request log shows only the route
 * pattern, never the URL.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async issueToken(auth: RequestAuth, origin: string): Promise<CalendarTokenResponse> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.writes.run(async (m) => {
      await m.delete(CalendarTokenEntity, { accountId: auth.accountId });
      await m.insert(CalendarTokenEntity, {
        accountId: auth.accountId,
        tokenHash: hashCalendarToken(token),
        createdAt: now,
      });
      await this.audit.recordIn(m, 'calendar-token.created', auth.accountId, auth.accountId);
    });
    return { url: `${origin}${API_PREFIX}/calendar/${token}.ics` };
  }

  async revokeToken(auth: RequestAuth): Promise<void> {
    await this.writes.run(async (m) => {
      const result = await m.delete(CalendarTokenEntity, { accountId: auth.accountId });
      if (result.affected) await this.audit.recordIn(m, 'calendar-token.revoked', auth.accountId, auth.accountId);
    });
  }

  /** Unknown, revoked or malformed tokens all answer the same 404. */
  async feedForToken(token: string): Promise<string> {
    if (!TOKEN_PATTERN.test(token)) throw new DomainError('NOT_FOUND');
    const row = await this.dataSource
      .getRepository(CalendarTokenEntity)
      .findOneBy({ tokenHash: hashCalendarToken(token) });
    if (!row) throw new DomainError('NOT_FOUND');
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: row.accountId });
    if (!account || account.disabledAt) throw new DomainError('NOT_FOUND');
    return this.feedFor(account.id, account.locale);
  }

  async feedForAuth(auth: RequestAuth): Promise<string> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: auth.accountId });
    if (!account) throw new DomainError('UNAUTHENTICATED');
    return this.feedFor(account.id, account.locale);
  }

  /** Meetings of the account's groups from 30 days back to a year ahead, except ones they said no to. */
  private async feedFor(accountId: string, locale: Locale): Promise<string> {
    const now = this.clock.now();
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { accountId, status: 'approved' } });
    const events: CalendarEvent[] = [];
    if (memberships.length > 0) {
      const groups = await this.dataSource
        .getRepository(GroupEntity)
        .find({ where: { id: In(memberships.map((m) => m.groupId)) } });
      const groupById = new Map(groups.map((g) => [g.id, g]));
      const meetings = await this.dataSource.getRepository(MeetingEntity).find({
        where: {
          groupId: In(memberships.map((m) => m.groupId)),
          startsAt: And(
            MoreThanOrEqual(new Date(now.getTime() - 30 * DAY_MS)),
            LessThanOrEqual(new Date(now.getTime() + 365 * DAY_MS)),
          ),
        },
        order: { startsAt: 'ASC' },
      });
      const declined = new Set(
        (
          await this.dataSource.getRepository(MeetingRsvpEntity).find({
            where: { memberId: In(memberships.map((m) => m.id)), status: 'not-going' },
            select: { meetingId: true },
          })
        ).map((r) => r.meetingId),
      );
      const membershipByGroup = new Map(memberships.map((m) => [m.groupId, m]));
      for (const meeting of meetings) {
        if (declined.has(meeting.id)) continue;
        const group = groupById.get(meeting.groupId);
        const membership = membershipByGroup.get(meeting.groupId);
        if (!group || !membership) continue;
        // Privacy rule: "Appointment" unless this member chose to see the group's name.
        const summary = membership.showGroupName
          ? meeting.title
            ? `${group.name}: ${meeting.title}`
            : group.name
          : NEUTRAL[locale].event;
        events.push({
          uid: meeting.id,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          summary,
          sequence: meeting.revision,
          cancelled: meeting.cancelled,
        });
      }
    }
    return buildCalendar({ name: NEUTRAL[locale].calendar, stamp: now, events });
  }
}
