import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, InvitationDto, InvitationPreview, LoginResponse, Page } from '@treffpunkt/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation, makeUser, type MadeUser } from '../support/factories.js';
import { bearer, login, refreshCookieFrom } from '../support/http.js';

const tokenOf = (link: string): string => link.split('/').pop()!;

describe('invitations', () => {
  let t: TestApp;
  let admin: MadeUser;
  let adminToken: string;
  let coordinatorToken: string;
  let advisorToken: string;
  let partnerOrg: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp({ publicUrl: 'https://treffpunkt.example' });
    const home = await makeOrganisation(t.db, { type: 'other' });
    partnerOrg = await makeOrganisation(t.db, { type: 'business', name: 'Pflegedienst Test GmbH' });
    admin = await makeUser(t.db, { role: 'admin', organisationId: home.id, displayName: 'Sabine Admin' });
    adminToken = (await login(t.url, admin.email, admin.password)).accessToken;
    const coordinator = await makeUser(t.db, { role: 'coordinator', organisationId: home.id });
    coordinatorToken = (await login(t.url, coordinator.email, coordinator.password)).accessToken;
    const advisor = await makeUser(t.db, { role: 'advisor', organisationId: home.id });
    advisorToken = (await login(t.url, advisor.email, advisor.password)).accessToken;
  });

  afterAll(async () => {
    const log = t.logs.join('\n');
    expect(log).not.toMatch(/\/einladung\/[A-Za-z0-9_-]{20,}/);
    expect(log).not.toMatch(/\/invitations\/[A-Za-z0-9_-]{40,}/);
    await t.close();
  });

  async function invite(token: string, body: Record<string, unknown>) {
    return request(t.url)
      .post('/api/invitations')
      .set(...bearer(token))
      .send(body);
  }

  it('admin invites; without SMTP the response carries the link and the mail is recorded in the outbox', async () => {
    const res = await invite(adminToken, { email: 'New.Person@Example.org', role: 'partner', organisationId: partnerOrg.id });
    expect(res.status).toBe(201);
    const dto = res.body as InvitationDto;
    expect(dto).toMatchObject({ email: 'new.person@example.org', role: 'partner', status: 'pending', organisation: { id: partnerOrg.id } });
    expect(dto.link).toMatch(/^https:\/\/treffpunkt\.example\/einladung\/[A-Za-z0-9_-]{40,}$/);
    const expiresInDays = (Date.parse(dto.expiresAt) - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(6.9);
    expect(expiresInDays).toBeLessThanOrEqual(7);
    const mails = await t.db.query<{ text_body: string }>('SELECT text_body FROM mail_outbox WHERE recipient = $1', [
      'new.person@example.org',
    ]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain(dto.link!);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'invitation.create' AND entity_id = $1", [dto.id]);
    expect(audit).toHaveLength(1);
    const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM invitations WHERE id = $1', [dto.id]);
    expect(rows[0]!.token_hash).not.toBe(tokenOf(dto.link!));
  });

  it('shows who invited whom, accepts once with display name and password, and signs the person in', async () => {
    const created = (await invite(adminToken, { email: 'lena.meier@example.org', role: 'advisor', organisationId: partnerOrg.id }))
      .body as InvitationDto;
    const token = tokenOf(created.link!);

    const preview = await request(t.url).get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body as InvitationPreview).toMatchObject({
      email: 'lena.meier@example.org',
      role: 'advisor',
      organisation: { name: 'Pflegedienst Test GmbH' },
      invitedBy: { displayName: 'Sabine Admin' },
    });

    const weak = await request(t.url).post(`/api/invitations/${token}/accept`).send({ displayName: 'Lena Meier', password: 'short' });
    expect(weak.status).toBe(400);

    const accepted = await request(t.url)
      .post(`/api/invitations/${token}/accept`)
      .send({ displayName: 'Lena Meier', password: 'lena-password-1' });
    expect(accepted.status).toBe(200);
    const session = accepted.body as LoginResponse;
    expect(session.user).toMatchObject({
      email: 'lena.meier@example.org',
      role: 'advisor',
      handle: 'lena.meier',
      displayName: 'Lena Meier',
    });
    expect(refreshCookieFrom(accepted.headers)).toBeDefined();
    expect(
      (
        await request(t.url)
          .get('/api/auth/me')
          .set(...bearer(session.accessToken))
      ).status,
    ).toBe(200);

    const again = await request(t.url)
      .post(`/api/invitations/${token}/accept`)
      .send({ displayName: 'Someone Else', password: 'other-password-1' });
    expect(again.status).toBe(410);
    expect((again.body as ErrorBody).code).toBe('INVITATION_USED');
    expect((await request(t.url).get(`/api/invitations/${token}`)).status).toBe(410);
    const users = await t.db.query("SELECT 1 FROM users WHERE email = 'lena.meier@example.org'");
    expect(users).toHaveLength(1);
  });

  it('derives a free handle when the name is taken', async () => {
    const a = (await invite(adminToken, { email: 'max.mustermann1@example.org', role: 'partner', organisationId: partnerOrg.id }))
      .body as InvitationDto;
    const b = (await invite(adminToken, { email: 'max.mustermann2@example.org', role: 'partner', organisationId: partnerOrg.id }))
      .body as InvitationDto;
    const first = await request(t.url)
      .post(`/api/invitations/${tokenOf(a.link!)}/accept`)
      .send({ displayName: 'Max Mustermann', password: 'max-password-1' });
    const second = await request(t.url)
      .post(`/api/invitations/${tokenOf(b.link!)}/accept`)
      .send({ displayName: 'Max Mustermann', password: 'max-password-2' });
    expect((first.body as LoginResponse).user.handle).toBe('max.mustermann');
    expect((second.body as LoginResponse).user.handle).toBe('max.mustermann2');
  });

  it('refuses an expired invitation with a clear error', async () => {
    const created = (await invite(adminToken, { email: 'late@example.org', role: 'partner', organisationId: partnerOrg.id }))
      .body as InvitationDto;
    await t.db.query("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1", [created.id]);
    const res = await request(t.url)
      .post(`/api/invitations/${tokenOf(created.link!)}/accept`)
      .send({ displayName: 'Late Person', password: 'late-password-1' });
    expect(res.status).toBe(410);
    expect((res.body as ErrorBody).code).toBe('INVITATION_EXPIRED');
    expect(await t.db.query("SELECT 1 FROM users WHERE email = 'late@example.org'")).toHaveLength(0);
  });

  it('an unknown token is 404', async () => {
    const res = await request(t.url).get('/api/invitations/this-token-does-not-exist-at-all');
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).code).toBe('INVITATION_INVALID');
  });

  it('a coordinator cannot invite an admin (403) but can invite an advisor', async () => {
    const denied = await invite(coordinatorToken, { email: 'want.admin@example.org', role: 'admin', organisationId: partnerOrg.id });
    expect(denied.status).toBe(403);
    expect((denied.body as ErrorBody).code).toBe('FORBIDDEN');
    expect(await t.db.query("SELECT 1 FROM invitations WHERE email = 'want.admin@example.org'")).toHaveLength(0);
    const ok = await invite(coordinatorToken, { email: 'new.advisor@example.org', role: 'advisor', organisationId: partnerOrg.id });
    expect(ok.status).toBe(201);
  });

  it('advisors cannot invite at all (403)', async () => {
    const res = await invite(advisorToken, { email: 'x@example.org', role: 'partner', organisationId: partnerOrg.id });
    expect(res.status).toBe(403);
  });

  it('rejects bad input with 400/404/409 and stores nothing', async () => {
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ email: 'not-an-email', role: 'partner', organisationId: partnerOrg.id }, 400],
      [{ email: 'ok@example.org', role: 'king', organisationId: partnerOrg.id }, 400],
      [{ email: 'ok@example.org', role: 'partner', organisationId: 'nope' }, 400],
      [{ email: 'ok@example.org', role: 'partner', organisationId: partnerOrg.id, extra: 1 }, 400],
      [{ email: 'ok@example.org', role: 'partner', organisationId: '00000000-0000-4000-8000-000000000000' }, 404],
      [{ email: admin.email, role: 'partner', organisationId: partnerOrg.id }, 409],
    ];
    for (const [body, status] of cases) {
      const res = await invite(adminToken, body);
      expect([body, res.status]).toEqual([body, status]);
    }
    expect(await t.db.query("SELECT 1 FROM invitations WHERE email = 'ok@example.org'")).toHaveLength(0);
  });

  it('a new invitation to the same address replaces the open one; revoking makes the link invalid', async () => {
    const first = (await invite(adminToken, { email: 'twice@example.org', role: 'partner', organisationId: partnerOrg.id }))
      .body as InvitationDto;
    const second = (await invite(adminToken, { email: 'twice@example.org', role: 'partner', organisationId: partnerOrg.id }))
      .body as InvitationDto;
    expect((await request(t.url).get(`/api/invitations/${tokenOf(first.link!)}`)).status).toBe(404);
    expect((await request(t.url).get(`/api/invitations/${tokenOf(second.link!)}`)).status).toBe(200);
    expect(
      (
        await request(t.url)
          .delete(`/api/invitations/${second.id}`)
          .set(...bearer(coordinatorToken))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(t.url)
          .delete(`/api/invitations/${second.id}`)
          .set(...bearer(adminToken))
      ).status,
    ).toBe(204);
    expect((await request(t.url).get(`/api/invitations/${tokenOf(second.link!)}`)).status).toBe(404);
  });

  it('lists invitations for admins, and only their own for coordinators', async () => {
    const all = await request(t.url)
      .get('/api/invitations?limit=100')
      .set(...bearer(adminToken));
    expect(all.status).toBe(200);
    const page = all.body as Page<InvitationDto>;
    expect(page.items.length).toBeGreaterThan(3);
    expect(page.items.every((i) => i.link === undefined)).toBe(true);
    const own = (
      await request(t.url)
        .get('/api/invitations')
        .set(...bearer(coordinatorToken))
    ).body as Page<InvitationDto>;
    expect(own.items.map((i) => i.email)).toEqual(['new.advisor@example.org']);
    expect(
      (
        await request(t.url)
          .get('/api/invitations')
          .set(...bearer(advisorToken))
      ).status,
    ).toBe(403);
  });
});
