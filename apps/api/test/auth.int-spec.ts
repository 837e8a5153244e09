import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { AuthModule } from '../src/modules/auth/auth.module.js';
import { LoginThrottleService, MAX_FAILURES_PER_ACCOUNT_AND_IP, MAX_FAILURES_PER_IP } from '../src/modules/auth/login-throttle.service.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { UserAuthStateCache } from '../src/modules/users/user-auth-state.cache.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { DomainError } from '../src/common/errors/domain-error.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { makeUser } from '../../../test/support/factories.js';
import { integrationModule } from './support/module.js';

async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('auth services on a real database', () => {
  let db: TestDatabase;
  let instanceA: TestingModule;
  let instanceB: TestingModule;

  beforeAll(async () => {
    db = await createTestDatabase();
    // two "API instances" sharing one database
    instanceA = await integrationModule(db, { imports: [AuthModule] });
    instanceB = await integrationModule(db, { imports: [AuthModule] });
  });

  afterAll(async () => {
    await instanceA.close();
    await instanceB.close();
    await db.drop();
  });

  describe('LoginThrottleService', () => {
    it('blocks an (account, IP) pair after the limit but not the same account from another IP', async () => {
      const throttle = instanceA.get(LoginThrottleService);
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) await throttle.recordFailure('victim@example.org', '10.9.9.9');
      await expect(throttle.assertAllowed('victim@example.org', '10.9.9.9')).rejects.toMatchObject({ status: 429 });
      await expect(throttle.assertAllowed('victim@example.org', '10.1.1.1')).resolves.toBeUndefined();
      await expect(throttle.assertAllowed('other@example.org', '10.9.9.9')).resolves.toBeUndefined();
    });

    it('shares counts across instances and clears them after a success', async () => {
      const a = instanceA.get(LoginThrottleService);
      const b = instanceB.get(LoginThrottleService);
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_IP; i++) await a.recordFailure('shared@example.org', '10.2.2.2');
      await expect(b.assertAllowed('shared@example.org', '10.2.2.2')).rejects.toBeInstanceOf(DomainError);
      await b.recordSuccess('shared@example.org', '10.2.2.2');
      await expect(a.assertAllowed('shared@example.org', '10.2.2.2')).resolves.toBeUndefined();
    });

    it('ignores failures older than the window', async () => {
      const throttle = instanceA.get(LoginThrottleService);
      await db.query(
        "INSERT INTO login_attempts (email, ip, created_at) SELECT 'old@example.org', '10.3.3.3', now() - interval '16 minutes' FROM generate_series(1, 20)",
      );
      await expect(throttle.assertAllowed('old@example.org', '10.3.3.3')).resolves.toBeUndefined();
    });

    it('caps one IP across accounts', async () => {
      const throttle = instanceA.get(LoginThrottleService);
      await db.query(
        "INSERT INTO login_attempts (email, ip) SELECT 'u' || g || '@example.org', '10.4.4.4' FROM generate_series(1, $1::int) g",
        [MAX_FAILURES_PER_IP],
      );
      await expect(throttle.assertAllowed('fresh@example.org', '10.4.4.4')).rejects.toMatchObject({ status: 429 });
    });
  });

  describe('SessionsService', () => {
    it('marks a refresh token used exactly once, even when two requests race', async () => {
      const user = await makeUser(db);
      const sessions = instanceA.get(SessionsService);
      const issued = await sessions.issue({ id: user.id, tokenVersion: 0 });
      const token = await sessions.findRefreshToken(issued.refreshToken);
      expect(token).not.toBeNull();
      const results = await Promise.all([sessions.markUsed(token!.id), instanceB.get(SessionsService).markUsed(token!.id)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('UserAuthStateCache', () => {
    it('serves from cache and is invalidated on every instance when a user is disabled', async () => {
      const admin = await makeUser(db, { role: 'admin' });
      const user = await makeUser(db);
      const cacheA = instanceA.get(UserAuthStateCache);
      const cacheB = instanceB.get(UserAuthStateCache);
      expect((await cacheA.get(user.id))?.status).toBe('active');
      expect((await cacheB.get(user.id))?.status).toBe('active');

      // a change behind the cache's back is not seen (proves the cache is used) …
      await db.query("UPDATE users SET phone = '1' WHERE id = $1", [user.id]);
      // … but a change through the service reaches instance B through NOTIFY
      await instanceA
        .get(UsersService)
        .adminUpdate({ id: admin.id, role: 'admin', organisationId: admin.organisationId }, user.id, { status: 'disabled' }, '127.0.0.1');
      expect((await cacheA.get(user.id))?.status).toBe('disabled');
      await until(async () => (await cacheB.get(user.id))?.status === 'disabled');
      expect((await cacheB.get(user.id))?.tokenVersion).toBe(1);
    });
  });
});
