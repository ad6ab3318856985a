import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { HoldsPersonalData, type PersonalDataHolder } from '../../common/personal-data';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { CalendarTokenEntity } from './entities/calendar-token.entity';
import { MeetingAttendanceEntity } from './entities/meeting-attendance.entity';
import { MeetingRsvpEntity } from './entities/meeting-rsvp.entity';

/** A person's RSVPs, attendance and calendar feed: exported (never the feed's secret) and deleted with the account. */
@Injectable()
@HoldsPersonalData()
export class SchedulingPersonalData implements PersonalDataHolder {
  readonly personalDataKey = 'scheduling';

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportPersonalData(accountId: string) {
    const memberIds = (
      await this.dataSource.getRepository(MembershipEntity).find({ where: { accountId }, select: { id: true } })
    ).map((m) => m.id);
    const rsvps = memberIds.length
      ? await this.dataSource.getRepository(MeetingRsvpEntity).find({ where: { memberId: In(memberIds) } })
      : [];
    const attendance = memberIds.length
      ? await this.dataSource.getRepository(MeetingAttendanceEntity).find({ where: { memberId: In(memberIds) } })
      : [];
    const calendar = await this.dataSource.getRepository(CalendarTokenEntity).findOneBy({ accountId });
    return {
      rsvps: rsvps.map((r) => ({
        meetingId: r.meetingId,
        memberId: r.memberId,
        status: r.status,
        updatedAt: r.updatedAt.toISOString(),
      })),
      attendance: attendance.map((a) => ({ meetingId: a.meetingId, memberId: a.memberId, present: a.present })),
      calendarFeed: calendar ? { createdAt: calendar.createdAt.toISOString() } : null,
    };
  }

  async erasePersonalData(manager: EntityManager, accountId: string): Promise<void> {
    const memberIds = (await manager.find(MembershipEntity, { where: { accountId }, select: { id: true } })).map(
      (m) => m.id,
    );
    if (memberIds.length) {
      await manager.delete(MeetingRsvpEntity, { memberId: In(memberIds) });
      await manager.delete(MeetingAttendanceEntity, { memberId: In(memberIds) });
    }
    await manager.delete(CalendarTokenEntity, { accountId });
  }
}
