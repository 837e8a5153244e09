import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDocuments1795593838487 implements MigrationInterface {
  name = 'AddDocuments1795593838487';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "blobs" ("sha256" character varying(64) NOT NULL, "size" bigint NOT NULL, "content_type" character varying(127) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf448430f9a07c61c2eb85de185" PRIMARY KEY ("sha256"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "folders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "parent_id" uuid, "name" character varying(120) NOT NULL, "created_by_id" uuid NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8578bd31b0e7f6d6c2480dbbca8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_folders_trash" ON "folders"  ("space_id", "deleted_at") WHERE "deleted_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_folders_space_parent" ON "folders"  ("space_id", "parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "folder_id" uuid NOT NULL, "name" character varying(255) NOT NULL, "current_version" integer NOT NULL DEFAULT '1', "created_by_id" uuid NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_documents_trash" ON "documents"  ("space_id", "deleted_at") WHERE "deleted_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_documents_folder_list" ON "documents"  ("folder_id", "name", "id") `);
    // names like "Protokoll_Treffen-2026.pdf" are split into words at _ . -
    await queryRunner.query(
      `CREATE INDEX "IDX_documents_search" ON "documents" USING GIN (to_tsvector('german', translate("name", '_.-', '   ')))`,
    );
    await queryRunner.query(
      `CREATE TABLE "document_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "version" integer NOT NULL, "blob_sha256" character varying(64) NOT NULL, "size" bigint NOT NULL, "content_type" character varying(127) NOT NULL, "original_name" character varying(255) NOT NULL, "uploaded_by_id" uuid NOT NULL, "restored_from" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_document_versions_blob" ON "document_versions"  ("blob_sha256") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_document_versions_document_version" ON "document_versions"  ("document_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "folders" ADD CONSTRAINT "FK_0ed829b8facacc05e5647a38e8e" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "folders" ADD CONSTRAINT "FK_938a930768697b6ece215667d8e" FOREIGN KEY ("parent_id") REFERENCES "folders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "folders" ADD CONSTRAINT "FK_6787ac2a9f0a485116ebfbdc1a9" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_230fe8a8da6f584f07caf4e4558" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_e0ccba38ea80d444e2f4614d7cd" FOREIGN KEY ("folder_id") REFERENCES "folders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_7f46f4f77acde1dcedba64cb220" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "FK_ac75577bca976d6d581b0f459b6" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "FK_f816b8701142d989b086a6d9ee5" FOREIGN KEY ("blob_sha256") REFERENCES "blobs"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "FK_7f96c9cf9146b0a0fb0ee4e7ac1" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "FK_7f96c9cf9146b0a0fb0ee4e7ac1"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "FK_f816b8701142d989b086a6d9ee5"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "FK_ac75577bca976d6d581b0f459b6"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_7f46f4f77acde1dcedba64cb220"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_e0ccba38ea80d444e2f4614d7cd"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_230fe8a8da6f584f07caf4e4558"`);
    await queryRunner.query(`ALTER TABLE "folders" DROP CONSTRAINT "FK_6787ac2a9f0a485116ebfbdc1a9"`);
    await queryRunner.query(`ALTER TABLE "folders" DROP CONSTRAINT "FK_938a930768697b6ece215667d8e"`);
    await queryRunner.query(`ALTER TABLE "folders" DROP CONSTRAINT "FK_0ed829b8facacc05e5647a38e8e"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_document_versions_document_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_document_versions_blob"`);
    await queryRunner.query(`DROP TABLE "document_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_documents_search"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_documents_folder_list"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_documents_trash"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_folders_space_parent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_folders_trash"`);
    await queryRunner.query(`DROP TABLE "folders"`);
    await queryRunner.query(`DROP TABLE "blobs"`);
  }
}
