import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** One meeting ("session" to users), one-off or an occurrence of a schedule. */
@Entity('meetings')
export class MeetingEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @UuidColumn({ name: 'schedule_id', nullable: true }) scheduleId: string | null;
  /** Position in its schedule, from 0; kept when the occurrence is moved on its own. */
  @Column({ type: 'integer', name: 'series_index', nullable: true }) seriesIndex: number | null;
  @InstantColumn({ name: 'starts_at' }) startsAt: Date;
  @InstantColumn({ name: 'ends_at' }) endsAt: Date;
  @Column({ type: 'integer', name: 'duration_minutes' }) durationMinutes: number;
  @Column({ type: 'varchar', length: 80, nullable: true }) title: string | null;
  /** Places; null follows the group's capacity. */
  @Column({ type: 'integer', nullable: true }) capacity: number | null;
  @Column({ type: 'boolean' }) cancelled: boolean;
  /** Bumped on every change; the calendar feed's SEQUENCE, so subscribed calendars update. */
  @Column({ type: 'integer' }) revision: number;
  /** First time a facilitator joined the room during this meeting's window (requireFacilitator). */
  @InstantColumn({ name: 'facilitator_joined_at', nullable: true }) facilitatorJoinedAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
