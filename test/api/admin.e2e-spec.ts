import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminSpaceDto, AuditEntryDto, ErrorBody, InvitationDto, Page, UserDto } from '@treffpunkt/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation, makeUser, type MadeUser } from '../support/factories.js';
import { bearer, login } from '../support/http.js';
import { closeAll, connect, disconnected } from '../support/sockets.js';

const tokenOf = (link: string): string => link.split('/').pop()!;

/** Reads a response body as raw bytes (to see the byte order mark). */
const rawBody = (res: request.Response, callback: (error: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('administration', () => {
  let t: TestApp;
  let admin: MadeUser;
  let coordinator: MadeUser;
  let tokens: Record<'admin' | 'coordinator' | 'advisor' | 'partner', string>;
  let home: { id: string; name: string };
  let partnerOrg: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp({ publicUrl: 'https://treffpunkt.example' });
    home = await makeOrganisation(t.db, { type: 'other', name: 'Netzwerkkoordination Test' });
    partnerOrg = await makeOrganisation(t.db, { type: 'business', name: 'Pflegedienst Admin-Test GmbH' });
    admin = await makeUser(t.db, { role: 'admin', organisationId: home.id, displayName: 'Sabine Verwalterin' });
    coordinator = await makeUser(t.db, { role: 'coordinator', organisationId: home.id, displayName: 'Klaus Koordinator' });
    const advisor = await makeUser(t.db, { role: 'advisor', organisationId: home.id });
    const partner = await makeUser(t.db, { role: 'partner', organisationId: partnerOrg.id });
    tokens = {
      admin: (await login(t.url, admin.email, admin.password)).accessToken,
      coordinator: (await login(t.url, coordinator.email, coordinator.password)).accessToken,
      advisor: (await login(t.url, advisor.email, advisor.password)).accessToken,
      partner: (await login(t.url, partner.email, partner.password)).accessToken,
    };
  });

  afterAll(async () => {
    closeAll();
    await t.close();
  });

  const as = (who: keyof typeof tokens | null) => {
    const agent = request(t.url);
    const auth = (r: request.Test) => (who ? r.set(...bearer(tokens[who])) : r);
    return {
      get: (path: string) => auth(agent.get(path)),
      post: (path: string, body?: object) => auth(agent.post(path)).send(body),
      patch: (path: string, body: object) => auth(agent.patch(path)).send(body),
      delete: (path: string) => auth(agent.delete(path)),
    };
  };

  async function invite(who: keyof typeof tokens, email: string, role = 'partner'): Promise<InvitationDto> {
    const res = await as(who).post('/api/invitations', { email, role, organisationId: partnerOrg.id });
    expect(res.status).toBe(201);
    return res.body as InvitationDto;
  }

  async function auditOf(query: Record<string, string>): Promise<AuditEntryDto[]> {
    const res = await as('admin').get(`/api/admin/audit-log?${new URLSearchParams(query).toString()}`);
    expect(res.status).toBe(200);
    return (res.body as Page<AuditEntryDto>).items;
  }

  describe('permission matrix', () => {
    it('audit log and its CSV export: admins only (401 without a token, 403 for everyone else)', async () => {
      for (const path of ['/api/admin/audit-log', '/api/admin/audit-log.csv']) {
        expect((await as(null).get(path)).status).toBe(401);
        for (const who of ['partner', 'advisor', 'coordinator'] as const) {
          const res = await as(who).get(path);
          expect(res.status).toBe(403);
          expect((res.body as ErrorBody).code).toBe('FORBIDDEN');
        }
        expect((await as('admin').get(path)).status).toBe(200);
      }
    });

    it('spaces overview: admins and coordinators; a coordinator sees no private space they are not in', async () => {
      const spaces = [];
      for (const [name, visibility] of [
        ['Offener Bereich', 'network'],
        ['Geheime AG', 'private'],
      ] as const) {
        const res = await as('admin').post('/api/spaces', { name: `${name} ${Date.now()}`, description: '', visibility });
        expect(res.status).toBe(201);
        spaces.push(res.body as { id: string });
      }
      const [open, secret] = spaces as [{ id: string }, { id: string }];
      await as('admin').patch(`/api/spaces/${open.id}`, { archived: true }).expect(200);

      expect((await as(null).get('/api/admin/spaces')).status).toBe(401);
      for (const who of ['partner', 'advisor'] as const) expect((await as(who).get('/api/admin/spaces')).status).toBe(403);

      const forAdmin = (await as('admin').get('/api/admin/spaces').expect(200)).body as Page<AdminSpaceDto>;
      expect(forAdmin.items.find((s) => s.id === open.id)).toMatchObject({ archived: true, visibility: 'network', memberCount: 1 });
      expect(forAdmin.items.find((s) => s.id === secret.id)).toMatchObject({ archived: false, visibility: 'private', memberCount: 1 });
      // archived spaces come last
      expect(forAdmin.items.findIndex((s) => s.id === open.id)).toBe(forAdmin.items.length - 1);

      const forCoordinator = (await as('coordinator').get('/api/admin/spaces').expect(200)).body as Page<AdminSpaceDto>;
      expect(forCoordinator.items.map((s) => s.id)).toContain(open.id);
      expect(forCoordinator.items.map((s) => s.id)).not.toContain(secret.id);
    });

    it('changing role, organisation or status: admins only', async () => {
      const target = await makeUser(t.db, { role: 'advisor', organisationId: home.id });
      expect((await as(null).patch(`/api/users/${target.id}`, { role: 'coordinator' })).status).toBe(401);
      for (const who of ['partner', 'advisor', 'coordinator'] as const) {
        for (const body of [{ role: 'coordinator' }, { organisationId: partnerOrg.id }, { status: 'disabled' }]) {
          expect((await as(who).patch(`/api/users/${target.id}`, body)).status).toBe(403);
        }
      }
      const rows = await t.db.query('SELECT role, organisation_id, status FROM users WHERE id = $1', [target.id]);
      expect(rows[0]).toEqual({ role: 'advisor', organisation_id: home.id, status: 'active' });
    });

    it('invitations: coordinators and admins invite and list; advisors and partners 403; coordinators never invite admins', async () => {
      const body = { email: 'matrix@example.org', role: 'partner', organisationId: partnerOrg.id };
      expect((await as(null).post('/api/invitations', body)).status).toBe(401);
      expect((await as(null).get('/api/invitations')).status).toBe(401);
      for (const who of ['partner', 'advisor'] as const) {
        expect((await as(who).post('/api/invitations', body)).status).toBe(403);
        expect((await as(who).get('/api/invitations')).status).toBe(403);
      }
      expect((await as('coordinator').post('/api/invitations', { ...body, role: 'admin' })).status).toBe(403);
      expect((await as('coordinator').post('/api/invitations', body)).status).toBe(201);
      expect((await as('coordinator').get('/api/invitations')).status).toBe(200);
    });

    it('resend and revoke: 401 without a token, 403 for advisors and partners and for a coordinator on someone else’s invitation', async () => {
      const byAdmin = await invite('admin', 'by.admin@example.org');
      const byCoordinator = await invite('coordinator', 'by.coordinator@example.org');
      for (const path of [`/api/invitations/${byAdmin.id}/resend`]) {
        expect((await as(null).post(path)).status).toBe(401);
        for (const who of ['partner', 'advisor', 'coordinator'] as const) expect((await as(who).post(path)).status).toBe(403);
      }
      expect((await as(null).delete(`/api/invitations/${byAdmin.id}`)).status).toBe(401);
      for (const who of ['partner', 'advisor', 'coordinator'] as const)
        expect((await as(who).delete(`/api/invitations/${byAdmin.id}`)).status).toBe(403);

      expect((await as('coordinator').post(`/api/invitations/${byCoordinator.id}/resend`)).status).toBe(200);
      expect((await as('coordinator').delete(`/api/invitations/${byCoordinator.id}`)).status).toBe(204);
      expect((await as('admin').post(`/api/invitations/${byAdmin.id}/resend`)).status).toBe(200);
      expect((await as('admin').delete(`/api/invitations/${byAdmin.id}`)).status).toBe(204);
      expect((await as('admin').post('/api/invitations/00000000-0000-4000-8000-000000000000/resend')).status).toBe(404);
    });
  });

  describe('invitations: resend', () => {
    it('sends a new link by a new mail; the old link is dead, the new one works; audited', async () => {
      const created = await invite('admin', 'resend.me@example.org');
      const oldToken = tokenOf(created.link!);
      expect((await request(t.url).get(`/api/invitations/${oldToken}`)).status).toBe(200);

      const res = await as('admin').post(`/api/invitations/${created.id}/resend`);
      expect(res.status).toBe(200);
      const resent = res.body as InvitationDto;
      expect(resent).toMatchObject({ id: created.id, email: 'resend.me@example.org', status: 'pending' });
      const newToken = tokenOf(resent.link!);
      expect(newToken).not.toBe(oldToken);
      expect(Date.parse(resent.expiresAt)).toBeGreaterThanOrEqual(Date.parse(created.expiresAt));

      const old = await request(t.url).get(`/api/invitations/${oldToken}`);
      expect(old.status).toBe(404);
      expect((old.body as ErrorBody).code).toBe('INVITATION_INVALID');
      expect(
        (await request(t.url).post(`/api/invitations/${oldToken}/accept`).send({ displayName: 'X Y', password: 'long-password-1' })).status,
      ).toBe(404);
      expect((await request(t.url).get(`/api/invitations/${newToken}`)).status).toBe(200);

      const mails = await t.db.query<{ text_body: string }>('SELECT text_body FROM mail_outbox WHERE recipient = $1 ORDER BY id', [
        'resend.me@example.org',
      ]);
      expect(mails).toHaveLength(2);
      expect(mails[0]!.text_body).toContain(oldToken);
      expect(mails[1]!.text_body).toContain(newToken);
      expect(mails[1]!.text_body).not.toContain(oldToken);

      const entries = await auditOf({ action: 'invitation.resend', entityId: created.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: { id: admin.id, displayName: 'Sabine Verwalterin' }, entityType: 'invitation' });
      expect(JSON.stringify(entries[0]!.details)).not.toContain('resend.me@example.org');
    });

    it('an expired invitation can be sent again with a fresh expiry', async () => {
      const created = await invite('coordinator', 'expired.one@example.org');
      await t.db.query("UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = $1", [created.id]);
      expect((await request(t.url).get(`/api/invitations/${tokenOf(created.link!)}`)).status).toBe(410);
      const resent = (await as('coordinator').post(`/api/invitations/${created.id}/resend`).expect(200)).body as InvitationDto;
      expect(resent.status).toBe('pending');
      expect((Date.parse(resent.expiresAt) - Date.now()) / 86_400_000).toBeGreaterThan(6.9);
      expect((await request(t.url).get(`/api/invitations/${tokenOf(resent.link!)}`)).status).toBe(200);
    });

    it('refuses to resend an accepted or revoked invitation (409) and sends no mail', async () => {
      const accepted = await invite('admin', 'accepted.one@example.org');
      await request(t.url)
        .post(`/api/invitations/${tokenOf(accepted.link!)}/accept`)
        .send({ displayName: 'Angenommen Person', password: 'accepted-password-1' })
        .expect(200);
      const revoked = await invite('admin', 'revoked.one@example.org');
      await as('admin').delete(`/api/invitations/${revoked.id}`).expect(204);

      for (const invitation of [accepted, revoked]) {
        const res = await as('admin').post(`/api/invitations/${invitation.id}/resend`);
        expect(res.status).toBe(409);
        expect((res.body as ErrorBody).code).toBe('CONFLICT');
        const mails = await t.db.query('SELECT 1 FROM mail_outbox WHERE recipient = $1', [invitation.email]);
        expect(mails).toHaveLength(1);
      }
      expect(await auditOf({ action: 'invitation.resend', entityId: revoked.id })).toHaveLength(0);
    });
  });

  describe('audit entries for every admin action', () => {
    it('invite, resend, revoke, role change, organisation change, disable and enable each leave one entry', async () => {
      const invitation = await invite('admin', 'audited@example.org', 'advisor');
      await as('admin').post(`/api/invitations/${invitation.id}/resend`).expect(200);
      await as('admin').delete(`/api/invitations/${invitation.id}`).expect(204);
      const forInvitation = await auditOf({ entityType: 'invitation', entityId: invitation.id });
      expect(forInvitation.map((e) => e.action)).toEqual(['invitation.revoke', 'invitation.resend', 'invitation.create']);
      expect(forInvitation.every((e) => e.actor?.id === admin.id && e.ip !== null)).toBe(true);

      const target = await makeUser(t.db, { role: 'advisor', organisationId: home.id });
      for (const body of [{ role: 'coordinator' }, { organisationId: partnerOrg.id }, { status: 'disabled' }, { status: 'active' }]) {
        await as('admin').patch(`/api/users/${target.id}`, body).expect(200);
      }
      // a change to the same value is no change and leaves no entry
      await as('admin').patch(`/api/users/${target.id}`, { role: 'coordinator' }).expect(200);
      const forUser = await auditOf({ action: 'user.', entityType: 'user', entityId: target.id });
      expect(forUser.map((e) => e.action)).toEqual(['user.enable', 'user.disable', 'user.organisation_change', 'user.role_change']);
      expect(forUser.find((e) => e.action === 'user.role_change')!.details).toEqual({ from: 'advisor', to: 'coordinator' });
      expect(forUser.find((e) => e.action === 'user.organisation_change')!.details).toEqual({ from: home.id, to: partnerOrg.id });
    });
  });

  describe('audit log viewer', () => {
    const marker = `case-${Date.now()}`;
    let systemId: string;

    beforeAll(async () => {
      // rows at the edges of Berlin days around the switch to summer time (30 March 2025, 02:00 → 03:00)
      const rows: Array<[string | null, string, string]> = [
        [admin.id, 'test.before', '2025-03-29T22:59:59Z'], // 29.03. 23:59:59 (CET)
        [coordinator.id, 'test.first', '2025-03-29T23:00:00Z'], // 30.03. 00:00:00
        [null, 'test.system', '2025-03-30T12:00:00Z'], // 30.03. 14:00:00 (CEST)
        [admin.id, 'test.last', '2025-03-30T21:59:59Z'], // 30.03. 23:59:59
        [coordinator.id, 'test.after', '2025-03-30T22:00:00Z'], // 31.03. 00:00:00
      ];
      for (const [actorId, action, at] of rows) {
        await t.db.query(
          "INSERT INTO audit_log (actor_id, action, entity_type, entity_id, ip, details, created_at) VALUES ($1, $2, 'testcase', $3, '10.1.2.3', $4, $5)",
          [actorId, action, marker, JSON.stringify(action === 'test.last' ? { note: 'a;b "c"', formula: '=1+1' } : {}), at],
        );
      }
      systemId = (await auditOf({ action: 'test.system', entityId: marker }))[0]!.id;
    });

    const ofMarker = (query: Record<string, string> = {}) => auditOf({ entityType: 'testcase', entityId: marker, ...query });

    it('answers newest first with the actor as a summary, or null for the system', async () => {
      const items = await ofMarker();
      expect(items.map((e) => e.action)).toEqual(['test.after', 'test.last', 'test.system', 'test.first', 'test.before']);
      expect(items[1]).toMatchObject({
        actor: { id: admin.id, displayName: 'Sabine Verwalterin', handle: admin.handle, role: 'admin' },
        actorId: admin.id,
        entityType: 'testcase',
        entityId: marker,
        ip: '10.1.2.3',
        details: { note: 'a;b "c"', formula: '=1+1' },
        createdAt: '2025-03-30T21:59:59.000Z',
      });
      expect(items.find((e) => e.id === systemId)).toMatchObject({ actor: null, actorId: null });
    });

    it('filters by actor, exact action, action prefix and entity type', async () => {
      expect((await ofMarker({ actor: coordinator.id })).map((e) => e.action)).toEqual(['test.after', 'test.first']);
      expect((await ofMarker({ action: 'test.first' })).map((e) => e.action)).toEqual(['test.first']);
      expect((await ofMarker({ action: 'test.' })).length).toBe(5);
      expect((await ofMarker({ action: 'test' })).length).toBe(0);
      const invitations = await auditOf({ entityType: 'invitation', limit: '100' });
      expect(invitations.length).toBeGreaterThan(0);
      expect(invitations.every((e) => e.entityType === 'invitation')).toBe(true);
      const byPrefix = await auditOf({ action: 'invitation.', limit: '100' });
      expect(new Set(byPrefix.map((e) => e.action))).toEqual(
        new Set(['invitation.create', 'invitation.resend', 'invitation.revoke', 'invitation.accept']),
      );
    });

    it('takes plain dates as whole Berlin days (to inclusive) and instants as they are (to exclusive)', async () => {
      expect((await ofMarker({ from: '2025-03-30', to: '2025-03-30' })).map((e) => e.action)).toEqual([
        'test.last',
        'test.system',
        'test.first',
      ]);
      expect((await ofMarker({ from: '2025-03-31' })).map((e) => e.action)).toEqual(['test.after']);
      expect((await ofMarker({ to: '2025-03-29' })).map((e) => e.action)).toEqual(['test.before']);
      expect((await ofMarker({ from: '2025-03-30T12:00:00Z', to: '2025-03-30T22:00:00Z' })).map((e) => e.action)).toEqual([
        'test.last',
        'test.system',
      ]);
      // an instant without an offset is Berlin time
      expect((await ofMarker({ from: '2025-03-30T14:00:00', to: '2025-03-30T14:00:01' })).map((e) => e.action)).toEqual(['test.system']);
    });

    it('pages with a keyset cursor: no entry twice, none left out', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page<AuditEntryDto> = (
          await as('admin').get(
            `/api/admin/audit-log?${new URLSearchParams({ entityId: marker, limit: '2', ...(cursor ? { cursor } : {}) }).toString()}`,
          )
        ).body as Page<AuditEntryDto>;
        seen.push(...page.items.map((e) => e.action));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(['test.after', 'test.last', 'test.system', 'test.first', 'test.before']);
    });

    it('refuses bad filters with 400 VALIDATION_FAILED', async () => {
      for (const query of [
        'actor=not-a-uuid',
        'action=DROP%20TABLE',
        'entityType=user%3B',
        'from=yesterday',
        'to=2025-02-30',
        'from=2025-03-31&to=2025-03-30',
        'cursor=garbage',
        `cursor=${Buffer.from(JSON.stringify({ id: '1 OR 1=1' })).toString('base64url')}`,
        'limit=0',
        'limit=101',
        'unknown=1',
      ]) {
        const res = await as('admin').get(`/api/admin/audit-log?${query}`);
        expect([query, res.status]).toEqual([query, 400]);
        expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
        const csv = await as('admin').get(`/api/admin/audit-log.csv?${query}`);
        expect([query, csv.status]).toEqual([query, 400]);
      }
    });

    it('exports the filtered entries as CSV for German Excel', async () => {
      const res = await as('admin')
        .get(`/api/admin/audit-log.csv?entityType=testcase&entityId=${marker}&from=2025-03-30&to=2025-03-30`)
        .buffer(true)
        .parse(rawBody);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="protokoll-\d{4}-\d{2}-\d{2}\.csv"$/);
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines).toEqual([
        'Zeitpunkt;Person;Personen-ID;Aktion;Objekttyp;Objekt-ID;IP-Adresse;Details',
        `30.03.2025 23:59:59;Sabine Verwalterin (@${admin.handle});${admin.id};test.last;testcase;${marker};10.1.2.3;"{""note"":""a;b \\""c\\"""",""formula"":""=1+1""}"`,
        `30.03.2025 14:00:00;System;;test.system;testcase;${marker};10.1.2.3;`,
        `30.03.2025 00:00:00;Klaus Koordinator (@${coordinator.handle});${coordinator.id};test.first;testcase;${marker};10.1.2.3;`,
      ]);
    });

    it('streams every matching row into the CSV, beyond one batch', async () => {
      const bulk = `bulk-${Date.now()}`;
      await t.db.query(
        `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, details, created_at)
         SELECT NULL, 'test.bulk', 'bulk', $1, jsonb_build_object('n', n), now() - n * interval '1 second' FROM generate_series(1, 2500) n`,
        [bulk],
      );
      const res = await as('admin').get(`/api/admin/audit-log.csv?entityId=${bulk}`).buffer(true).parse(rawBody);
      expect(res.status).toBe(200);
      const lines = (res.body as Buffer).toString('utf8').split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(2501);
      // newest written first
      expect(lines[1]).toContain('{""n"":2500}');
      expect(lines[2500]).toContain('{""n"":1}');
    });
  });

  describe('changing a person', () => {
    it('accepts only active and disabled as a status, and leaves an erased person alone (409)', async () => {
      const target = await makeUser(t.db, { role: 'advisor', organisationId: home.id });
      const bad = await as('admin').patch(`/api/users/${target.id}`, { status: 'erased' });
      expect(bad.status).toBe(400);
      expect((bad.body as ErrorBody).code).toBe('VALIDATION_FAILED');
      expect((await as('admin').patch(`/api/users/${target.id}`, { status: 'paused' })).status).toBe(400);
      expect((await as('admin').patch(`/api/users/${target.id}`, { role: 'boss' })).status).toBe(400);
      expect((await as('admin').patch(`/api/users/${target.id}`, { organisationId: 'nope' })).status).toBe(400);
      expect((await as('admin').patch(`/api/users/${target.id}`, { email: 'x@example.org' })).status).toBe(400);
      expect((await as('admin').patch('/api/users/00000000-0000-4000-8000-000000000000', { role: 'advisor' })).status).toBe(404);

      await t.db.query("UPDATE users SET status = 'erased' WHERE id = $1", [target.id]);
      for (const body of [{ status: 'active' }, { role: 'coordinator' }]) {
        const res = await as('admin').patch(`/api/users/${target.id}`, body);
        expect(res.status).toBe(409);
        expect((res.body as ErrorBody).code).toBe('CONFLICT');
      }
      const rows = await t.db.query('SELECT role, status FROM users WHERE id = $1', [target.id]);
      expect(rows[0]).toEqual({ role: 'advisor', status: 'erased' });
    });
  });

  describe('disabling a person', () => {
    it('revokes their sessions, disconnects their socket within seconds, refuses REST and login; enabling lets them back in', async () => {
      const victim = await makeUser(t.db, { role: 'partner', organisationId: partnerOrg.id });
      const session = await login(t.url, victim.email, victim.password);
      const socket = await connect(t.url, session.accessToken);
      expect(
        (
          await request(t.url)
            .get('/api/auth/me')
            .set(...bearer(session.accessToken))
        ).status,
      ).toBe(200);

      const gone = disconnected(socket, 5000);
      const started = Date.now();
      const res = await as('admin').patch(`/api/users/${victim.id}`, { status: 'disabled' });
      expect(res.status).toBe(200);
      expect((res.body as UserDto).status).toBe('disabled');
      expect(await gone).toBe('io server disconnect');
      expect(Date.now() - started).toBeLessThan(3000);

      const me = await request(t.url)
        .get('/api/auth/me')
        .set(...bearer(session.accessToken));
      expect(me.status).toBe(401);
      const open = await t.db.query('SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL', [victim.id]);
      expect(open).toHaveLength(0);
      expect((await request(t.url).post('/api/auth/refresh').set('Cookie', `tp_refresh=${session.refreshToken}`)).status).toBe(401);
      const refused = await request(t.url).post('/api/auth/login').send({ email: victim.email, password: victim.password });
      expect(refused.status).toBe(401);
      expect((refused.body as ErrorBody).code).toBe('ACCOUNT_DISABLED');
      await expect(connect(t.url, session.accessToken)).rejects.toThrow();

      await as('admin').patch(`/api/users/${victim.id}`, { status: 'active' }).expect(200);
      const again = await login(t.url, victim.email, victim.password);
      expect(
        (
          await request(t.url)
            .get('/api/auth/me')
            .set(...bearer(again.accessToken))
        ).status,
      ).toBe(200);
      expect((await auditOf({ action: 'user.', entityId: victim.id })).map((e) => e.action)).toEqual(['user.enable', 'user.disable']);
    });
  });
});
