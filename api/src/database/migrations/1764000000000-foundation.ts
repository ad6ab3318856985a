import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../migration-columns';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'accounts',
        columns: [
          col.id(),
          { ...col.varchar('login', 64), isUnique: true },
          col.varchar('role', 16),
          col.varchar('locale', 2),
          col.varchar('password_hash', 255),
          col.varchar('display_name', 32, true),
          col.instant('disabled_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          col.id(),
          { ...col.varchar('token_hash', 64), isUnique: true },
          col.uuid('account_id'),
          col.instant('created_at'),
          col.instant('last_seen_at'),
          col.instant('expires_at'),
        ],
        foreignKeys: [{ columnNames: ['account_id'], referencedTableName: 'accounts', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['account_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'recovery_codes',
        columns: [col.id(), col.uuid('account_id'), col.varchar('code_hash', 64), col.instant('used_at', true), col.instant('created_at')],
        foreignKeys: [{ columnNames: ['account_id'], referencedTableName: 'accounts', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ columnNames: ['account_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [col.id(), col.varchar('type', 64), col.uuid('actor_id', true), col.uuid('subject_id', true), col.instant('created_at')],
      }),
    );
    await queryRunner.createIndex('audit_events', new TableIndex({ columnNames: ['created_at', 'id'] }));
    await queryRunner.createIndex('audit_events', new TableIndex({ columnNames: ['type', 'created_at'] }));
    // The audit trail is append-only: the database itself refuses to change what happened and when.
    // Only actor and subject may change, so deleting an account can replace the person with a random id.
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END; $$ LANGUAGE plpgsql`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_events_no_update BEFORE UPDATE OF id, type, created_at ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
      );
    } else {
      await queryRunner.query(
        `CREATE TRIGGER audit_events_no_update BEFORE UPDATE OF id, type, created_at ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`DROP TRIGGER audit_events_no_update ON audit_events`);
      await queryRunner.query(`DROP FUNCTION audit_events_append_only`);
    }
    await queryRunner.dropTable('audit_events');
    await queryRunner.dropTable('recovery_codes');
    await queryRunner.dropTable('sessions');
    await queryRunner.dropTable('accounts');
  }
}
