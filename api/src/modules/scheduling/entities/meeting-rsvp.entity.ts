import { Column, Entity } from 'typeorm';
import type { RsvpStatus } from '@tryg/shared';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** A member's answer for one meeting. The waitlist is ordered by `queuedAt` (when they said yes). */
@Entity('meeting_rsvps')
export class MeetingRsvpEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'meeting_id' }) meetingId: string;
  @UuidColumn({ name: 'member_id' }) memberId: string;
  @Column({ type: 'varchar', length: 16 }) status: RsvpStatus;
  @InstantColumn({ name: 'queued_at' }) queuedAt: Date;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
