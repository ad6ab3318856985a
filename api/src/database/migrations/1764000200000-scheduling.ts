import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../migration-columns';

/** Schedules, meetings, RSVPs, attendance, calendar tokens, notifications and job leases. */
export class Scheduling1764000200000 implements MigrationInterface {
  name = 'Scheduling1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'schedules',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.varchar('starts_on', 10),
          col.varchar('local_time', 5),
          col.varchar('timezone', 64),
          col.int('duration_minutes'),
          col.varchar('frequency', 16),
          col.int('count', true),
          col.varchar('until', 10, true),
          col.varchar('title', 80, true),
          col.int('capacity', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['group_id'],
            referencedTableName: 'groups',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['group_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'meetings',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.uuid('schedule_id', true),
          col.int('series_index', true),
          col.instant('starts_at'),
          col.instant('ends_at'),
          col.int('duration_minutes'),
          col.varchar('title', 80, true),
          col.int('capacity', true),
          col.bool('cancelled', false),
          col.int('revision', false, 0),
          col.instant('facilitator_joined_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['group_id'],
            referencedTableName: 'groups',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['schedule_id'],
            referencedTableName: 'schedules',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [
          { columnNames: ['group_id', 'starts_at'] },
          { columnNames: ['starts_at'] },
          { columnNames: ['ends_at'] },
          { columnNames: ['schedule_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'meeting_rsvps',
        columns: [
          col.id(),
          col.uuid('meeting_id'),
          col.uuid('member_id'),
          col.varchar('status', 16),
          col.instant('queued_at'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['meeting_id'],
            referencedTableName: 'meetings',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['member_id'],
            referencedTableName: 'memberships',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['meeting_id', 'member_id'], isUnique: true }, { columnNames: ['member_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'meeting_attendance',
        columns: [
          col.id(),
          col.uuid('meeting_id'),
          col.uuid('member_id'),
          col.bool('present', false),
          col.varchar('source', 16),
          col.instant('recorded_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['meeting_id'],
            referencedTableName: 'meetings',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['member_id'],
            referencedTableName: 'memberships',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['meeting_id', 'member_id'], isUnique: true }, { columnNames: ['member_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_tokens',
        columns: [
          { ...col.uuid('account_id'), isPrimary: true },
          { ...col.varchar('token_hash', 64), isUnique: true },
          col.instant('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          col.id(),
          col.uuid('account_id'),
          col.varchar('kind', 32),
          col.text('text'),
          { ...col.varchar('dedupe_key', 200, true), isUnique: true },
          col.instant('created_at'),
          col.instant('read_at', true),
        ],
        foreignKeys: [
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['account_id', 'created_at'] }, { columnNames: ['account_id', 'read_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'job_leases',
        columns: [
          { ...col.varchar('name', 64), isPrimary: true },
          col.varchar('holder', 64, true),
          col.instant('locked_until', true),
          col.instant('next_due_at'),
          col.instant('last_run_at', true),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_leases');
    await queryRunner.dropTable('notifications');
    await queryRunner.dropTable('calendar_tokens');
    await queryRunner.dropTable('meeting_attendance');
    await queryRunner.dropTable('meeting_rsvps');
    await queryRunner.dropTable('meetings');
    await queryRunner.dropTable('schedules');
  }
}
