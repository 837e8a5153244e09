import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Forum1795591647548 implements MigrationInterface {
  name = 'Forum1795591647548';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_sequences" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_42ffd40fcbae4115abb82f21915" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "spaces" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "slug" character varying(60) NOT NULL, "description" text NOT NULL DEFAULT '', "visibility" character varying(16) NOT NULL, "case_retention_months" integer NOT NULL DEFAULT '12', "created_by_id" uuid, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_spaces_case_retention_months" CHECK ("case_retention_months" BETWEEN 1 AND 120), CONSTRAINT "CHK_spaces_visibility" CHECK ("visibility" IN ('network','staff','private')), CONSTRAINT "PK_dbe542974aca57afcb60709d4c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_spaces_slug" ON "spaces"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "threads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "kind" character varying(16) NOT NULL DEFAULT 'discussion', "title" character varying(200) NOT NULL, "author_id" uuid NOT NULL, "pseudonym_code" character varying(20), "pinned" boolean NOT NULL DEFAULT false, "locked" boolean NOT NULL DEFAULT false, "last_seq" integer NOT NULL DEFAULT '0', "post_count" integer NOT NULL DEFAULT '0', "last_post_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retention_until" TIMESTAMP WITH TIME ZONE, "legal_hold_reason" text, "legal_hold_at" TIMESTAMP WITH TIME ZONE, "legal_hold_by_id" uuid, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_threads_kind" CHECK ("kind" IN ('discussion','case','announcement')), CONSTRAINT "PK_d8a74804c34fc3900502cd27275" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_threads_pseudonym_code" ON "threads"  ("pseudonym_code") WHERE "pseudonym_code" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_threads_retention_until" ON "threads"  ("retention_until") WHERE "retention_until" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_threads_space_list" ON "threads"  ("space_id", "pinned", "last_post_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "drafts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "thread_id" uuid, "space_id" uuid, "title" character varying(200), "body" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_drafts_one_target" CHECK (("thread_id" IS NULL) <> ("space_id" IS NULL)), CONSTRAINT "PK_0598e229012c6cbd4ccbba97328" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_drafts_thread_id" ON "drafts"  ("thread_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_drafts_user_space" ON "drafts"  ("user_id", "space_id") WHERE "space_id" IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_drafts_user_thread" ON "drafts"  ("user_id", "thread_id") WHERE "thread_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "seq" integer NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "reply_to_post_id" uuid, "revision_count" integer NOT NULL DEFAULT '0', "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_posts_author_id" ON "posts"  ("author_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_posts_thread_seq" ON "posts"  ("thread_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "post_mentions" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_ce0cd5309b007f7e495d8369703" PRIMARY KEY ("post_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_post_mentions_user_id" ON "post_mentions"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "post_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "revision" integer NOT NULL, "body" text NOT NULL, "edited_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_871219c3d5044d70ff7d59480b8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_post_revisions_post_revision" ON "post_revisions"  ("post_id", "revision") `);
    await queryRunner.query(
      `CREATE TABLE "thread_reads" ("user_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "last_read_seq" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21fb598bdd8f46af57ee725b172" PRIMARY KEY ("user_id", "thread_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "thread_subscriptions" ("user_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "level" character varying(16) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_thread_subscriptions_level" CHECK ("level" IN ('watching','normal','muted')), CONSTRAINT "PK_1c21aab8db46a17c35a370d7ade" PRIMARY KEY ("user_id", "thread_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_thread_subscriptions_thread_id" ON "thread_subscriptions"  ("thread_id") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" character varying(100) NOT NULL, "scope" character varying(300) NOT NULL, "status_code" integer NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_created_at" ON "idempotency_keys"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "space_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "user_id" uuid, "organisation_id" uuid, "role" character varying(16) NOT NULL DEFAULT 'member', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_space_members_one_subject" CHECK (("user_id" IS NULL) <> ("organisation_id" IS NULL)), CONSTRAINT "CHK_space_members_role" CHECK ("role" IN ('member','moderator')), CONSTRAINT "PK_5aaa6440d7f1e8b8c051df43d5e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_space_members_user_id" ON "space_members"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_space_members_organisation_id" ON "space_members"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_space_members_organisation" ON "space_members"  ("space_id", "organisation_id") WHERE "organisation_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_space_members_user" ON "space_members"  ("space_id", "user_id") WHERE "user_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "space_subscriptions" ("user_id" uuid NOT NULL, "space_id" uuid NOT NULL, "level" character varying(16) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_space_subscriptions_level" CHECK ("level" IN ('watching','normal','muted')), CONSTRAINT "PK_4ed13063984643369dea97a5a8f" PRIMARY KEY ("user_id", "space_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "FK_de28b811f4d22a89649c07a2b05" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "threads" ADD CONSTRAINT "FK_71b6a8e2ea822297f14b96c3183" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "drafts" ADD CONSTRAINT "FK_1cb719ae58a20f6609125c429e6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "drafts" ADD CONSTRAINT "FK_10334677f56e477229e7455db5f" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "drafts" ADD CONSTRAINT "FK_7233c47cf38c732f12cba99c71c" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "FK_89efae744488da3393177c9ccbf" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "FK_312c63be865c81b922e39c2475e" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "FK_5844285f5e4d7076c5dd1ad67a1" FOREIGN KEY ("reply_to_post_id") REFERENCES "posts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_mentions" ADD CONSTRAINT "FK_7842d306938f9b2dceb988d270e" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_mentions" ADD CONSTRAINT "FK_5a8db2aeceb69dbd33e427be1d9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_revisions" ADD CONSTRAINT "FK_21715fae1f647ae1e4b0741346a" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_revisions" ADD CONSTRAINT "FK_b971d003e9e5e0a76dd33f65217" FOREIGN KEY ("edited_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "thread_reads" ADD CONSTRAINT "FK_f43cce923ead83fc3e1201cf160" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "thread_reads" ADD CONSTRAINT "FK_cd09dab00ef27d7014d49cdde7f" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "thread_subscriptions" ADD CONSTRAINT "FK_663845fd8221eeccb6132806f74" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "thread_subscriptions" ADD CONSTRAINT "FK_b8010a8d83343b3b2e0ae249881" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "space_members" ADD CONSTRAINT "FK_8be18c70ea832ef078452698b68" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "space_members" ADD CONSTRAINT "FK_fdb7c5ab4ad7f35ec45c08047c2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "space_members" ADD CONSTRAINT "FK_7f9ebf17d66e604b185c38f7bed" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "space_subscriptions" ADD CONSTRAINT "FK_c8d41c90a8a651bfae43db0c2c9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "space_subscriptions" ADD CONSTRAINT "FK_e151fa2f6d766af616fe98bdaa6" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // German full-text search: expression GIN indexes (TypeORM cannot describe them; the entities mark them synchronize: false)
    await queryRunner.query(`CREATE INDEX "IDX_threads_search" ON "threads" USING GIN (to_tsvector('german', "title"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_posts_search" ON "posts" USING GIN (to_tsvector('german', "body")) WHERE "deleted_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_search"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_threads_search"`);
    await queryRunner.query(`ALTER TABLE "space_subscriptions" DROP CONSTRAINT "FK_e151fa2f6d766af616fe98bdaa6"`);
    await queryRunner.query(`ALTER TABLE "space_subscriptions" DROP CONSTRAINT "FK_c8d41c90a8a651bfae43db0c2c9"`);
    await queryRunner.query(`ALTER TABLE "space_members" DROP CONSTRAINT "FK_7f9ebf17d66e604b185c38f7bed"`);
    await queryRunner.query(`ALTER TABLE "space_members" DROP CONSTRAINT "FK_fdb7c5ab4ad7f35ec45c08047c2"`);
    await queryRunner.query(`ALTER TABLE "space_members" DROP CONSTRAINT "FK_8be18c70ea832ef078452698b68"`);
    await queryRunner.query(`ALTER TABLE "thread_subscriptions" DROP CONSTRAINT "FK_b8010a8d83343b3b2e0ae249881"`);
    await queryRunner.query(`ALTER TABLE "thread_subscriptions" DROP CONSTRAINT "FK_663845fd8221eeccb6132806f74"`);
    await queryRunner.query(`ALTER TABLE "thread_reads" DROP CONSTRAINT "FK_cd09dab00ef27d7014d49cdde7f"`);
    await queryRunner.query(`ALTER TABLE "thread_reads" DROP CONSTRAINT "FK_f43cce923ead83fc3e1201cf160"`);
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP CONSTRAINT "FK_b971d003e9e5e0a76dd33f65217"`);
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP CONSTRAINT "FK_21715fae1f647ae1e4b0741346a"`);
    await queryRunner.query(`ALTER TABLE "post_mentions" DROP CONSTRAINT "FK_5a8db2aeceb69dbd33e427be1d9"`);
    await queryRunner.query(`ALTER TABLE "post_mentions" DROP CONSTRAINT "FK_7842d306938f9b2dceb988d270e"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "FK_5844285f5e4d7076c5dd1ad67a1"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "FK_312c63be865c81b922e39c2475e"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "FK_89efae744488da3393177c9ccbf"`);
    await queryRunner.query(`ALTER TABLE "drafts" DROP CONSTRAINT "FK_7233c47cf38c732f12cba99c71c"`);
    await queryRunner.query(`ALTER TABLE "drafts" DROP CONSTRAINT "FK_10334677f56e477229e7455db5f"`);
    await queryRunner.query(`ALTER TABLE "drafts" DROP CONSTRAINT "FK_1cb719ae58a20f6609125c429e6"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_71b6a8e2ea822297f14b96c3183"`);
    await queryRunner.query(`ALTER TABLE "threads" DROP CONSTRAINT "FK_de28b811f4d22a89649c07a2b05"`);
    await queryRunner.query(`DROP TABLE "space_subscriptions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_space_members_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_space_members_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_space_members_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_space_members_user_id"`);
    await queryRunner.query(`DROP TABLE "space_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_idempotency_keys_created_at"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_thread_subscriptions_thread_id"`);
    await queryRunner.query(`DROP TABLE "thread_subscriptions"`);
    await queryRunner.query(`DROP TABLE "thread_reads"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_post_revisions_post_revision"`);
    await queryRunner.query(`DROP TABLE "post_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_post_mentions_user_id"`);
    await queryRunner.query(`DROP TABLE "post_mentions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_posts_thread_seq"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_author_id"`);
    await queryRunner.query(`DROP TABLE "posts"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_drafts_user_thread"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_drafts_user_space"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_drafts_thread_id"`);
    await queryRunner.query(`DROP TABLE "drafts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_threads_space_list"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_threads_retention_until"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_threads_pseudonym_code"`);
    await queryRunner.query(`DROP TABLE "threads"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_spaces_slug"`);
    await queryRunner.query(`DROP TABLE "spaces"`);
    await queryRunner.query(`DROP TABLE "case_sequences"`);
  }
}
