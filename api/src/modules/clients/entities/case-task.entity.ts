import { Column, Entity } from 'typeorm';
import type { TaskOwner, TaskStatus } from '@tryg/shared';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

/** One step of the action plan. Title, owner's name and note are sealed; dates and states are not. */
@Entity('client_tasks')
export class CaseTaskEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'client_id' }) clientId: string;
  @TextColumn({ name: 'title_sealed' }) titleSealed: string;
  @Column({ type: 'varchar', length: 16 }) owner: TaskOwner;
  @TextColumn({ name: 'owner_name_sealed', nullable: true }) ownerNameSealed: string | null;
  @Column({ type: 'varchar', length: 10, name: 'due_on', nullable: true }) dueOn: string | null;
  @Column({ type: 'varchar', length: 16 }) status: TaskStatus;
  @TextColumn({ name: 'note_sealed', nullable: true }) noteSealed: string | null;
  /** The due date a reminder went out for. */
  @Column({ type: 'varchar', length: 10, name: 'due_reminded_on', nullable: true }) dueRemindedOn: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
