import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import {
  type AttendanceItem,
  type AttendanceRecord,
  type MeetingAttendanceItem,
  type Page,
  SCHEDULING_LIMITS,
  type SetAttendanceDto,
} from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { GroupEntity } from '../groups/entities/group.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { type AttendanceSource, MeetingAttendanceEntity } from './entities/meeting-attendance.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { MeetingAccessService } from './meeting-access.service';
import { windowOpensAt } from './meeting-window';

export interface AttendanceMeeting {
  id: string;
  startsAt: Date;
}

/**
 * `attended`: of the member's recent meetings — the group's last `attendanceWindow` meetings that
 * have ended, were not cancelled and started after the member was approved — how many they were
 * present at. `missedInARow`: how many of the latest of those, in a row, they were not.
 * A quiet signal of isolation, for the group's facilitators only.
 */
export function summariseAttendance(
  recentNewestFirst: AttendanceMeeting[],
  memberSince: Date,
  presentAt: ReadonlySet<string>,
): Pick<AttendanceItem, 'attended' | 'missedInARow' | 'recentMeetings'> {
  const relevant = recentNewestFirst.filter((m) => m.startsAt >= memberSince);
  const attended = relevant.filter((m) => presentAt.has(m.id)).length;
  const firstPresent = relevant.findIndex((m) => presentAt.has(m.id));
  return {
    attended,
    missedInARow: firstPresent === -1 ? relevant.length : firstPresent,
    recentMeetings: relevant.length,
  };
}

@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly access: MeetingAccessService,
  ) {}

  async set(auth: RequestAuth, meetingId: string, memberId: string, dto: SetAttendanceDto): Promise<AttendanceRecord> {
    const { meeting, access } = await this.access.requireMeeting(auth, meetingId, 'facilitate');
    const member = await this.dataSource
      .getRepository(MembershipEntity)
      .findOneBy({ id: memberId, groupId: meeting.groupId });
    if (!member || member.role !== 'member') throw new DomainError('NOT_FOUND');
    const now = this.clock.now();
    if (meeting.cancelled) throw new DomainError('CONFLICT', 'This appointment is cancelled.');
    if (windowOpensAt(meeting, access.group.openMinutesBefore) > now)
      throw new DomainError('CONFLICT', 'This appointment has not started yet.');
    await this.writes.run(async (m) => {
      await this.upsert(m, meetingId, memberId, dto.present, 'facilitator', true);
      await this.audit.recordIn(m, 'attendance.set', auth.accountId, memberId);
    });
    return { meetingId, memberId, present: dto.present };
  }

  /**
   * For the Live rooms issue: a member was in the room during the meeting's window. A facilitator's
   * own record wins over presence; outside the window nothing is recorded.
   */
  async recordPresence(meetingId: string, memberId: string): Promise<boolean> {
    const now = this.clock.now();
    return this.writes.run(async (m) => {
      const meeting = await m.findOneBy(MeetingEntity, { id: meetingId });
      const member = await m.findOneBy(MembershipEntity, { id: memberId });
      if (
        !meeting ||
        meeting.cancelled ||
        !member ||
        member.groupId !== meeting.groupId ||
        member.role !== 'member' ||
        member.status !== 'approved'
      ) {
        return false;
      }
      const group = await m.findOneBy(GroupEntity, { id: meeting.groupId });
      if (!group || now < windowOpensAt(meeting, group.openMinutesBefore) || now >= meeting.endsAt) return false;
      return this.upsert(m, meetingId, memberId, true, 'presence', false);
    });
  }

  private async upsert(
    m: EntityManager,
    meetingId: string,
    memberId: string,
    present: boolean,
    source: AttendanceSource,
    overwrite: boolean,
  ): Promise<boolean> {
    const existing = await m.findOneBy(MeetingAttendanceEntity, { meetingId, memberId });
    const now = this.clock.now();
    if (!existing) {
      await m.insert(MeetingAttendanceEntity, {
        id: randomUUID(),
        meetingId,
        memberId,
        present,
        source,
        recordedAt: now,
      });
      return true;
    }
    if (!overwrite && existing.source === 'facilitator') return false;
    await m.update(MeetingAttendanceEntity, { id: existing.id }, { present, source, recordedAt: now });
    return true;
  }

  /** One meeting's records, so a facilitator sees who is (or was) present while it runs. */
  async ofMeeting(auth: RequestAuth, meetingId: string): Promise<Page<MeetingAttendanceItem>> {
    const { meeting } = await this.access.requireMeeting(auth, meetingId, 'facilitate');
    const rows = await this.dataSource
      .getRepository(MeetingAttendanceEntity)
      .find({ where: { meetingId: meeting.id }, order: { recordedAt: 'ASC' } });
    return {
      items: rows.map((row) => ({ meetingId: row.meetingId, memberId: row.memberId, present: row.present, source: row.source })),
      nextCursor: null,
    };
  }

  async list(auth: RequestAuth, groupId: string): Promise<Page<AttendanceItem>> {
    await this.access.requireGroup(auth, groupId, 'facilitate');
    const members = await this.dataSource.getRepository(MembershipEntity).find({
      where: { groupId, role: 'member', status: 'approved' },
      order: { displayName: 'ASC' },
    });
    return { items: await this.summaries(groupId, members), nextCursor: null };
  }

  /**
   * Each given approved member's attendance, as the group's facilitators see it. Also what the care
   * loop counts, so a coordinator is told exactly when the facilitators' `missedInARow` says so.
   */
  async summaries(groupId: string, members: MembershipEntity[]): Promise<AttendanceItem[]> {
    if (members.length === 0) return [];
    const now = this.clock.now();
    // Each member's window is a subset of the group's last `attendanceWindow` ended meetings.
    const recent = await this.dataSource.getRepository(MeetingEntity).find({
      where: { groupId, cancelled: false, endsAt: LessThanOrEqual(now) },
      order: { startsAt: 'DESC' },
      take: SCHEDULING_LIMITS.attendanceWindow,
      select: { id: true, startsAt: true },
    });
    const rows = recent.length
      ? await this.dataSource
          .getRepository(MeetingAttendanceEntity)
          .find({ where: { meetingId: In(recent.map((m) => m.id)), present: true } })
      : [];
    const presentByMember = new Map<string, Set<string>>();
    for (const row of rows) {
      if (!presentByMember.has(row.memberId)) presentByMember.set(row.memberId, new Set());
      presentByMember.get(row.memberId)!.add(row.meetingId);
    }
    return members.map((member) => ({
      memberId: member.id,
      displayName: member.displayName,
      ...summariseAttendance(recent, member.approvedAt ?? member.createdAt, presentByMember.get(member.id) ?? new Set()),
    }));
  }
}
