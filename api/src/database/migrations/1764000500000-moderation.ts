import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table, type TableForeignKeyOptions } from 'typeorm';
import { col } from '../migration-columns';

const group = (onDelete: 'CASCADE' = 'CASCADE'): TableForeignKeyOptions => ({
  columnNames: ['group_id'],
  referencedTableName: 'groups',
  referencedColumnNames: ['id'],
  onDelete,
});

/**
 * A membership reference. Rows that are the person's own (mutes, ignores, notes about them) go
 * with the membership; records of what happened (reports, alerts, the log) keep the action and
 * lose the person (SET NULL) when an account is deleted.
 */
const member = (column: string, onDelete: 'CASCADE' | 'SET NULL'): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: 'memberships',
  referencedColumnNames: ['id'],
  onDelete,
});

/** The defaults of PRODUCT.md "Help lines"; never invent a number. */
const DEFAULT_HELP_LINES = [
  {
    number: '112',
    name_da: 'Alarm 112',
    name_en: 'Alarm 112',
    hours_da: 'Døgnet rundt',
    hours_en: 'Around the clock',
    description_da: 'Akut fare',
    description_en: 'Acute danger',
  },
  {
    number: '114',
    name_da: 'Politiet',
    name_en: 'The police',
    hours_da: 'Døgnet rundt',
    hours_en: 'Around the clock',
    description_da: 'Anmeld stalking; politiet, når det ikke haster',
    description_en: 'Reporting stalking; non-urgent police',
  },
  {
    number: '25 17 73 74',
    name_da: 'Dansk Stalking Center, telefonrådgivning',
    name_en: 'Dansk Stalking Center, telephone advice',
    hours_da: '',
    hours_en: '',
    description_da: 'Gratis, anonym rådgivning til alle, der er berørt af stalking',
    description_en: 'Free, anonymous advice for anyone affected by stalking',
  },
];

/** The crisis wording the admin's list starts with (content-policy/crisis-wording.ts, repeated so the migration never changes). */
const DEFAULT_CRISIS_WORDING = [
  'selvmord*',
  'tage mit eget liv',
  'tage mit liv',
  'slå mig selv ihjel',
  'vil ikke leve mere',
  'suicid*',
  'kill myself',
  'end my life',
  'want to die',
];

/** A seed row as plain SQL: these are constants of this file, quoted here, so it runs on SQLite and PostgreSQL alike. */
async function insert(
  queryRunner: QueryRunner,
  table: string,
  row: Record<string, string | number | null>,
): Promise<void> {
  const literal = (value: string | number | null) =>
    value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
  const columns = Object.keys(row);
  await queryRunner.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => literal(row[c])).join(', ')})`,
  );
}

export class Moderation1764000500000 implements MigrationInterface {
  name = 'Moderation1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'room_settings',
        columns: [
          col.id('group_id'),
          col.bool('locked', false),
          col.int('slow_mode_seconds', false, 0),
          col.text('pinned_rules', true),
          col.instant('updated_at'),
        ],
        foreignKeys: [group()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_mutes',
        columns: [col.id('member_id'), col.uuid('group_id'), col.instant('muted_until'), col.instant('created_at')],
        foreignKeys: [group(), member('member_id', 'CASCADE')],
        indices: [{ columnNames: ['group_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'watched_words',
        // group_id null: the admin's list, which applies to every group.
        columns: [
          col.id(),
          col.uuid('group_id', true),
          col.varchar('pattern', 100),
          col.varchar('action', 16),
          col.int('position'),
          col.instant('created_at'),
        ],
        foreignKeys: [group()],
        indices: [{ columnNames: ['group_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_ignores',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.uuid('member_id'),
          col.uuid('ignored_member_id'),
          col.instant('created_at'),
        ],
        foreignKeys: [group(), member('member_id', 'CASCADE'), member('ignored_member_id', 'CASCADE')],
        indices: [{ columnNames: ['group_id'] }, { columnNames: ['member_id', 'ignored_member_id'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reports',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.uuid('message_id'),
          col.uuid('reporter_member_id', true),
          col.uuid('reported_member_id', true),
          col.varchar('category', 32),
          col.text('note_sealed', true),
          col.varchar('status', 16),
          col.varchar('action', 16, true),
          col.text('resolution_note_sealed', true),
          col.uuid('resolved_by_member_id', true),
          col.instant('resolved_at', true),
          col.instant('created_at'),
        ],
        foreignKeys: [
          group(),
          // A report goes with its message when retention deletes the message.
          {
            columnNames: ['message_id'],
            referencedTableName: 'messages',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          member('reporter_member_id', 'SET NULL'),
          member('reported_member_id', 'SET NULL'),
          member('resolved_by_member_id', 'SET NULL'),
        ],
        indices: [{ columnNames: ['group_id', 'created_at'] }, { columnNames: ['message_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'safety_alerts',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.varchar('kind', 32),
          col.uuid('from_member_id', true),
          col.uuid('about_member_id', true),
          col.uuid('message_id', true),
          col.varchar('status', 16),
          col.text('resolution_note_sealed', true),
          col.uuid('resolved_by_member_id', true),
          col.instant('resolved_at', true),
          col.instant('created_at'),
        ],
        foreignKeys: [
          group(),
          member('from_member_id', 'SET NULL'),
          member('about_member_id', 'SET NULL'),
          member('resolved_by_member_id', 'SET NULL'),
          {
            columnNames: ['message_id'],
            referencedTableName: 'messages',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [{ columnNames: ['group_id', 'created_at'] }, { columnNames: ['group_id', 'status'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_notes',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.uuid('member_id'),
          col.uuid('author_member_id', true),
          col.text('body_sealed'),
          col.instant('created_at'),
        ],
        foreignKeys: [group(), member('member_id', 'CASCADE'), member('author_member_id', 'SET NULL')],
        indices: [{ columnNames: ['member_id', 'created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'moderation_log',
        columns: [
          col.id(),
          col.uuid('group_id'),
          col.varchar('action', 32),
          col.uuid('actor_member_id', true),
          col.uuid('target_member_id', true),
          // No foreign key: the log outlives messages deleted by retention.
          col.uuid('message_id', true),
          col.text('reason_sealed', true),
          col.text('details', true),
          col.instant('expires_at', true),
          col.instant('created_at'),
        ],
        foreignKeys: [group(), member('actor_member_id', 'SET NULL'), member('target_member_id', 'SET NULL')],
        indices: [{ columnNames: ['group_id', 'created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'help_lines',
        columns: [
          col.id(),
          col.int('position'),
          col.varchar('number', 32),
          col.varchar('name_da', 200),
          col.varchar('name_en', 200),
          col.varchar('hours_da', 200),
          col.varchar('hours_en', 200),
          col.varchar('description_da', 200),
          col.varchar('description_en', 200),
        ],
      }),
    );
    const now = new Date().toISOString();
    for (const [position, line] of DEFAULT_HELP_LINES.entries()) {
      await insert(queryRunner, 'help_lines', { id: randomUUID(), position, ...line });
    }
    for (const [position, pattern] of DEFAULT_CRISIS_WORDING.entries()) {
      await insert(queryRunner, 'watched_words', {
        id: randomUUID(),
        group_id: null,
        pattern,
        action: 'crisis',
        position,
        created_at: now,
      });
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'help_lines',
      'moderation_log',
      'member_notes',
      'safety_alerts',
      'reports',
      'member_ignores',
      'watched_words',
      'member_mutes',
      'room_settings',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
