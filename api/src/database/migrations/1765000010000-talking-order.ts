import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../migration-columns';

/** A room's talking order, changed by compare-and-set on `version`. */
export class TalkingOrder1765000010000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'room_floors',
        columns: [col.id('group_id'), col.text('state'), col.int('version'), col.instant('updated_at')],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('room_floors');
  }
}
