import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { inTransaction } from '../src/database/transaction.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { makeUser } from '../../../test/support/factories.js';
import { integrationModule } from './support/module.js';

describe('the audit log is append-only in the database', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let audit: AuditService;
  let actorId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, {});
    dataSource = moduleRef.get(DataSource);
    audit = moduleRef.get(AuditService);
    actorId = (await makeUser(db, { role: 'admin' })).id;
  });

  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  const count = async (): Promise<number> =>
    Number((await dataSource.query<{ n: string }[]>('SELECT count(*)::text AS n FROM audit_log'))[0]!.n);

  it('still accepts new entries, inside and outside a transaction', async () => {
    const before = await count();
    await audit.record({ actorId, action: 'user.disable', entityType: 'user', entityId: actorId, ip: '10.0.0.1', details: { n: 1 } });
    await inTransaction(dataSource, (manager) =>
      audit.record({ actorId, action: 'user.enable', entityType: 'user', entityId: actorId }, manager),
    );
    expect(await count()).toBe(before + 2);
    const rows = await dataSource.query<{ action: string; ip: string | null; details: unknown }[]>(
      'SELECT action, ip, details FROM audit_log WHERE actor_id = $1 ORDER BY id',
      [actorId],
    );
    expect(rows).toEqual([
      { action: 'user.disable', ip: '10.0.0.1', details: { n: 1 } },
      { action: 'user.enable', ip: null, details: {} },
    ]);
  });

  it('refuses UPDATE through the app’s own connection with a clear error and changes nothing', async () => {
    await expect(dataSource.query("UPDATE audit_log SET action = 'tampered' WHERE actor_id = $1", [actorId])).rejects.toThrow(
      /audit_log is append-only: UPDATE is not allowed/,
    );
    await expect(
      dataSource.query("UPDATE audit_log SET details = '{}'::jsonb, ip = NULL WHERE action = 'user.disable'"),
    ).rejects.toMatchObject({ code: '42501' });
    const rows = await dataSource.query<{ action: string }[]>('SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY id', [actorId]);
    expect(rows.map((r) => r.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('refuses DELETE, also through the query builder and inside a transaction', async () => {
    const before = await count();
    await expect(dataSource.query('DELETE FROM audit_log WHERE actor_id = $1', [actorId])).rejects.toThrow(
      /audit_log is append-only: DELETE is not allowed/,
    );
    await expect(dataSource.createQueryBuilder().delete().from('audit_log').where('1 = 1').execute()).rejects.toThrow(/append-only/);
    await expect(
      inTransaction(dataSource, async (manager) => {
        await manager.query('DELETE FROM audit_log');
      }),
    ).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });

  it('refuses TRUNCATE (also with CASCADE)', async () => {
    const before = await count();
    await expect(dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/audit_log is append-only: TRUNCATE is not allowed/);
    await expect(dataSource.query('TRUNCATE audit_log CASCADE')).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });

  it('keeps the rows even when the account they are about is deleted', async () => {
    const other = await makeUser(db, { role: 'advisor' });
    await audit.record({ actorId: other.id, action: 'auth.login', entityType: 'user', entityId: other.id });
    await db.query('DELETE FROM users WHERE id = $1', [other.id]);
    const rows = await db.query('SELECT 1 FROM audit_log WHERE actor_id = $1', [other.id]);
    expect(rows).toHaveLength(1);
  });
});
