import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPrivacy1795600200000 implements MigrationInterface {
  name = 'AddPrivacy1795600200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_status"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_status" CHECK ("status" IN ('active','disabled','erased'))`);
    await queryRunner.query(
      `CREATE TABLE "data_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "claimed_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "size_bytes" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_data_exports_status" CHECK ("status" IN ('queued','running','ready','failed','expired')), CONSTRAINT "PK_3e8b8b297ef4446f30527695c10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_data_exports_status" ON "data_exports"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_data_exports_user_created" ON "data_exports"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_data_exports_open" ON "data_exports"  ("user_id") WHERE "status" IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `ALTER TABLE "data_exports" ADD CONSTRAINT "FK_8ee9254a3040f10d3f57d789d29" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_exports" DROP CONSTRAINT "FK_8ee9254a3040f10d3f57d789d29"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_data_exports_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_data_exports_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_data_exports_status"`);
    await queryRunner.query(`DROP TABLE "data_exports"`);
    // erased people cannot become active again: keep them out of the directory and of sign-in
    await queryRunner.query(`UPDATE "users" SET "status" = 'disabled' WHERE "status" = 'erased'`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_status"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_status" CHECK ("status" IN ('active','disabled'))`);
  }
}
