import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../migration-columns';

const ADDED_COLUMNS: [table: string, column: string, definition: string][] = [
  ['groups', 'cover_cancel_hours', 'integer NOT NULL DEFAULT 24'],
  ['groups', 'care_loop_after', 'integer NOT NULL DEFAULT 2'],
  ['memberships', 'care_loop', 'boolean NOT NULL DEFAULT false'],
  ['memberships', 'care_loop_sent_at', 'varchar(24)'],
  ['referrals', 'care_since', 'varchar(24)'],
  ['referrals', 'care_missed', 'integer'],
  ['notifications', 'params', 'text'],
];

const BATCH = 200;

/**
 * Rows as plain SQL, so the migration never depends on today's entities. The values are ids,
 * instants and constants this migration produced or read as ids, quoted here.
 */
async function insertRows(queryRunner: QueryRunner, table: string, rows: Record<string, string | null>[]): Promise<void> {
  const literal = (value: string | null) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const columns = Object.keys(batch[0]);
    const values = batch.map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`).join(', ');
    await queryRunner.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`);
  }
}

/**
 * Facilitator cover and the care loop. Plain `ALTER TABLE … ADD COLUMN` (the same on SQLite and
 * PostgreSQL, and it does not rebuild tables that others reference).
 *
 * The upgrade cancels nothing: every meeting that exists now counts as covered by its group's
 * facilitators (one cover row each); a meeting whose group has no active facilitator to name is
 * marked exempt from automatic cancellation instead.
 */
export class CoverCareLoop1765000200000 implements MigrationInterface {
  name = 'CoverCareLoop1765000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column, definition] of ADDED_COLUMNS) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
    await queryRunner.createTable(
      new Table({
        name: 'meeting_covers',
        columns: [col.id(), col.uuid('meeting_id'), col.uuid('member_id'), col.instant('created_at')],
        foreignKeys: [
          { columnNames: ['meeting_id'], referencedTableName: 'meetings', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          // A facilitator's account deleted: their membership goes, and with it what they covered.
          { columnNames: ['member_id'], referencedTableName: 'memberships', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ columnNames: ['meeting_id', 'member_id'], isUnique: true }, { columnNames: ['member_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cover_tracking',
        columns: [col.id('meeting_id'), col.instant('gap_notice_starts_at', true), col.varchar('auto_cancel', 16, true)],
        foreignKeys: [
          { columnNames: ['meeting_id'], referencedTableName: 'meetings', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await this.coverExistingMeetings(queryRunner);
  }

  private async coverExistingMeetings(queryRunner: QueryRunner): Promise<void> {
    const facilitators: { id: string; group_id: string }[] = await queryRunner.query(
      `SELECT m.id, m.group_id FROM memberships m JOIN accounts a ON a.id = m.account_id
       WHERE m.role = 'facilitator' AND m.status = 'approved' AND a.disabled_at IS NULL`,
    );
    const byGroup = new Map<string, string[]>();
    for (const f of facilitators) byGroup.set(f.group_id, [...(byGroup.get(f.group_id) ?? []), f.id]);
    const meetings: { id: string; group_id: string }[] = await queryRunner.query('SELECT id, group_id FROM meetings');
    const now = new Date().toISOString();
    const covers: Record<string, string>[] = [];
    const exempt: Record<string, string | null>[] = [];
    for (const meeting of meetings) {
      const members = byGroup.get(meeting.group_id) ?? [];
      for (const memberId of members) covers.push({ id: randomUUID(), meeting_id: meeting.id, member_id: memberId, created_at: now });
      if (members.length === 0) exempt.push({ meeting_id: meeting.id, gap_notice_starts_at: null, auto_cancel: 'exempt' });
    }
    await insertRows(queryRunner, 'meeting_covers', covers);
    await insertRows(queryRunner, 'cover_tracking', exempt);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cover_tracking');
    await queryRunner.dropTable('meeting_covers');
    for (const [table, column] of [...ADDED_COLUMNS].reverse()) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }
  }
}
