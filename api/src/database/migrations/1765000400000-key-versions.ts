import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { col } from '../migration-columns';

/**
 * Key rotation: what cannot be re-made under a new DATA_KEY records the key it was made with
 * (referral and recovery code hashes, incident chain links and heads; null = made before key ids,
 * with the only key there was); the keep-apart list is sealed so its hashes can be re-made; and a
 * retired key's incident chain MAC keys are kept, sealed under the current key.
 */
export class KeyVersions1765000400000 implements MigrationInterface {
  name = 'KeyVersions1765000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('referrals', [
      new TableColumn(col.varchar('code_key_id', 8, true)),
      new TableColumn(col.text('keep_apart_sealed', true)),
    ]);
    await queryRunner.addColumn('recovery_codes', new TableColumn(col.varchar('key_id', 8, true)));
    await queryRunner.addColumn('incident_versions', new TableColumn(col.varchar('key_id', 8, true)));
    await queryRunner.addColumn('incident_logs', new TableColumn(col.varchar('key_id', 8, true)));
    await queryRunner.createTable(
      new Table({
        name: 'incident_chain_keys',
        columns: [
          { ...col.uuid('account_id'), isPrimary: true },
          { ...col.varchar('key_id', 8), isPrimary: true },
          col.text('keys_sealed'),
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('incident_chain_keys');
    await queryRunner.dropColumn('incident_logs', 'key_id');
    await queryRunner.dropColumn('incident_versions', 'key_id');
    await queryRunner.dropColumn('recovery_codes', 'key_id');
    await queryRunner.dropColumns('referrals', ['keep_apart_sealed', 'code_key_id']);
  }
}
