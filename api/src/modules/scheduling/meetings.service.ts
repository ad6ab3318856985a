import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, type DataSource, type EntityManager, LessThan, MoreThanOrEqual } from 'typeorm';
import {
  type CreateMeetingDto,
  type CreateScheduleDto,
  type Meeting,
  type MeetingsQueryDto,
  type Page,
  SCHEDULING_LIMITS,
  type ScheduleCreated,
  type UpdateMeetingDto,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import type { GroupEntity } from '../groups/entities/group.entity';
import type { NotificationEntity } from '../notifications/entities/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { MeetingEntity } from './entities/meeting.entity';
import { ScheduleEntity } from './entities/schedule.entity';
import { MeetingAccessService } from './meeting-access.service';
import { loadCoverNames } from './meeting-cover-view';
import { type MeetingChange, planMeetingEdit } from './meeting-edit-plan';
import { MeetingNotices } from './meeting-notices';
import { ruleOf, toMeeting, toSchedule } from './meeting-view';
import { occurrences, type SeriesRule } from './recurrence';
import { ChangeBus } from '../../common/change-bus';
import { MEETINGS_CHANGED, type MeetingsChange } from './meetings-changed';
import { loadTallyRsvps, RsvpService } from './rsvp.service';
import { daysBetween, utcToZoned } from './zoned-time';

const DAY_MS = 24 * 3600 * 1000;

function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION', 'The request is not valid.', [{ field, message }]);
}

/** Series and one-off meetings: planning, listing, moving and cancelling. */
@Injectable()
export class MeetingsService {
  private readonly logger = new Logger(MeetingsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly access: MeetingAccessService,
    private readonly notifications: NotificationsService,
    private readonly notices: MeetingNotices,
    private readonly rsvps: RsvpService,
    private readonly bus: ChangeBus,
  ) {}

  async createSeries(auth: RequestAuth, groupId: string, dto: CreateScheduleDto): Promise<ScheduleCreated> {
    const { group, membership } = await this.access.requireGroup(auth, groupId, 'facilitate');
    const now = this.clock.now();
    const today = utcToZoned(now, group.timezone).date;
    if (daysBetween(today, dto.startsOn) > SCHEDULING_LIMITS.maxDaysAhead)
      throw invalid('startsOn', 'must be within two years');
    if (dto.until !== undefined) {
      if (dto.until < dto.startsOn) throw invalid('until', 'must not be before startsOn');
      if (daysBetween(dto.startsOn, dto.until) > SCHEDULING_LIMITS.maxSeriesDays)
        throw invalid('until', 'a series may last at most two years');
    }
    const rule: SeriesRule = {
      startsOn: dto.startsOn,
      time: dto.time,
      timezone: group.timezone,
      durationMinutes: dto.durationMinutes,
      frequency: dto.frequency,
      count: dto.count ?? null,
      until: dto.until ?? null,
    };
    const all = occurrences(rule);
    if (all.length > SCHEDULING_LIMITS.maxOccurrences)
      throw invalid('until', `a series may have at most ${SCHEDULING_LIMITS.maxOccurrences} meetings`);
    // Occurrences already over are not materialised; one in progress is (it may have started).
    const upcoming = all.filter((o) => o.endsAt > now);
    if (upcoming.length === 0) throw invalid('startsOn', 'every meeting of this series would already be over');
    const schedule: ScheduleEntity = {
      id: randomUUID(),
      groupId,
      ...rule,
      title: dto.title ?? null,
      capacity: dto.capacity ?? null,
      createdAt: now,
      updatedAt: now,
    };
    const meetings: MeetingEntity[] = upcoming.map((o) => ({
      id: randomUUID(),
      groupId,
      scheduleId: schedule.id,
      seriesIndex: o.index,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      durationMinutes: rule.durationMinutes,
      title: schedule.title,
      capacity: schedule.capacity,
      cancelled: false,
      revision: 0,
      facilitatorJoinedAt: null,
      createdAt: now,
      updatedAt: now,
    }));
    await this.writes.run(async (m) => {
      await m.insert(ScheduleEntity, schedule);
      for (let i = 0; i < meetings.length; i += 50) await m.insert(MeetingEntity, meetings.slice(i, i + 50));
      await this.audit.recordIn(m, 'schedule.created', auth.accountId, schedule.id);
    });
    await this.announceRoom(groupId);
    return {
      schedule: toSchedule(schedule),
      meetings: meetings.map((m) =>
        toMeeting(m, group, { rsvps: [], myMemberId: membership?.id ?? null, cover: [], seesCover: true }),
      ),
    };
  }

  async createOne(auth: RequestAuth, groupId: string, dto: CreateMeetingDto): Promise<Meeting> {
    const { group, membership } = await this.access.requireGroup(auth, groupId, 'facilitate');
    const now = this.clock.now();
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(startsAt.getTime() + dto.durationMinutes * 60_000);
    if (endsAt <= now)
      throw invalid('startsAt', 'the meeting would already be over (it may start at most its duration ago)');
    if (startsAt.getTime() - now.getTime() > SCHEDULING_LIMITS.maxDaysAhead * DAY_MS)
      throw invalid('startsAt', 'must be within two years');
    const meeting: MeetingEntity = {
      id: randomUUID(),
      groupId,
      scheduleId: null,
      seriesIndex: null,
      startsAt,
      endsAt,
      durationMinutes: dto.durationMinutes,
      title: dto.title ?? null,
      capacity: dto.capacity ?? null,
      cancelled: false,
      revision: 0,
      facilitatorJoinedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.writes.run(async (m) => {
      await m.insert(MeetingEntity, meeting);
      await this.audit.recordIn(m, 'meeting.created', auth.accountId, meeting.id);
    });
    await this.announceRoom(groupId);
    return toMeeting(meeting, group, { rsvps: [], myMemberId: membership?.id ?? null, cover: [], seesCover: true });
  }

  async list(auth: RequestAuth, groupId: string, query: MeetingsQueryDto): Promise<Page<Meeting>> {
    const access = await this.access.requireGroup(auth, groupId, 'participate');
    const { group, membership } = access;
    const now = this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(now.getTime() - SCHEDULING_LIMITS.defaultListBeforeMs);
    const to = query.to ? new Date(query.to) : new Date(now.getTime() + SCHEDULING_LIMITS.defaultListAfterMs);
    if (to <= from) throw invalid('to', 'must be after from');
    if (to.getTime() - from.getTime() > SCHEDULING_LIMITS.maxListSpanDays * DAY_MS) {
      throw invalid('to', `the range may span at most ${SCHEDULING_LIMITS.maxListSpanDays} days`);
    }
    const meetings = await this.dataSource.getRepository(MeetingEntity).find({
      where: { groupId, startsAt: And(MoreThanOrEqual(from), LessThan(to)) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return {
      items: await this.views(meetings, new Map([[group.id, group]]), {
        seesCover: access.isFacilitator || auth.role === 'admin',
        myMemberId: () => membership?.id ?? null,
      }),
      nextCursor: null,
    };
  }

  /**
   * Meeting views with their RSVP tally and cover, for meetings of the given groups. `seesCover`:
   * the caller is a facilitator of the group or an admin (members see only whether it is covered).
   */
  async views(
    meetings: MeetingEntity[],
    groups: ReadonlyMap<string, GroupEntity>,
    viewer: { seesCover: boolean; myMemberId: (groupId: string) => string | null },
  ): Promise<Meeting[]> {
    const ids = meetings.map((m) => m.id);
    const [rsvps, cover] = await Promise.all([
      loadTallyRsvps(this.dataSource.manager, ids),
      loadCoverNames(this.dataSource.manager, ids),
    ]);
    return meetings.map((m) =>
      toMeeting(m, groups.get(m.groupId)!, {
        rsvps: rsvps.get(m.id) ?? [],
        myMemberId: viewer.myMemberId(m.groupId),
        cover: cover.get(m.id) ?? [],
        seesCover: viewer.seesCover,
      }),
    );
  }

  async update(auth: RequestAuth, meetingId: string, dto: UpdateMeetingDto): Promise<Meeting> {
    const { meeting, access } = await this.access.requireMeeting(auth, meetingId, 'facilitate');
    const group = access.group;
    const scope = dto.scope ?? 'this';
    const change: MeetingChange = {
      startsAt: dto.startsAt !== undefined ? new Date(dto.startsAt) : undefined,
      durationMinutes: dto.durationMinutes,
      cancelled: dto.cancelled,
      title: dto.title,
      capacity: dto.capacity,
    };
    if (Object.values(change).every((v) => v === undefined)) throw invalid('startsAt', 'nothing to change');
    const onlyCancelFlag = Object.entries(change).every(([k, v]) => k === 'cancelled' || v === undefined);
    const now = this.clock.now();
    if (meeting.endsAt <= now) throw new DomainError('CONFLICT', 'This appointment is already over.');
    if (onlyCancelFlag && scope === 'this' && change.cancelled === meeting.cancelled) {
      throw new DomainError(
        'CONFLICT',
        meeting.cancelled ? 'This appointment is already cancelled.' : 'This appointment is not cancelled.',
      );
    }

    const outcome = await this.writes.run(async (m) => {
      const target = await m.findOneByOrFail(MeetingEntity, { id: meetingId });
      const schedule =
        scope === 'following' && target.scheduleId
          ? await m.findOneBy(ScheduleEntity, { id: target.scheduleId })
          : null;
      const series = schedule
        ? { rule: ruleOf(schedule), meetings: await m.find(MeetingEntity, { where: { scheduleId: schedule.id } }) }
        : null;
      const plan = planMeetingEdit({ target, scope, change, series, now });
      for (const { after, before } of plan.updates) {
        const reshaped =
          after.startsAt.getTime() !== before.startsAt.getTime() || after.endsAt.getTime() !== before.endsAt.getTime();
        if (reshaped && after.endsAt <= now) throw invalid('startsAt', 'a meeting would already be over');
        if (after.startsAt.getTime() - now.getTime() > SCHEDULING_LIMITS.maxDaysAhead * DAY_MS)
          throw invalid('startsAt', 'must be within two years');
      }

      let newScheduleId: string | null = null;
      if (plan.split && schedule) {
        if (plan.split.before) {
          newScheduleId = randomUUID();
          await m.update(
            ScheduleEntity,
            { id: schedule.id },
            { count: plan.split.before.count, until: plan.split.before.until, updatedAt: now },
          );
          await m.insert(ScheduleEntity, {
            ...schedule,
            ...plan.split.from,
            id: newScheduleId,
            title: change.title !== undefined ? change.title : schedule.title,
            capacity: change.capacity ?? schedule.capacity,
            createdAt: now,
            updatedAt: now,
          });
        } else {
          await m.update(ScheduleEntity, { id: schedule.id }, { ...plan.split.from, updatedAt: now });
        }
      }

      const created: (NotificationEntity | null)[] = [];
      for (const { before, after, moved, cancelledNow } of plan.updates) {
        await m.update(
          MeetingEntity,
          { id: after.id },
          {
            startsAt: after.startsAt,
            endsAt: after.endsAt,
            durationMinutes: after.durationMinutes,
            cancelled: after.cancelled,
            title: after.title,
            capacity: after.capacity,
            seriesIndex: after.seriesIndex,
            scheduleId: newScheduleId ?? after.scheduleId,
            // A moved meeting starts a new window; the facilitator must join it again.
            ...(moved ? { facilitatorJoinedAt: null } : {}),
            revision: () => 'revision + 1',
            updatedAt: now,
          },
        );
        if (cancelledNow) created.push(...(await this.notices.notifyChange(m, group, before, { cancelled: true })));
        else if (moved && !after.cancelled)
          created.push(...(await this.notices.notifyChange(m, group, before, { movedTo: after.startsAt })));
        const fresh = await m.findOneByOrFail(MeetingEntity, { id: after.id });
        // More places, or a restored meeting: the line moves up.
        created.push(...(await this.rsvps.promoteIn(m, fresh, group)));
      }
      await this.audit.recordIn(m, 'meeting.updated', auth.accountId, meetingId);
      return { created, target: await m.findOneByOrFail(MeetingEntity, { id: meetingId }) };
    });
    this.notifications.publish(outcome.created);
    await this.announceRoom(group.id);
    const [view] = await this.views([outcome.target], new Map([[group.id, group]]), {
      seesCover: true,
      myMemberId: () => access.membership?.id ?? null,
    });
    return view;
  }

  /**
   * Cancels a meeting for the system (not a person) inside the caller's transaction, with the
   * ordinary cancellation notice to everyone going or waiting. After the commit, the caller hands
   * the result to `announceChanges`.
   */
  async cancelIn(m: EntityManager, meeting: MeetingEntity, group: GroupEntity): Promise<(NotificationEntity | null)[]> {
    const now = this.clock.now();
    await m.update(MeetingEntity, { id: meeting.id }, { cancelled: true, revision: () => 'revision + 1', updatedAt: now });
    return this.notices.notifyChange(m, group, meeting, { cancelled: true });
  }

  /** After a committed change made outside this service: push the notices and the room state. */
  async announceChanges(groupId: string, created: (NotificationEntity | null)[]): Promise<void> {
    this.notifications.publish(created);
    await this.announceRoom(groupId);
  }

  /** The room window follows the meetings (on every instance); a failure to announce must not fail the edit. */
  private async announceRoom(groupId: string): Promise<void> {
    try {
      await this.bus.publish(MEETINGS_CHANGED, { groupId } satisfies MeetingsChange);
    } catch (error) {
      this.logger.error(`room state announcement failed: ${(error as Error).message}`);
    }
  }
}
