import { type MigrationInterface, type QueryRunner, Table, TableIndex, type TableForeignKeyOptions } from 'typeorm';
import { col } from '../migration-columns';

/** Tasks, screenings and coordinator places go with their case (retention purge, one DELETE). */
const clientCase: TableForeignKeyOptions = {
  columnNames: ['client_id'],
  referencedTableName: 'client_cases',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
};

/** Case work for coordinators: cases, their coordinators, the action plan and the screenings. */
export class ClientCases1765000300000 implements MigrationInterface {
  name = 'ClientCases1765000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'client_cases',
        columns: [
          col.id(),
          col.text('reference_sealed'),
          { ...col.varchar('reference_hash', 64), isUnique: true },
          col.varchar('status', 16),
          col.varchar('next_review_on', 10, true),
          col.varchar('review_reminded_on', 10, true),
          col.instant('closed_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [{ columnNames: ['status', 'closed_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'client_coordinators',
        columns: [col.id(), col.uuid('client_id'), col.uuid('account_id'), col.varchar('role', 16), col.instant('since')],
        foreignKeys: [clientCase],
        indices: [{ columnNames: ['client_id', 'account_id'], isUnique: true }, { columnNames: ['account_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'client_tasks',
        columns: [
          col.id(),
          col.uuid('client_id'),
          col.text('title_sealed'),
          col.varchar('owner', 16),
          col.text('owner_name_sealed', true),
          col.varchar('due_on', 10, true),
          col.varchar('status', 16),
          col.text('note_sealed', true),
          col.varchar('due_reminded_on', 10, true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [clientCase],
        indices: [{ columnNames: ['client_id'] }, { columnNames: ['status', 'due_on'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'client_screenings',
        columns: [
          col.id(),
          col.uuid('client_id'),
          col.varchar('instrument', 16),
          col.varchar('screened_on', 10),
          col.text('answers_sealed'),
          col.varchar('risk_level', 16),
          col.text('note_sealed', true),
          col.varchar('rescreen_on', 10),
          col.varchar('rescreen_reminded_on', 10, true),
          col.uuid('screener_id', true),
          col.instant('created_at'),
        ],
        foreignKeys: [clientCase],
        indices: [{ columnNames: ['client_id', 'screened_on'] }, { columnNames: ['screener_id'] }],
      }),
    );
    // A case links the referrals with its reference by the reference's keyed hash.
    await queryRunner.createIndex(
      'referrals',
      new TableIndex({ name: 'IDX_referrals_client_reference_hash', columnNames: ['client_reference_hash'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('referrals', 'IDX_referrals_client_reference_hash');
    for (const table of ['client_screenings', 'client_tasks', 'client_coordinators', 'client_cases']) {
      await queryRunner.dropTable(table);
    }
  }
}
