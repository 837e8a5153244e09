import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMeetingReminderHours1795597126953 implements MigrationInterface {
  name = 'AddMeetingReminderHours1795597126953';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "meeting_reminder_hours" integer NOT NULL DEFAULT '24'`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "CHK_users_meeting_reminder_hours" CHECK ("meeting_reminder_hours" IN (1,2,24,48,168))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_meeting_reminder_hours"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "meeting_reminder_hours"`);
  }
}
