import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

/** A facilitator's private note on a member; the body is sealed (AES-256-GCM). */
@Entity('member_notes')
export class MemberNoteEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'group_id' }) groupId: string;
  @UuidColumn({ name: 'member_id' }) memberId: string;
  @UuidColumn({ name: 'author_member_id', nullable: true }) authorMemberId: string | null;
  @TextColumn({ name: 'body_sealed' }) bodySealed: string;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
