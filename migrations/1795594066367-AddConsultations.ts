import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddConsultations1795594066367 implements MigrationInterface {
  name = 'AddConsultations1795594066367';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "consultations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "service_point_id" uuid NOT NULL, "author_id" uuid, "topic" character varying(32) NOT NULL, "channel" character varying(16) NOT NULL, "language" character varying(8), "country_of_qualification" character varying(2), "occupation_group" character varying(32), "outcome" character varying(32), "referred_to_organisation_id" uuid, "note" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_consultations_referral" CHECK ("referred_to_organisation_id" IS NULL OR "outcome" = 'referred'), CONSTRAINT "CHK_consultations_outcome" CHECK ("outcome" IN ('advice_given','referred','application_submitted','other')), CONSTRAINT "CHK_consultations_channel" CHECK ("channel" IN ('in_person','phone','video','email')), CONSTRAINT "CHK_consultations_topic" CHECK ("topic" IN ('recognition','labour_rights','job_search','qualification','other')), CONSTRAINT "PK_c5b78e9424d9bc68464f6a12103" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_consultations_author_created" ON "consultations"  ("author_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_consultations_date" ON "consultations"  ("date") `);
    await queryRunner.query(`CREATE INDEX "IDX_consultations_service_point_date" ON "consultations"  ("service_point_id", "date") `);
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "FK_f98a2d40e4cb6538a02cf73797e" FOREIGN KEY ("service_point_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "FK_7eb8c74b78b993ea2e42f0e0a1d" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "FK_b2fde94f211da2b793e822368d1" FOREIGN KEY ("referred_to_organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "FK_b2fde94f211da2b793e822368d1"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "FK_7eb8c74b78b993ea2e42f0e0a1d"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "FK_f98a2d40e4cb6538a02cf73797e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_consultations_service_point_date"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_consultations_date"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_consultations_author_created"`);
    await queryRunner.query(`DROP TABLE "consultations"`);
  }
}
