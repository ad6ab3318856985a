import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from '../../../database/columns';

/** A room's talking order (hands, speaker, round) as JSON, changed only by compare-and-set on `version`. */
@Entity('room_floors')
export class RoomFloorEntity {
  @IdColumn('group_id') groupId: string;
  @TextColumn() state: string;
  @Column({ type: 'integer' }) version: number;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
