import { Column, Entity } from 'typeorm';
import type { WatchAction } from '@tryg/shared';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/** One watched word: the admin's (no group) or a group's addition. */
@Entity('watched_words')
export class WatchedWordEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id', nullable: true }) groupId: string | null;
  @Column({ type: 'varchar', length: 100 }) pattern: string;
  @Column({ type: 'varchar', length: 16 }) action: WatchAction;
  @Column({ type: 'integer' }) position: number;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
