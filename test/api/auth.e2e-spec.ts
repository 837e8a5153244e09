import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, LoginResponse, UserDto } from '@treffpunkt/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation, makeUser } from '../support/factories.js';
import { bearer, login, refreshCookieFrom } from '../support/http.js';

describe('accounts and sessions over HTTP', () => {
  let t: TestApp;
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ trustProxy: true });
  });

  afterAll(async () => {
    // tokens, passwords and cookies never reach the log
    const log = t.logs.join('\n');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/tp_refresh=|Bearer ey/);
    await t.close();
  });

  const remember = <T extends string>(s: T): T => {
    secrets.push(s);
    return s;
  };

  describe('login', () => {
    it('returns an access token, the user and an httpOnly SameSite=Strict refresh cookie scoped to /api/auth', async () => {
      const user = await makeUser(t.db, { role: 'advisor' });
      remember(user.password);
      const res = await request(t.url).post('/api/auth/login').send({ email: user.email.toUpperCase(), password: user.password });
      expect(res.status).toBe(200);
      const body = res.body as LoginResponse;
      remember(body.accessToken);
      expect(body.expiresIn).toBeLessThanOrEqual(900);
      expect(body.user).toMatchObject({ id: user.id, email: user.email, role: 'advisor' });
      expect(body.user).not.toHaveProperty('passwordHash');
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('tp_refresh='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api\/auth/);
      remember(refreshCookieFrom(res.headers)!);

      const me = await request(t.url)
        .get('/api/auth/me')
        .set(...bearer(body.accessToken));
      expect(me.status).toBe(200);
      expect((me.body as UserDto).id).toBe(user.id);
      const audit = await t.db.query("SELECT action FROM audit_log WHERE actor_id = $1 AND action = 'auth.login'", [user.id]);
      expect(audit).toHaveLength(1);
    });

    it('answers the same for an unknown e-mail and a wrong password', async () => {
      const user = await makeUser(t.db);
      const wrong = await request(t.url).post('/api/auth/login').send({ email: user.email, password: 'not-the-password' });
      const unknown = await request(t.url).post('/api/auth/login').send({ email: 'nobody@example.org', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = (b: ErrorBody) => ({ ...b, correlationId: undefined });
      expect(strip(wrong.body as ErrorBody)).toEqual(strip(unknown.body as ErrorBody));
      expect((wrong.body as ErrorBody).code).toBe('INVALID_CREDENTIALS');
      const failures = await t.db.query("SELECT details FROM audit_log WHERE action = 'auth.login_failed' AND actor_id = $1", [user.id]);
      expect(failures).toHaveLength(1);
    });

    it('rejects unknown fields with 400 and signs nobody in', async () => {
      const user = await makeUser(t.db);
      const res = await request(t.url).post('/api/auth/login').send({ email: user.email, password: user.password, admin: true });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((res.body as ErrorBody).correlationId).toEqual(expect.any(String));
      expect(res.headers['set-cookie']).toBeUndefined();
      const rows = await t.db.query('SELECT 1 FROM refresh_tokens WHERE user_id = $1', [user.id]);
      expect(rows).toHaveLength(0);
    });

    it('requires a token everywhere else (401) and rejects a forged one', async () => {
      expect((await request(t.url).get('/api/auth/me')).status).toBe(401);
      const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwidHYiOjB9.c2lnbmF0dXJl';
      expect(
        (
          await request(t.url)
            .get('/api/auth/me')
            .set(...bearer(forged))
        ).status,
      ).toBe(401);
      expect((await request(t.url).get('/api/organisations')).status).toBe(401);
    });
  });

  describe('throttling', () => {
    it('pauses one account from one IP after 10 failures (429 + Retry-After) while the owner on another IP still signs in', async () => {
      const user = await makeUser(t.db);
      const attacker = '203.0.113.7';
      for (let i = 0; i < 10; i++) {
        const res = await request(t.url)
          .post('/api/auth/login')
          .set('X-Forwarded-For', attacker)
          .send({ email: user.email, password: `guess-${i}-wrong` });
        expect(res.status).toBe(401);
      }
      const blocked = await request(t.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', attacker)
        .send({ email: user.email, password: user.password });
      expect(blocked.status).toBe(429);
      expect((blocked.body as ErrorBody).code).toBe('TOO_MANY_REQUESTS');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);

      const owner = await request(t.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.20')
        .send({ email: user.email, password: user.password });
      expect(owner.status).toBe(200);
    });

    it('caps failures from one IP across many accounts', async () => {
      const ip = '203.0.113.99';
      await t.db.query("INSERT INTO login_attempts (email, ip) SELECT 'spray' || g || '@example.org', $1 FROM generate_series(1, 100) g", [
        ip,
      ]);
      const user = await makeUser(t.db);
      const res = await request(t.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: user.email, password: user.password });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBeDefined();
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every refresh and revokes the whole family when an old token is replayed', async () => {
      const user = await makeUser(t.db);
      const first = await login(t.url, user.email, user.password);
      remember(first.refreshToken);

      const r1 = await request(t.url).post('/api/auth/refresh').set('Cookie', `tp_refresh=${first.refreshToken}`);
      expect(r1.status).toBe(200);
      const second = refreshCookieFrom(r1.headers)!;
      remember(second);
      expect(second).not.toBe(first.refreshToken);
      expect((r1.body as LoginResponse).accessToken).toEqual(expect.any(String));

      const replay = await request(t.url).post('/api/auth/refresh').set('Cookie', `tp_refresh=${first.refreshToken}`);
      expect(replay.status).toBe(401);
      expect((replay.body as ErrorBody).code).toBe('REFRESH_TOKEN_REUSED');

      // the legitimate newest token died with its family
      const after = await request(t.url).post('/api/auth/refresh').set('Cookie', `tp_refresh=${second}`);
      expect(after.status).toBe(401);
      const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'auth.refresh_reuse' AND actor_id = $1", [user.id]);
      expect(audit).toHaveLength(1);
    });

    it('never stores the raw refresh token', async () => {
      const user = await makeUser(t.db);
      const session = await login(t.url, user.email, user.password);
      const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens WHERE user_id = $1', [user.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.token_hash).not.toBe(session.refreshToken);
    });

    it('logout ends the session: the refresh cookie no longer works', async () => {
      const user = await makeUser(t.db);
      const session = await login(t.url, user.email, user.password);
      const out = await request(t.url).post('/api/auth/logout').set('Cookie', `tp_refresh=${session.refreshToken}`);
      expect(out.status).toBe(204);
      expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join()).toMatch(/tp_refresh=;/);
      expect((await request(t.url).post('/api/auth/refresh').set('Cookie', `tp_refresh=${session.refreshToken}`)).status).toBe(401);
    });

    it('refresh without a cookie is 401', async () => {
      expect((await request(t.url).post('/api/auth/refresh')).status).toBe(401);
    });
  });

  describe('disabling and passwords', () => {
    it('a disabled user is 401 on the very next request and cannot refresh', async () => {
      const org = await makeOrganisation(t.db);
      const admin = await makeUser(t.db, { role: 'admin', organisationId: org.id });
      const victim = await makeUser(t.db);
      const adminSession = await login(t.url, admin.email, admin.password);
      const victimSession = await login(t.url, victim.email, victim.password);
      expect(
        (
          await request(t.url)
            .get('/api/auth/me')
            .set(...bearer(victimSession.accessToken))
        ).status,
      ).toBe(200);

      const res = await request(t.url)
        .patch(`/api/users/${victim.id}`)
        .set(...bearer(adminSession.accessToken))
        .send({ status: 'disabled' });
      expect(res.status).toBe(200);
      expect((res.body as UserDto).status).toBe('disabled');

      expect(
        (
          await request(t.url)
            .get('/api/auth/me')
            .set(...bearer(victimSession.accessToken))
        ).status,
      ).toBe(401);
      expect((await request(t.url).post('/api/auth/refresh').set('Cookie', `tp_refresh=${victimSession.refreshToken}`)).status).toBe(401);
      const again = await request(t.url).post('/api/auth/login').send({ email: victim.email, password: victim.password });
      expect(again.status).toBe(401);
      expect((again.body as ErrorBody).code).toBe('ACCOUNT_DISABLED');
      const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'user.disable' AND entity_id = $1", [victim.id]);
      expect(audit).toHaveLength(1);

      // enabling lets the person sign in again
      await request(t.url)
        .patch(`/api/users/${victim.id}`)
        .set(...bearer(adminSession.accessToken))
        .send({ status: 'active' })
        .expect(200);
      await login(t.url, victim.email, victim.password);
    });

    it('an admin cannot disable themselves or drop their own admin role', async () => {
      const admin = await makeUser(t.db, { role: 'admin' });
      const a = await login(t.url, admin.email, admin.password);
      for (const body of [{ status: 'disabled' }, { role: 'advisor' }]) {
        const res = await request(t.url)
          .patch(`/api/users/${admin.id}`)
          .set(...bearer(a.accessToken))
          .send(body);
        expect(res.status).toBe(403);
      }
      const rows = await t.db.query<{ role: string; status: string }>('SELECT role, status FROM users WHERE id = $1', [admin.id]);
      expect(rows[0]).toEqual({ role: 'admin', status: 'active' });
    });

    it('only admins change roles (403 for a coordinator), and the change is audited', async () => {
      const coordinator = await makeUser(t.db, { role: 'coordinator' });
      const admin = await makeUser(t.db, { role: 'admin' });
      const target = await makeUser(t.db, { role: 'advisor' });
      const c = await login(t.url, coordinator.email, coordinator.password);
      const a = await login(t.url, admin.email, admin.password);
      expect(
        (
          await request(t.url)
            .patch(`/api/users/${target.id}`)
            .set(...bearer(c.accessToken))
            .send({ role: 'admin' })
        ).status,
      ).toBe(403);
      const rows = await t.db.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [target.id]);
      expect(rows[0]?.role).toBe('advisor');
      const ok = await request(t.url)
        .patch(`/api/users/${target.id}`)
        .set(...bearer(a.accessToken))
        .send({ role: 'coordinator' });
      expect(ok.status).toBe(200);
      const audit = await t.db.query<{ details: { from: string; to: string } }>(
        "SELECT details FROM audit_log WHERE action = 'user.role_change' AND entity_id = $1",
        [target.id],
      );
      expect(audit[0]?.details).toEqual({ from: 'advisor', to: 'coordinator' });
    });

    it('changing the password needs the current one, ends other sessions and keeps this one', async () => {
      const user = await makeUser(t.db);
      const other = await login(t.url, user.email, user.password);
      const mine = await login(t.url, user.email, user.password);
      const wrong = await request(t.url)
        .post('/api/auth/password')
        .set(...bearer(mine.accessToken))
        .send({ currentPassword: 'nope-nope-nope', newPassword: 'a-new-password-1' });
      expect(wrong.status).toBe(400);
      expect((wrong.body as ErrorBody).code).toBe('WRONG_PASSWORD');
      const short = await request(t.url)
        .post('/api/auth/password')
        .set(...bearer(mine.accessToken))
        .send({ currentPassword: user.password, newPassword: 'short' });
      expect(short.status).toBe(400);

      const newPassword = remember('a-new-password-1');
      const ok = await request(t.url)
        .post('/api/auth/password')
        .set(...bearer(mine.accessToken))
        .send({ currentPassword: user.password, newPassword });
      expect(ok.status).toBe(200);
      const fresh = ok.body as LoginResponse;
      expect(
        (
          await request(t.url)
            .get('/api/auth/me')
            .set(...bearer(fresh.accessToken))
        ).status,
      ).toBe(200);
      expect(
        (
          await request(t.url)
            .get('/api/auth/me')
            .set(...bearer(other.accessToken))
        ).status,
      ).toBe(401);
      expect((await request(t.url).post('/api/auth/refresh').set('Cookie', `tp_refresh=${other.refreshToken}`)).status).toBe(401);
      expect((await request(t.url).post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
      await login(t.url, user.email, newPassword);
    });

    it('password reset: always 202, e-mailed single-use token valid one hour, completing revokes all sessions', async () => {
      const user = await makeUser(t.db);
      const session = await login(t.url, user.email, user.password);
      const unknown = await request(t.url).post('/api/auth/password-reset').send({ email: 'ghost@example.org' });
      expect(unknown.status).toBe(202);
      const known = await request(t.url).post('/api/auth/password-reset').send({ email: user.email });
      expect(known.status).toBe(202);
      expect(known.body).toEqual(unknown.body);

      const mails = await t.db.query<{ text_body: string; recipient: string }>(
        'SELECT text_body, recipient FROM mail_outbox WHERE recipient = $1',
        [user.email],
      );
      expect(mails).toHaveLength(1);
      const token = /passwort-zuruecksetzen\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text_body)?.[1];
      expect(token).toBeDefined();
      remember(token!);
      expect(await t.db.query("SELECT 1 FROM mail_outbox WHERE recipient = 'ghost@example.org'")).toHaveLength(0);

      const newPassword = remember('reset-password-99');
      expect((await request(t.url).post('/api/auth/password-reset/complete').send({ token, password: newPassword })).status).toBe(204);
      expect(
        (
          await request(t.url)
            .get('/api/auth/me')
            .set(...bearer(session.accessToken))
        ).status,
      ).toBe(401);
      expect((await request(t.url).post('/api/auth/refresh').set('Cookie', `tp_refresh=${session.refreshToken}`)).status).toBe(401);
      const reused = await request(t.url).post('/api/auth/password-reset/complete').send({ token, password: 'another-password-1' });
      expect(reused.status).toBe(400);
      expect((reused.body as ErrorBody).code).toBe('RESET_TOKEN_INVALID');
      await login(t.url, user.email, newPassword);
    });

    it('an expired reset token is refused', async () => {
      const user = await makeUser(t.db);
      await request(t.url).post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      const mails = await t.db.query<{ text_body: string }>('SELECT text_body FROM mail_outbox WHERE recipient = $1', [user.email]);
      const token = /passwort-zuruecksetzen\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text_body)?.[1];
      remember(token!);
      await t.db.query("UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [user.id]);
      const res = await request(t.url).post('/api/auth/password-reset/complete').send({ token, password: 'whatever-password-1' });
      expect(res.status).toBe(400);
      await login(t.url, user.email, user.password);
    });
  });

  describe('profile', () => {
    it('updates own fields and refuses a taken handle with 409', async () => {
      const user = await makeUser(t.db);
      const other = await makeUser(t.db);
      const s = await login(t.url, user.email, user.password);
      const res = await request(t.url)
        .patch('/api/users/me')
        .set(...bearer(s.accessToken))
        .send({
          displayName: 'Anna Schmidt',
          handle: '@Anna.Schmidt',
          locale: 'en',
          languages: ['Deutsch', 'Dari'],
          expertise: ['Pflege'],
          phone: '+49 391 123',
          bio: 'Hallo',
        });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ displayName: 'Anna Schmidt', handle: 'anna.schmidt', locale: 'en', languages: ['Deutsch', 'Dari'] });
      const taken = await request(t.url)
        .patch('/api/users/me')
        .set(...bearer(s.accessToken))
        .send({ handle: other.handle });
      expect(taken.status).toBe(409);
      expect((taken.body as ErrorBody).code).toBe('HANDLE_TAKEN');
    });

    it('rejects bad values and unknown fields and changes nothing', async () => {
      const user = await makeUser(t.db);
      const s = await login(t.url, user.email, user.password);
      for (const body of [{ role: 'admin' }, { handle: 'Bad Handle!' }, { locale: 'fr' }, { displayName: '' }, { languages: 'Deutsch' }]) {
        const res = await request(t.url)
          .patch('/api/users/me')
          .set(...bearer(s.accessToken))
          .send(body);
        expect(res.status).toBe(400);
        expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
      }
      const rows = await t.db.query<{ role: string; handle: string; locale: string }>(
        'SELECT role, handle, locale FROM users WHERE id = $1',
        [user.id],
      );
      expect(rows[0]).toEqual({ role: user.role, handle: user.handle, locale: 'de' });
    });
  });
});
