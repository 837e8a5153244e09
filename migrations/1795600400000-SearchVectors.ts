import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Full-text search on stored vectors: `search_vector` (STORED generated tsvector) on posts (body)
 * and threads (title) with the GIN indexes on the columns instead of on the expressions, so ranking
 * reads the stored vector instead of parsing every matching text again. `IDX_posts_created_at`
 * lets the search take the newest matches of a common word by walking the posts newest first.
 * Adding a generated column rewrites the table (minutes for a million posts).
 */
const POSTS_EXPRESSION = `to_tsvector('german', "body")`;
const THREADS_EXPRESSION = `to_tsvector('german', "title")`;

export class SearchVectors1795600400000 implements MigrationInterface {
  name = 'SearchVectors1795600400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_search"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_threads_search"`);
    // TypeORM's own table (its migration runner creates it too): the expressions of generated columns, read by the drift check
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, "schema" character varying, "table" character varying, "name" character varying, "value" text)`,
    );
    await queryRunner.query(`ALTER TABLE "posts" ADD "search_vector" tsvector NOT NULL GENERATED ALWAYS AS (${POSTS_EXPRESSION}) STORED`);
    await queryRunner.query(
      `ALTER TABLE "threads" ADD "search_vector" tsvector NOT NULL GENERATED ALWAYS AS (${THREADS_EXPRESSION}) STORED`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), current_schema(), 'posts', 'GENERATED_COLUMN', 'search_vector', $1),
              (current_database(), current_schema(), 'threads', 'GENERATED_COLUMN', 'search_vector', $2)`,
      [POSTS_EXPRESSION, THREADS_EXPRESSION],
    );
    await queryRunner.query(`CREATE INDEX "IDX_posts_search" ON "posts" USING GIN ("search_vector") WHERE "deleted_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_threads_search" ON "threads" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "IDX_posts_created_at" ON "posts" ("created_at", "id")`);
    // statistics of the new columns: the planner picks the GIN index or the newest-first walk by how common a word is.
    // 1,000 (10,000 most common words) instead of 100: a rare word is then estimated at a few rows, not thousands
    // (otherwise the plan hashes every thread to join one post: 30 ms instead of 1 ms at a million posts)
    await queryRunner.query(`ALTER TABLE "posts" ALTER COLUMN "search_vector" SET STATISTICS 1000`);
    await queryRunner.query(`ANALYZE "posts", "threads"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_threads_search"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_search"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_vector' AND "table" IN ('posts', 'threads')`,
    );
    await queryRunner.query(`ALTER TABLE "threads" DROP COLUMN "search_vector"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "search_vector"`);
    await queryRunner.query(`CREATE INDEX "IDX_threads_search" ON "threads" USING GIN (to_tsvector('german', "title"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_posts_search" ON "posts" USING GIN (to_tsvector('german', "body")) WHERE "deleted_at" IS NULL`,
    );
  }
}
