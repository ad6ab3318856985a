import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../migration-columns';

/**
 * Two members hidden from each other while a "I think I know this person" alert is open. Existing
 * open alerts become hides, so the upgrade keeps hiding who was hidden (now both ways).
 */
export class WhoMayListen1765000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'member_hides',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.uuid('first_member_id'),
          col.uuid('second_member_id'),
          col.uuid('alert_id'),
          col.instant('created_at'),
        ],
        foreignKeys: [
          { columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['first_member_id'], referencedTableName: 'memberships', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['second_member_id'], referencedTableName: 'memberships', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['alert_id'], referencedTableName: 'safety_alerts', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createIndex('member_hides', new TableIndex({ name: 'member_hides_group', columnNames: ['group_id'] }));
    await queryRunner.createIndex('member_hides', new TableIndex({ name: 'member_hides_alert', columnNames: ['alert_id'], isUnique: true }));
    // The alert's id doubles as the hide's: one hide per alert.
    await queryRunner.query(
      `INSERT INTO member_hides (id, group_id, first_member_id, second_member_id, alert_id, created_at)
       SELECT id, group_id, from_member_id, about_member_id, id, created_at FROM safety_alerts
       WHERE kind = 'knows-member' AND status = 'open' AND from_member_id IS NOT NULL AND about_member_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('member_hides');
  }
}
