import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only, enforced by the database itself: row triggers refuse UPDATE and
 * DELETE and a statement trigger refuses TRUNCATE, whoever asks (triggers also bind the table owner
 * and superusers, which privileges alone would not). Revoking the privileges from PUBLIC keeps any
 * further, non-owning database role from even trying.
 */
export class AuditLogImmutable1795600100000 implements MigrationInterface {
  name = 'AuditLogImmutable1795600100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Audit entries can only be added, never changed or removed.';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM PUBLIC`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_audit_log_no_truncate" ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER "TRG_audit_log_no_update_delete" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
