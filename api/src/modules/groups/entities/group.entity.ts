import { Column, Entity } from 'typeorm';
import type { BetweenSessions, Locale } from '@tryg/shared';
import { IdColumn, InstantColumn, TextColumn } from '../../../database/columns';

@Entity('groups')
export class GroupEntity {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 80 }) name: string;
  @TextColumn() description: string;
  @Column({ type: 'varchar', length: 2 }) language: Locale;
  /** Approved members (facilitators not counted). */
  @Column({ type: 'integer' }) capacity: number;
  /** IANA zone; meetings keep their local wall-clock time in it across DST. */
  @Column({ type: 'varchar', length: 64 }) timezone: string;
  @Column({ type: 'varchar', length: 16, name: 'between_sessions' }) betweenSessions: BetweenSessions;
  @TextColumn() rules: string;
  @Column({ type: 'integer', name: 'retention_days' }) retentionDays: number;
  @Column({ type: 'integer', name: 'open_minutes_before' }) openMinutesBefore: number;
  @Column({ type: 'boolean', name: 'require_facilitator' }) requireFacilitator: boolean;
  /** Facilitator cover: an uncovered meeting is cancelled this many hours before it starts (0 = never). */
  @Column({ type: 'integer', name: 'cover_cancel_hours' }) coverCancelHours: number;
  /** Care loop: missed meetings in a row before an opted-in member's coordinator is told. */
  @Column({ type: 'integer', name: 'care_loop_after' }) careLoopAfter: number;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
