import { Column, Entity } from 'typeorm';
import { IdColumn } from '../../../database/columns';

/**
 * The last message number of each group. Updating this row inside the message transaction takes
 * a row lock on PostgreSQL, so several instances still give one gap-free order per group.
 */
@Entity('room_counters')
export class RoomCounterEntity {
  @IdColumn('group_id') groupId: string;
  @Column({ type: 'integer', name: 'last_seq' }) lastSeq: number;
}
