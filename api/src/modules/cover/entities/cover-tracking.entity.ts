import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn } from '../../../database/columns';

/** `done`: the cover rules cancelled it once and never will again; `exempt`: it existed before the rules. */
export type AutoCancelState = 'done' | 'exempt';

/**
 * What the cover jobs have done about one meeting, so each thing happens once whatever the number
 * of instances: the gap notice (for the start time it was sent for; taking or giving back the
 * meeting clears it, so a new gap is told again) and the automatic cancellation.
 */
@Entity('cover_tracking')
export class CoverTrackingEntity {
  @IdColumn('meeting_id') meetingId: string;
  @InstantColumn({ name: 'gap_notice_starts_at', nullable: true }) gapNoticeStartsAt: Date | null;
  @Column({ type: 'varchar', length: 16, name: 'auto_cancel', nullable: true }) autoCancel: AutoCancelState | null;
}
