import { Column, Entity } from 'typeorm';
import type { RiskLevel, ScreeningInstrument } from '@tryg/shared';
import { IdColumn, InstantColumn, TextColumn, UuidColumn } from '../../../database/columns';

/** One screening: the answers (by item number) and the note are sealed; never the items' wording. */
@Entity('client_screenings')
export class ScreeningEntity {
  @IdColumn() id: string;
  @UuidColumn({ name: 'client_id' }) clientId: string;
  @Column({ type: 'varchar', length: 16 }) instrument: ScreeningInstrument;
  @Column({ type: 'varchar', length: 10, name: 'screened_on' }) screenedOn: string;
  /** JSON `{ [item]: 'yes' | 'no' | 'unknown' }`, sealed. */
  @TextColumn({ name: 'answers_sealed' }) answersSealed: string;
  @Column({ type: 'varchar', length: 16, name: 'risk_level' }) riskLevel: RiskLevel;
  @TextColumn({ name: 'note_sealed', nullable: true }) noteSealed: string | null;
  @Column({ type: 'varchar', length: 10, name: 'rescreen_on' }) rescreenOn: string;
  /** The re-screen date a reminder went out for. */
  @Column({ type: 'varchar', length: 10, name: 'rescreen_reminded_on', nullable: true }) rescreenRemindedOn:
    string | null;
  /** Null once the screener's account is deleted. */
  @UuidColumn({ name: 'screener_id', nullable: true }) screenerId: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt: Date;
}
