import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../migration-columns';

export class GroupsReferrals1764000100000 implements MigrationInterface {
  name = 'GroupsReferrals1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'groups',
        columns: [
          col.id(),
          col.varchar('name', 80),
          col.text('description'),
          col.varchar('language', 2),
          col.int('capacity'),
          col.varchar('timezone', 64),
          col.varchar('between_sessions', 16),
          col.text('rules'),
          col.int('retention_days'),
          col.int('open_minutes_before'),
          col.bool('require_facilitator', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'memberships',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.uuid('account_id'),
          col.varchar('role', 16),
          col.varchar('status', 16),
          col.varchar('display_name', 32),
          col.varchar('display_name_key', 64),
          col.bool('show_group_name', false),
          col.instant('approved_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['account_id'], referencedTableName: 'accounts', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ columnNames: ['group_id', 'status'] }, { columnNames: ['account_id'] }, { columnNames: ['group_id', 'display_name_key'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'group_bans',
        columns: [col.id(), col.uuid('group_id'), col.uuid('account_id', true), col.varchar('client_reference_hash', 64, true), col.instant('created_at')],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['group_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referrals',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.uuid('coordinator_id', true),
          { ...col.varchar('code_hash', 64), isUnique: true },
          col.varchar('status', 16),
          col.text('client_reference_sealed', true),
          col.varchar('client_reference_hash', 64, true),
          col.text('note_sealed', true),
          col.text('keep_apart_hashes'),
          col.uuid('membership_id', true),
          col.instant('keep_apart_matched_at', true),
          col.instant('expires_at'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['coordinator_id'], referencedTableName: 'accounts', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
          { columnNames: ['membership_id'], referencedTableName: 'memberships', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        indices: [{ columnNames: ['coordinator_id', 'created_at'] }, { columnNames: ['membership_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('referrals');
    await queryRunner.dropTable('group_bans');
    await queryRunner.dropTable('memberships');
    await queryRunner.dropTable('groups');
  }
}
