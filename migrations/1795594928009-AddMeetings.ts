import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMeetings1795594928009 implements MigrationInterface {
  name = 'AddMeetings1795594928009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("user_id" uuid NOT NULL, "key" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3212ce9ff23847e66347a6730d3" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_calendar_feeds_token_hash" ON "calendar_feeds"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "meeting_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "frequency" character varying(16) NOT NULL, "monthly_rule" character varying(16), "until" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_meeting_series_monthly_rule" CHECK ("monthly_rule" IS NULL OR "monthly_rule" IN ('day_of_month','nth_weekday')), CONSTRAINT "CHK_meeting_series_frequency" CHECK ("frequency" IN ('weekly','biweekly','monthly')), CONSTRAINT "PK_4eca052972681e25409955b1774" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid, "series_id" uuid, "series_index" integer, "title" character varying(200) NOT NULL, "format" character varying(32) NOT NULL, "description" text NOT NULL DEFAULT '', "description_html" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(300), "online_url" character varying(2000), "capacity" integer, "agenda" jsonb NOT NULL DEFAULT '[]', "minutes_document_id" uuid, "discussion_thread_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'scheduled', "cancelled_at" TIMESTAMP WITH TIME ZONE, "sequence" integer NOT NULL DEFAULT '0', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_meetings_capacity" CHECK ("capacity" IS NULL OR "capacity" > 0), CONSTRAINT "CHK_meetings_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "CHK_meetings_status" CHECK ("status" IN ('scheduled','cancelled')), CONSTRAINT "CHK_meetings_format" CHECK ("format" IN ('network_meeting','project_management','annual_closed_meeting','expert_conference','workshop','other')), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meetings_series" ON "meetings"  ("series_id", "series_index") `);
    await queryRunner.query(`CREATE INDEX "IDX_meetings_space_starts_at" ON "meetings"  ("space_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_meetings_starts_at" ON "meetings"  ("starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "meeting_rsvps" ("meeting_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "waitlisted_at" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reminded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_meeting_rsvps_status" CHECK ("status" IN ('going','maybe','declined','waitlisted')), CONSTRAINT "PK_ffd8c1349bd4dd6d8f73e4ec058" PRIMARY KEY ("meeting_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_rsvps_user" ON "meeting_rsvps"  ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_meeting_rsvps_meeting_status" ON "meeting_rsvps"  ("meeting_id", "status", "waitlisted_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_45ffff2229f69aeace12c114bb0" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_ad1752d12df66b9099906f268f3" FOREIGN KEY ("series_id") REFERENCES "meeting_series"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_51757ea44197ffe32f848aea486" FOREIGN KEY ("minutes_document_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_0dbb6b37f7c7009b20af7aba523" FOREIGN KEY ("discussion_thread_id") REFERENCES "threads"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_6cd493a238ec7f06c3c1554e3aa" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_rsvps" ADD CONSTRAINT "FK_977d64892fd3fb7c59de27a209d" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_rsvps" ADD CONSTRAINT "FK_3a55be1edf18e6c8129350004f3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_rsvps" DROP CONSTRAINT "FK_3a55be1edf18e6c8129350004f3"`);
    await queryRunner.query(`ALTER TABLE "meeting_rsvps" DROP CONSTRAINT "FK_977d64892fd3fb7c59de27a209d"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_6cd493a238ec7f06c3c1554e3aa"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_0dbb6b37f7c7009b20af7aba523"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_51757ea44197ffe32f848aea486"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_ad1752d12df66b9099906f268f3"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_45ffff2229f69aeace12c114bb0"`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_rsvps_meeting_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_rsvps_user"`);
    await queryRunner.query(`DROP TABLE "meeting_rsvps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meetings_starts_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meetings_space_starts_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meetings_series"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TABLE "meeting_series"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_calendar_feeds_token_hash"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
  }
}
