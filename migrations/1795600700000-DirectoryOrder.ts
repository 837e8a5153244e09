import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The people directory in name order straight from an index (it sorted all people for every page). */
export class DirectoryOrder1795600700000 implements MigrationInterface {
  name = 'DirectoryOrder1795600700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_users_display_name" ON "users" ("display_name", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_users_display_name"`);
  }
}
