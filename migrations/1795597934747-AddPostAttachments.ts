import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPostAttachments1795597934747 implements MigrationInterface {
  name = 'AddPostAttachments1795597934747';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "post_attachments" ("post_id" uuid NOT NULL, "document_id" uuid NOT NULL, CONSTRAINT "PK_fc82f5e42d1d893e13ba1d34afe" PRIMARY KEY ("post_id", "document_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_post_attachments_document_id" ON "post_attachments"  ("document_id") `);
    await queryRunner.query(
      `ALTER TABLE "post_attachments" ADD CONSTRAINT "FK_4423ea1009e33b8a0a39a8b05af" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_attachments" ADD CONSTRAINT "FK_c4c17d52fce116337267d095cf0" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "post_attachments" DROP CONSTRAINT "FK_c4c17d52fce116337267d095cf0"`);
    await queryRunner.query(`ALTER TABLE "post_attachments" DROP CONSTRAINT "FK_4423ea1009e33b8a0a39a8b05af"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_post_attachments_document_id"`);
    await queryRunner.query(`DROP TABLE "post_attachments"`);
  }
}
