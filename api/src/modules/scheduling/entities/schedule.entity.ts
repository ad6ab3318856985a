import { Column, Entity } from 'typeorm';
import type { MeetingFrequency } from '@tryg/shared';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/**
 * A series as the facilitator meant it: local date + local time + zone, so every occurrence keeps
 * its wall-clock time across daylight-saving changes. Its meetings are materialised rows.
 */
@Entity('schedules')
export class ScheduleEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @Column({ type: 'varchar', length: 10, name: 'starts_on' }) startsOn: string;
  @Column({ type: 'varchar', length: 5, name: 'local_time' }) time: string;
  @Column({ type: 'varchar', length: 64 }) timezone: string;
  @Column({ type: 'integer', name: 'duration_minutes' }) durationMinutes: number;
  @Column({ type: 'varchar', length: 16 }) frequency: MeetingFrequency;
  @Column({ type: 'integer', nullable: true }) count: number | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) until: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) title: string | null;
  @Column({ type: 'integer', nullable: true }) capacity: number | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
