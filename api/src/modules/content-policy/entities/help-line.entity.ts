import { Column, Entity } from 'typeorm';
import { IdColumn } from '../../../database/columns';

/** One help line shown to a writer of crisis wording; the admin keeps the list. */
@Entity('help_lines')
export class HelpLineEntity {
  @IdColumn() id: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'varchar', length: 32 }) number: string;
  @Column({ type: 'varchar', length: 200, name: 'name_da' }) nameDa: string;
  @Column({ type: 'varchar', length: 200, name: 'name_en' }) nameEn: string;
  @Column({ type: 'varchar', length: 200, name: 'hours_da' }) hoursDa: string;
  @Column({ type: 'varchar', length: 200, name: 'hours_en' }) hoursEn: string;
  @Column({ type: 'varchar', length: 200, name: 'description_da' }) descriptionDa: string;
  @Column({ type: 'varchar', length: 200, name: 'description_en' }) descriptionEn: string;
}
