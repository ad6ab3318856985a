import { Column, Entity } from 'typeorm';
import type { CaseRole } from '@tryg/shared';
import { IdColumn, InstantColumn, UuidColumn } from '../../../database/columns';

/**
 * Who may reach a case: one primary and any stand-ins. No foreign key to accounts: when a primary
 * with no stand-in deletes their account, the row keeps the audit trail's pseudonym for them, so
 * the case waits for an admin's reassign instead of vanishing.
 */
@Entity('client_coordinators')
export class CaseCoordinatorEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'client_id' }) clientId: string;
  @UuidColumn({ name: 'account_id' }) accountId: string;
  @Column({ type: 'varchar', length: 16 }) role: CaseRole;
  @InstantColumn() since: Date;
}
