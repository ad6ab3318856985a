import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { col } from '../migration-columns';

const account = {
  columnNames: ['account_id'],
  referencedTableName: 'accounts',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
};

/**
 * The incident log: one owner row per account (head of the hash chain), an append-only chain of
 * entry versions (content sealed; a deleted entry keeps only digests), and sealed attachments.
 */
export class Incidents1764000300000 implements MigrationInterface {
  name = 'Incidents1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'incident_logs',
        columns: [
          { ...col.uuid('account_id'), isPrimary: true },
          col.int('version_count'),
          col.varchar('head_hash', 64),
          col.uuid('head_entry_id', true),
          col.int('head_version', true),
          col.varchar('head_mac', 64),
          col.int('attachment_count', false, 0),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [account],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'incident_versions',
        columns: [
          col.id(),
          col.uuid('account_id'),
          col.int('seq'),
          col.uuid('entry_id'),
          col.int('version'),
          col.varchar('kind', 8),
          col.text('content', true),
          col.varchar('digest', 64),
          col.instant('recorded_at'),
          col.varchar('hash', 64),
        ],
        foreignKeys: [account],
        indices: [
          { columnNames: ['account_id', 'seq'], isUnique: true },
          { columnNames: ['entry_id', 'version'], isUnique: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'incident_attachments',
        columns: [
          col.id(),
          col.uuid('account_id'),
          col.uuid('entry_id'),
          col.int('bilag'),
          col.varchar('mime_type', 32),
          col.int('size'),
          col.text('content'),
          col.instant('created_at'),
        ],
        foreignKeys: [account],
        indices: [{ columnNames: ['account_id', 'bilag'], isUnique: true }, { columnNames: ['entry_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('incident_attachments');
    await queryRunner.dropTable('incident_versions');
    await queryRunner.dropTable('incident_logs');
  }
}
