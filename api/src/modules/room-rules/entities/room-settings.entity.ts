import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from '../../../database/columns';

/** A group's room controls; no row means unlocked, no slow mode and the group's own rules pinned. */
@Entity('room_settings')
export class RoomSettingsEntity {
  @IdColumn('group_id') groupId: string;
  @Column({ type: 'boolean' }) locked: boolean;
  @Column({ type: 'integer', name: 'slow_mode_seconds' }) slowModeSeconds: number;
  /** Null until a facilitator pins rules: then the group's `rules` show. */
  @TextColumn({ name: 'pinned_rules', nullable: true }) pinnedRules: string | null;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
