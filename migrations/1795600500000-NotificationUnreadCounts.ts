import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unread notifications per person, kept by statement triggers on `notifications` (with transition
 * tables: one upsert per statement, not one per row), whoever writes. Counting the unread rows cost
 * as much as the person's whole backlog, once for every recipient of every notification. Counter
 * rows are locked in user id order, as the writers take their per-recipient locks, so concurrent
 * writers cannot deadlock on them. The notifications are locked against writes while the triggers
 * are created and the counts filled in.
 */
export class NotificationUnreadCounts1795600500000 implements MigrationInterface {
  name = 'NotificationUnreadCounts1795600500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_unread_counts" ("user_id" uuid NOT NULL, "count" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_92ef522b71d701c7ede363646ef" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_unread_counts" ADD CONSTRAINT "FK_92ef522b71d701c7ede363646ef" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`LOCK TABLE "notifications" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`
      CREATE FUNCTION notifications_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO notification_unread_counts AS c (user_id, count)
          SELECT n.user_id, count(*)::int FROM new_rows n WHERE n.read_at IS NULL GROUP BY n.user_id ORDER BY n.user_id
          ON CONFLICT (user_id) DO UPDATE SET count = c.count + EXCLUDED.count;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO notification_unread_counts AS c (user_id, count)
          SELECT d.user_id, d.delta FROM (
            SELECT n.user_id, (count(*) FILTER (WHERE n.read_at IS NULL) - count(*) FILTER (WHERE o.read_at IS NULL))::int AS delta
              FROM new_rows n JOIN old_rows o ON o.id = n.id GROUP BY n.user_id) AS d
           WHERE d.delta <> 0 ORDER BY d.user_id
          ON CONFLICT (user_id) DO UPDATE SET count = c.count + EXCLUDED.count;
        ELSIF TG_OP = 'DELETE' THEN
          -- a person deleted in this transaction is left out: their counter row goes with them
          INSERT INTO notification_unread_counts AS c (user_id, count)
          SELECT o.user_id, -count(*)::int FROM old_rows o
           WHERE o.read_at IS NULL AND EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id)
           GROUP BY o.user_id ORDER BY o.user_id
          ON CONFLICT (user_id) DO UPDATE SET count = c.count + EXCLUDED.count;
        ELSE
          DELETE FROM notification_unread_counts;
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_notifications_unread_insert" AFTER INSERT ON "notifications" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_count_unread()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_notifications_unread_update" AFTER UPDATE ON "notifications" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_count_unread()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_notifications_unread_delete" AFTER DELETE ON "notifications" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_count_unread()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_notifications_unread_truncate" AFTER TRUNCATE ON "notifications" FOR EACH STATEMENT EXECUTE FUNCTION notifications_count_unread()`,
    );
    await queryRunner.query(
      `INSERT INTO "notification_unread_counts" ("user_id", "count") SELECT "user_id", count(*)::int FROM "notifications" WHERE "read_at" IS NULL GROUP BY "user_id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_notifications_unread_truncate" ON "notifications"`);
    await queryRunner.query(`DROP TRIGGER "TRG_notifications_unread_delete" ON "notifications"`);
    await queryRunner.query(`DROP TRIGGER "TRG_notifications_unread_update" ON "notifications"`);
    await queryRunner.query(`DROP TRIGGER "TRG_notifications_unread_insert" ON "notifications"`);
    await queryRunner.query(`DROP FUNCTION notifications_count_unread()`);
    await queryRunner.query(`ALTER TABLE "notification_unread_counts" DROP CONSTRAINT "FK_92ef522b71d701c7ede363646ef"`);
    await queryRunner.query(`DROP TABLE "notification_unread_counts"`);
  }
}
