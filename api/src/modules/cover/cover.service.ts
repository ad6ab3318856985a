import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { COVER_LIMITS, type CoverItem, type EditScope, type Meeting, type Page } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { GroupEntity } from '../groups/entities/group.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MeetingCoverEntity } from '../scheduling/entities/meeting-cover.entity';
import { MeetingEntity } from '../scheduling/entities/meeting.entity';
import { MeetingAccessService } from '../scheduling/meeting-access.service';
import { loadCoverNames } from '../scheduling/meeting-cover-view';
import { MeetingsService } from '../scheduling/meetings.service';
import { hasCoverRules, hoursUntil } from './cover-rules';
import { CoverTrackingEntity } from './entities/cover-tracking.entity';

const PAGE_SIZE = 100;
const DAY_MS = 24 * 3600_000;

/**
 * Facilitator cover: a facilitator of the group takes a meeting or gives it back (one meeting, or
 * it and the rest of its series), and staff see the meetings nobody covers. Access is the
 * scheduling module's one rule: a facilitator of another group gets the same 404 as for a meeting
 * that does not exist; a member of the group gets 403.
 */
@Injectable()
export class CoverService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly access: MeetingAccessService,
    private readonly meetings: MeetingsService,
  ) {}

  async take(auth: RequestAuth, meetingId: string, scope: EditScope = 'this'): Promise<Meeting> {
    const { meeting, access } = await this.access.requireMeeting(auth, meetingId, 'facilitate');
    const facilitator = access.membership!;
    const now = this.clock.now();
    if (meeting.endsAt <= now) throw new DomainError('CONFLICT', 'This meeting is already over.');
    if (meeting.cancelled) throw new DomainError('CONFLICT', 'This meeting is cancelled.');
    await this.writes.run(async (m) => {
      const targets = (await this.targets(m, meeting, scope, now)).filter((t) => !t.cancelled);
      const mine = await this.coveredBy(m, facilitator.id, targets);
      const toTake = targets.filter((t) => !mine.has(t.id));
      if (toTake.length === 0) throw new DomainError('CONFLICT', 'You already cover this meeting.');
      await m
        .createQueryBuilder()
        .insert()
        .into(MeetingCoverEntity)
        .values(toTake.map((t) => ({ id: randomUUID(), meetingId: t.id, memberId: facilitator.id, createdAt: now })))
        .orIgnore()
        .execute();
      await this.forgetGapNotices(m, toTake);
      await this.audit.recordIn(m, 'meeting.cover.taken', auth.accountId, meetingId);
    });
    return this.viewForFacilitator(meeting.id, access.group, facilitator.id);
  }

  async giveBack(auth: RequestAuth, meetingId: string, scope: EditScope = 'this'): Promise<Meeting> {
    const { meeting, access } = await this.access.requireMeeting(auth, meetingId, 'facilitate');
    const facilitator = access.membership!;
    const now = this.clock.now();
    if (meeting.endsAt <= now) throw new DomainError('CONFLICT', 'This meeting is already over.');
    await this.writes.run(async (m) => {
      const targets = await this.targets(m, meeting, scope, now);
      const mine = await this.coveredBy(m, facilitator.id, targets);
      const toGive = targets.filter((t) => mine.has(t.id));
      if (toGive.length === 0) throw new DomainError('CONFLICT', 'You do not cover this meeting.');
      await m.delete(MeetingCoverEntity, { memberId: facilitator.id, meetingId: In(toGive.map((t) => t.id)) });
      // A meeting nobody covers any more is a new gap: its staff are told again.
      await this.forgetGapNotices(m, toGive);
      await this.audit.recordIn(m, 'meeting.cover.given-back', auth.accountId, meetingId);
    });
    return this.viewForFacilitator(meeting.id, access.group, facilitator.id);
  }

  /** `GET /cover-gaps`: uncancelled meetings of requireFacilitator groups nobody covers, soonest first. */
  async gaps(auth: RequestAuth, days: number = COVER_LIMITS.daysDefault, rawCursor?: string): Promise<Page<CoverItem>> {
    const facilitating = await this.facilitatorMemberships(auth);
    const groups = await this.groupsOf(auth, facilitating);
    const withRules = [...groups.values()].filter(hasCoverRules);
    return this.page(auth, withRules, days, rawCursor, facilitating, async (batch) => {
      const cover = await loadCoverNames(this.dataSource.manager, batch.map((m) => m.id));
      return batch.filter((m) => (cover.get(m.id) ?? []).length === 0);
    });
  }

  /** `GET /me/cover`: the meetings I cover in the coming days, soonest first. */
  async mine(auth: RequestAuth, days: number = COVER_LIMITS.daysDefault, rawCursor?: string): Promise<Page<CoverItem>> {
    const facilitating = await this.facilitatorMemberships(auth);
    const groups = await this.groupsOf(auth, facilitating, false);
    const myIds = [...facilitating.values()];
    return this.page(auth, [...groups.values()], days, rawCursor, facilitating, async (batch) => {
      const covered = await this.coveredByAny(this.dataSource.manager, myIds, batch);
      return batch.filter((m) => covered.has(m.id));
    });
  }

  /** Keyset pages over the groups' meetings in the window, keeping those `keep` selects. */
  private async page(
    auth: RequestAuth,
    groups: GroupEntity[],
    days: number,
    rawCursor: string | undefined,
    facilitating: ReadonlyMap<string, string>,
    keep: (batch: MeetingEntity[]) => Promise<MeetingEntity[]>,
  ): Promise<Page<CoverItem>> {
    const cursor = decodeCursor(rawCursor);
    if (groups.length === 0) return { items: [], nextCursor: null };
    const now = this.clock.now();
    const until = new Date(now.getTime() + days * DAY_MS);
    const kept: MeetingEntity[] = [];
    let after = cursor;
    for (;;) {
      const query = this.dataSource
        .getRepository(MeetingEntity)
        .createQueryBuilder('m')
        .where('m.group_id IN (:...groupIds)', { groupIds: groups.map((g) => g.id) })
        .andWhere('m.cancelled = :no', { no: false })
        .andWhere('m.ends_at > :now AND m.starts_at < :until', { now: now.toISOString(), until: until.toISOString() })
        .orderBy('m.starts_at', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .take(PAGE_SIZE * 2);
      if (after) query.andWhere('(m.starts_at > :at OR (m.starts_at = :at AND m.id > :id))', after);
      const batch = await query.getMany();
      kept.push(...(await keep(batch)));
      if (kept.length > PAGE_SIZE || batch.length < PAGE_SIZE * 2) break;
      const last = batch[batch.length - 1];
      after = { at: last.startsAt.toISOString(), id: last.id };
    }
    const page = kept.slice(0, PAGE_SIZE);
    const groupById = new Map(groups.map((g) => [g.id, g]));
    const views = await this.meetings.views(page, groupById, {
      seesCover: true,
      myMemberId: (groupId) => facilitating.get(groupId) ?? null,
    });
    const last = page[page.length - 1];
    return {
      items: page.map((m, i) => ({
        meeting: views[i],
        groupId: m.groupId,
        groupName: groupById.get(m.groupId)!.name,
        timezone: groupById.get(m.groupId)!.timezone,
        hoursUntilStart: hoursUntil(m.startsAt, now),
      })),
      nextCursor: kept.length > PAGE_SIZE && last ? encodeCursor({ at: last.startsAt.toISOString(), id: last.id }) : null,
    };
  }

  /** The groups whose gaps the caller sees: admins all, a facilitator the groups they run. */
  private async groupsOf(
    auth: RequestAuth,
    facilitating: ReadonlyMap<string, string>,
    adminSeesAll = true,
  ): Promise<Map<string, GroupEntity>> {
    const repo = this.dataSource.getRepository(GroupEntity);
    const rows =
      auth.role === 'admin' && adminSeesAll
        ? await repo.find()
        : facilitating.size > 0
          ? await repo.findBy({ id: In([...facilitating.keys()]) })
          : [];
    return new Map(rows.map((g) => [g.id, g]));
  }

  /** groupId → the caller's approved facilitator membership id there. */
  private async facilitatorMemberships(auth: RequestAuth): Promise<Map<string, string>> {
    const rows = await this.dataSource.getRepository(MembershipEntity).find({
      where: { accountId: auth.accountId, role: 'facilitator', status: 'approved' },
      select: { id: true, groupId: true },
    });
    return new Map(rows.map((r) => [r.groupId, r.id]));
  }

  /** The meeting, or with `following` it and the later meetings of its series that are not over. */
  private async targets(m: EntityManager, meeting: MeetingEntity, scope: EditScope, now: Date): Promise<MeetingEntity[]> {
    if (scope === 'this' || !meeting.scheduleId) return [meeting];
    const series = await m.find(MeetingEntity, { where: { scheduleId: meeting.scheduleId }, order: { startsAt: 'ASC' } });
    return series.filter((s) => s.id === meeting.id || (s.startsAt >= meeting.startsAt && s.endsAt > now));
  }

  private coveredBy(m: EntityManager, memberId: string, meetings: MeetingEntity[]): Promise<Set<string>> {
    return this.coveredByAny(m, [memberId], meetings);
  }

  private async coveredByAny(m: EntityManager, memberIds: string[], meetings: MeetingEntity[]): Promise<Set<string>> {
    if (memberIds.length === 0 || meetings.length === 0) return new Set();
    const rows = await m.find(MeetingCoverEntity, {
      where: { memberId: In(memberIds), meetingId: In(meetings.map((t) => t.id)) },
      select: { meetingId: true },
    });
    return new Set(rows.map((r) => r.meetingId));
  }

  private async forgetGapNotices(m: EntityManager, meetings: MeetingEntity[]): Promise<void> {
    await m.update(CoverTrackingEntity, { meetingId: In(meetings.map((t) => t.id)) }, { gapNoticeStartsAt: null });
  }

  private async viewForFacilitator(meetingId: string, group: GroupEntity, memberId: string): Promise<Meeting> {
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOneByOrFail({ id: meetingId });
    const [view] = await this.meetings.views([meeting], new Map([[group.id, group]]), {
      seesCover: true,
      myMemberId: () => memberId,
    });
    return view;
  }
}
