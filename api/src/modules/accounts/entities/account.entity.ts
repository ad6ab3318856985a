import { Column, Entity } from 'typeorm';
import type { Locale, Role } from '@tryg/shared';
import { IdColumn, InstantColumn } from '../../../database/columns';

/**
 * A person's account. The login is private: it is never shown to anyone but its owner and admins
 * (staff lists), and no participant route returns it.
 */
@Entity('accounts')
export class AccountEntity {
  @IdColumn() id: string;
  /** Lower case; unique. */
  @Column({ type: 'varchar', length: 64, unique: true }) login: string;
  @Column({ type: 'varchar', length: 16 }) role: Role;
  @Column({ type: 'varchar', length: 2 }) locale: Locale;
  /** argon2id PHC string. */
  @Column({ type: 'varchar', length: 255, name: 'password_hash' }) passwordHash: string;
  /** For staff: the name shown in groups instead of the login. */
  @Column({ type: 'varchar', length: 32, name: 'display_name', nullable: true }) displayName: string | null;
  @InstantColumn({ name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
  @InstantColumn({ name: 'updated_at' }) updatedAt: Date;
}
