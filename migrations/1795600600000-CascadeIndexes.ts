import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the foreign keys a thread's deletion (the retention purge) follows: without them,
 * PostgreSQL read every post for replies to each deleted post, and every notification and read
 * marker for each deleted thread and post — minutes for one thread at a million posts.
 */
export class CascadeIndexes1795600600000 implements MigrationInterface {
  name = 'CascadeIndexes1795600600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_posts_reply_to" ON "posts" ("reply_to_post_id") WHERE "reply_to_post_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_thread_reads_thread_id" ON "thread_reads" ("thread_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_thread_id" ON "notifications" ("thread_id") WHERE "thread_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_post_id" ON "notifications" ("post_id") WHERE "post_id" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_post_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_thread_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_thread_reads_thread_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_reply_to"`);
  }
}
