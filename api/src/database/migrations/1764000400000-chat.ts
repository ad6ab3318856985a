import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../migration-columns';

export class Chat1764000400000 implements MigrationInterface {
  name = 'Chat1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'room_counters',
        columns: [col.id('group_id'), col.int('last_seq')],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'messages',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.int('seq'),
          col.uuid('member_id', true),
          col.uuid('client_message_id'),
          col.text('body_sealed', true),
          col.text('content_warning_sealed', true),
          col.varchar('status', 16),
          col.varchar('removed', 16, true),
          col.text('removal_reason_sealed', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          // Deleting an account deletes its memberships; its messages stay as a "former member".
          { columnNames: ['member_id'], referencedTableName: 'memberships', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await queryRunner.createIndex('messages', new TableIndex({ columnNames: ['group_id', 'seq'], isUnique: true }));
    await queryRunner.createIndex('messages', new TableIndex({ columnNames: ['member_id', 'client_message_id'], isUnique: true }));
    await queryRunner.createIndex('messages', new TableIndex({ columnNames: ['group_id', 'created_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('messages');
    await queryRunner.dropTable('room_counters');
  }
}
