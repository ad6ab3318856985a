import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../../database/columns';

/**
 * One row per periodic job, shared by every scheduler instance. An instance runs a job only after
 * winning a conditional UPDATE on this row, so a job due at a tick runs once however many
 * instances tick together.
 */
@Entity('job_leases')
export class JobLeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) holder: string | null;
  @InstantColumn({ name: 'locked_until', nullable: true }) lockedUntil: Date | null;
  @InstantColumn({ name: 'next_due_at' }) nextDueAt: Date;
  @InstantColumn({ name: 'last_run_at', nullable: true }) lastRunAt: Date | null;
}
