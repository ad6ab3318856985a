import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../migration-columns';

/**
 * Display names are compared by their confusable skeleton, computed when compared (the folded key
 * column goes); names of members who left stay reserved for the group's retention period as a
 * keyed hash only.
 */
export class DisplayNameReservations1765000100000 implements MigrationInterface {
  name = 'DisplayNameReservations1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'display_name_reservations',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.varchar('name_hash', 64),
          col.uuid('membership_id', true),
          col.instant('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['group_id'],
            referencedTableName: 'groups',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          // A deleted account leaves nothing but the hash: the link to its membership goes.
          {
            columnNames: ['membership_id'],
            referencedTableName: 'memberships',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [{ columnNames: ['group_id', 'name_hash'] }, { columnNames: ['membership_id'] }],
      }),
    );
    const memberships = (await queryRunner.getTable('memberships'))!;
    const keyIndex = memberships.indices.find((index) => index.columnNames.includes('display_name_key'));
    if (keyIndex) await queryRunner.query(`DROP INDEX "${keyIndex.name}"`);
    // Plain ALTER (SQLite ≥ 3.35, PostgreSQL): TypeORM's dropColumn would rebuild the table on SQLite.
    await queryRunner.query('ALTER TABLE "memberships" DROP COLUMN "display_name_key"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'memberships',
      new TableColumn({ ...col.varchar('display_name_key', 64), default: "''" }),
    );
    await queryRunner.createIndex('memberships', new TableIndex({ columnNames: ['group_id', 'display_name_key'] }));
    await queryRunner.dropTable('display_name_reservations');
  }
}
