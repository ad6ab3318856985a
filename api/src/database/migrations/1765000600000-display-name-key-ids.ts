import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reserved display name is a keyed hash that cannot be re-made (the name is not kept), so each
 * reservation records the DATA_KEY it was hashed with, as codes do. Existing rows keep null: "made
 * with the only key there was" (KeyRing.legacy), which `npm run rotate-key` writes as that key's id.
 * Plain ALTER (SQLite, PostgreSQL): no table rebuild.
 */
export class DisplayNameKeyIds1765000600000 implements MigrationInterface {
  name = 'DisplayNameKeyIds1765000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "display_name_reservations" ADD COLUMN "key_id" varchar(8)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "display_name_reservations" DROP COLUMN "key_id"');
  }
}
