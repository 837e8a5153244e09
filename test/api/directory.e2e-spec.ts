import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, OrganisationListItemDto, OrganisationProfileDto, Page, UserDto, UserListItemDto } from '@treffpunkt/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation, makeUser } from '../support/factories.js';
import { addMember, as, createSpace, makeActor, type Actor } from '../support/forum.js';

describe('directory over HTTP', () => {
  let t: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let partner: Actor;
  let servicePoint: string;
  let business: string;
  let mueller: string;

  const people = async (actor: Actor, query: string) => {
    const res = await as(t, actor).get(`/api/users?${query}`);
    expect(res.status).toBe(200);
    return (res.body as Page<UserListItemDto>).items;
  };
  const orgs = async (actor: Actor, query: string) => {
    const res = await as(t, actor).get(`/api/organisations?limit=100&${query}`);
    expect(res.status).toBe(200);
    return (res.body as Page<OrganisationListItemDto>).items.map((o) => o.name);
  };
  const audits = (action: string, entityId: string) =>
    t.db.query<{ actor_id: string; details: Record<string, unknown> }>(
      'SELECT actor_id, details FROM audit_log WHERE action = $1 AND entity_id = $2',
      [action, entityId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    servicePoint = (await makeOrganisation(t.db, { name: 'Servicestelle Verzeichnis Köthen', type: 'service_point' })).id;
    business = (await makeOrganisation(t.db, { name: 'Pflegedienst Verzeichnis GmbH', type: 'business' })).id;
    await t.db.query(
      `UPDATE organisations SET city = 'Köthen (Anhalt)', fields_of_action = '{recognition,counselling}', target_groups = '{migrants}' WHERE id = $1`,
      [servicePoint],
    );
    await t.db.query(
      `UPDATE organisations SET city = 'Schönebeck', fields_of_action = '{health_care}', target_groups = '{skilled_workers}' WHERE id = $1`,
      [business],
    );
    const home = (await makeOrganisation(t.db, { type: 'other' })).id;
    [admin, coordinator, advisor, partner] = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: home }),
      makeActor(t, { role: 'coordinator', organisationId: home }),
      makeActor(t, { role: 'advisor', organisationId: servicePoint }),
      makeActor(t, { role: 'partner', organisationId: business }),
    ]);
    mueller = (await makeUser(t.db, { displayName: 'Anna Müller', organisationId: servicePoint, role: 'advisor' })).id;
    await t.db.query(
      `UPDATE users SET languages = '{Deutsch,Dari}', expertise = '{Pflege-Anerkennung}', phone = '0391 123' WHERE id = $1`,
      [mueller],
    );
    const farsi = await makeUser(t.db, { displayName: 'Reza Karimi', organisationId: business, role: 'partner' });
    await t.db.query(`UPDATE users SET languages = '{Farsi,Dari}', expertise = '{Arbeitsrecht}' WHERE id = $1`, [farsi.id]);
    await makeUser(t.db, { displayName: 'Dora Müller', organisationId: servicePoint, status: 'disabled' });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('people', () => {
    it('finds "Müller" with "muell" and with "muller", for every signed-in role', async () => {
      for (const actor of [advisor, partner]) {
        expect((await people(actor, 'q=muell')).map((p) => p.displayName)).toEqual(['Anna Müller']);
        expect((await people(actor, 'q=muller')).map((p) => p.displayName)).toEqual(['Anna Müller']);
      }
    });

    it('finds people by language and expertise, in the search and as filters', async () => {
      expect((await people(advisor, 'q=dari')).map((p) => p.displayName)).toEqual(['Anna Müller', 'Reza Karimi']);
      expect((await people(advisor, 'language=dari')).map((p) => p.displayName)).toEqual(['Anna Müller', 'Reza Karimi']);
      expect((await people(advisor, 'language=dari&expertise=pflege')).map((p) => p.displayName)).toEqual(['Anna Müller']);
      expect((await people(advisor, `language=dari&organisationId=${business}`)).map((p) => p.displayName)).toEqual(['Reza Karimi']);
      expect((await people(advisor, 'language=dari&role=partner')).map((p) => p.displayName)).toEqual(['Reza Karimi']);
      const [anna] = await people(advisor, 'q=pflege-anerkennung');
      expect(anna).toMatchObject({
        id: mueller,
        languages: ['Deutsch', 'Dari'],
        expertise: ['Pflege-Anerkennung'],
        phone: '0391 123',
        status: 'active',
      });
    });

    it('shows disabled people to admins only, who ask with status=', async () => {
      expect(await people(advisor, 'q=dora')).toEqual([]);
      expect(await people(admin, 'q=dora')).toEqual([]);
      expect((await people(admin, 'q=dora&status=disabled')).map((p) => p.displayName)).toEqual(['Dora Müller']);
      expect((await people(admin, 'q=muell&status=all')).map((p) => p.displayName)).toEqual(['Anna Müller', 'Dora Müller']);
      const res = await as(t, advisor).get('/api/users?status=all');
      expect(res.status).toBe(403);
      expect((res.body as ErrorBody).code).toBe('FORBIDDEN');
    });

    it('pages with a cursor', async () => {
      const first = await as(t, advisor).get('/api/users?limit=1');
      const page = first.body as Page<UserListItemDto>;
      expect(page.items).toHaveLength(1);
      expect(page.nextCursor).toEqual(expect.any(String));
      const second = await as(t, advisor).get(`/api/users?limit=1&cursor=${page.nextCursor}`);
      expect((second.body as Page<UserListItemDto>).items[0]!.id).not.toBe(page.items[0]!.id);
    });

    it('answers a person’s profile with contact details; disabled people are 404 except for admins', async () => {
      const res = await as(t, partner).get(`/api/users/${mueller}`);
      expect(res.status).toBe(200);
      expect(res.body as UserDto).toMatchObject({ displayName: 'Anna Müller', phone: '0391 123', languages: ['Deutsch', 'Dari'] });
      expect((res.body as UserDto).email).toMatch(/@example\.org$/);
      const [dora] = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE display_name = 'Dora Müller'`);
      expect((await as(t, advisor).get(`/api/users/${dora!.id}`)).status).toBe(404);
      expect((await as(t, admin).get(`/api/users/${dora!.id}`)).status).toBe(200);
    });

    it('rejects bad filters and unauthenticated calls', async () => {
      expect((await as(t, advisor).get('/api/users?role=king')).status).toBe(400);
      expect((await as(t, advisor).get('/api/users?limit=101')).status).toBe(400);
      expect((await as(t, advisor).get('/api/users?organisationId=nope')).status).toBe(400);
      expect((await as(t, advisor).get('/api/users?cursor=bogus')).status).toBe(400);
      expect((await as(t, advisor).get('/api/users?unknown=1')).status).toBe(400);
      expect((await request(t.url).get('/api/users')).status).toBe(401);
      expect((await request(t.url).get(`/api/users/${mueller}`)).status).toBe(401);
    });
  });

  describe('organisations', () => {
    it('filters by type, city, field and target group and searches accent-insensitively', async () => {
      expect(await orgs(advisor, 'q=koethen')).toEqual(['Servicestelle Verzeichnis Köthen']);
      expect(await orgs(advisor, 'city=schonebeck')).toEqual(['Pflegedienst Verzeichnis GmbH']);
      expect(await orgs(advisor, 'type=business&q=verzeichnis')).toEqual(['Pflegedienst Verzeichnis GmbH']);
      expect(await orgs(advisor, 'field=recognition&q=verzeichnis')).toEqual(['Servicestelle Verzeichnis Köthen']);
      expect(await orgs(advisor, 'targetGroup=skilled_workers&q=verzeichnis')).toEqual(['Pflegedienst Verzeichnis GmbH']);
      expect(await orgs(advisor, 'targetGroup=skilled_workers&type=service_point&q=verzeichnis')).toEqual([]);
      expect((await as(t, advisor).get('/api/organisations?type=castle')).status).toBe(400);
      expect((await as(t, advisor).get('/api/organisations?field=magic')).status).toBe(400);
      expect((await as(t, advisor).get('/api/organisations?includeArchived=maybe')).status).toBe(400);
    });

    it('hides archived organisations unless a manager asks with includeArchived=true', async () => {
      const archivedPartner = (await makeOrganisation(t.db, { name: 'Archivverein Beispiel', type: 'welfare' })).id;
      const archivedSp = (await makeOrganisation(t.db, { name: 'Archivservicestelle Beispiel', type: 'service_point' })).id;
      await t.db.query('UPDATE organisations SET archived_at = now() WHERE id = ANY($1::uuid[])', [[archivedPartner, archivedSp]]);
      expect(await orgs(advisor, 'q=archiv')).toEqual([]);
      expect(await orgs(advisor, 'q=archiv&includeArchived=true')).toEqual([]);
      expect(await orgs(coordinator, 'q=archiv&includeArchived=true')).toEqual(['Archivverein Beispiel']);
      expect(await orgs(admin, 'q=archiv&includeArchived=true')).toEqual(['Archivservicestelle Beispiel', 'Archivverein Beispiel']);
      expect(await orgs(admin, 'q=archiv')).toEqual([]);
    });

    it('shows a profile with contact persons, members and only the spaces the caller can see', async () => {
      await t.db.query('INSERT INTO organisation_contacts (organisation_id, user_id) VALUES ($1, $2)', [servicePoint, mueller]);
      const network = await createSpace(t, coordinator, { visibility: 'network' });
      const hidden = await createSpace(t, admin, { visibility: 'private', name: 'Geheime Arbeitsgruppe Verzeichnis' });
      await addMember(t, coordinator, network.id, { organisationId: servicePoint });
      await addMember(t, admin, hidden.id, { organisationId: servicePoint });

      const forPartner = (await as(t, partner).get(`/api/organisations/${servicePoint}`)).body as OrganisationProfileDto;
      expect(forPartner.contactPersons).toEqual([expect.objectContaining({ id: mueller, displayName: 'Anna Müller', phone: '0391 123' })]);
      expect(forPartner.contactPersons[0]!.email).toMatch(/@example\.org$/);
      expect(forPartner.members.map((m) => m.displayName)).toContain('Anna Müller');
      expect(forPartner.members.map((m) => m.displayName)).not.toContain('Dora Müller');
      expect(forPartner.memberCount).toBe(forPartner.members.length);
      expect(forPartner.spaces.map((s) => s.id)).toEqual([network.id]);
      expect(JSON.stringify(forPartner)).not.toContain('Geheime Arbeitsgruppe');
      expect(forPartner.canManage).toBe(false);

      const forAdmin = (await as(t, admin).get(`/api/organisations/${servicePoint}`)).body as OrganisationProfileDto;
      expect(forAdmin.spaces.map((s) => s.id).sort()).toEqual([network.id, hidden.id].sort());
      expect(forAdmin.canManage).toBe(true);
      // the advisor is a member of the service point, so its private space is visible through the organisation
      const forAdvisor = (await as(t, advisor).get(`/api/organisations/${servicePoint}`)).body as OrganisationProfileDto;
      expect(forAdvisor.spaces).toHaveLength(2);
      expect((await as(t, advisor).get('/api/organisations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('organisation administration', () => {
    const valid = (name: string) => ({
      name,
      type: 'business',
      description: 'Ein Betrieb',
      address: 'Hauptstraße 1',
      city: 'Magdeburg',
      postcode: '39104',
      website: 'https://example.org',
      email: 'info@example.org',
      phone: '+49 391 12345',
      fieldsOfAction: ['labour_market'],
      targetGroups: ['companies'],
    });

    it('refuses advisors and partners (403) and anonymous callers (401)', async () => {
      for (const actor of [advisor, partner]) {
        expect((await as(t, actor).post('/api/organisations', valid('Nicht erlaubt'))).status).toBe(403);
        expect((await as(t, actor).patch(`/api/organisations/${business}`, { city: 'Burg' })).status).toBe(403);
        expect((await as(t, actor).post(`/api/organisations/${business}/archive`)).status).toBe(403);
        expect((await as(t, actor).post(`/api/organisations/${business}/unarchive`)).status).toBe(403);
      }
      expect((await request(t.url).post('/api/organisations').send(valid('Anonym'))).status).toBe(401);
      expect((await request(t.url).patch(`/api/organisations/${business}`).send({ city: 'Burg' })).status).toBe(401);
      expect((await request(t.url).post(`/api/organisations/${business}/archive`)).status).toBe(401);
      const [row] = await t.db.query<{ city: string; archived_at: Date | null }>(
        'SELECT city, archived_at FROM organisations WHERE id = $1',
        [business],
      );
      expect(row).toEqual({ city: 'Schönebeck', archived_at: null });
      expect(await t.db.query(`SELECT 1 FROM organisations WHERE name IN ('Nicht erlaubt', 'Anonym')`)).toEqual([]);
    });

    it('lets a coordinator manage a business but not a service point', async () => {
      expect(
        (await as(t, coordinator).post('/api/organisations', { ...valid('Koordinierte Servicestelle'), type: 'service_point' })).status,
      ).toBe(403);
      expect((await as(t, coordinator).patch(`/api/organisations/${servicePoint}`, { city: 'Burg' })).status).toBe(403);
      expect((await as(t, coordinator).post(`/api/organisations/${servicePoint}/archive`)).status).toBe(403);
      // nor turn a partner organisation into a service point
      expect((await as(t, coordinator).patch(`/api/organisations/${business}`, { type: 'service_point' })).status).toBe(403);

      const created = await as(t, coordinator).post('/api/organisations', valid('Koordinierter Betrieb'));
      expect(created.status).toBe(201);
      const org = created.body as OrganisationProfileDto;
      expect(org).toMatchObject({ name: 'Koordinierter Betrieb', type: 'business', postcode: '39104', archived: false, canManage: true });
      expect(await audits('organisation.create', org.id)).toEqual([
        { actor_id: coordinator.id, details: { name: 'Koordinierter Betrieb', type: 'business' } },
      ]);

      const updated = await as(t, coordinator).patch(`/api/organisations/${org.id}`, {
        city: 'Burg',
        website: null,
        fieldsOfAction: ['labour_market', 'integration'],
      });
      expect(updated.status).toBe(200);
      expect(updated.body as OrganisationProfileDto).toMatchObject({
        city: 'Burg',
        website: null,
        fieldsOfAction: ['labour_market', 'integration'],
      });
      expect(await audits('organisation.update', org.id)).toEqual([
        { actor_id: coordinator.id, details: { fields: ['city', 'website', 'fieldsOfAction'] } },
      ]);

      const archived = await as(t, coordinator).post(`/api/organisations/${org.id}/archive`);
      expect(archived.status).toBe(200);
      expect((archived.body as OrganisationProfileDto).archived).toBe(true);
      expect(await orgs(advisor, 'q=koordinierter')).toEqual([]);
      expect(await audits('organisation.archive', org.id)).toHaveLength(1);

      const restored = await as(t, coordinator).post(`/api/organisations/${org.id}/unarchive`);
      expect(restored.status).toBe(200);
      expect((restored.body as OrganisationProfileDto).archived).toBe(false);
      expect(await orgs(advisor, 'q=koordinierter')).toEqual(['Koordinierter Betrieb']);
      expect(await audits('organisation.unarchive', org.id)).toHaveLength(1);
    });

    it('lets an admin manage a service point and set its contact persons from its members', async () => {
      const res = await as(t, admin).patch(`/api/organisations/${servicePoint}`, {
        contactPersonIds: [mueller, advisor.id],
        phone: '0391 999',
      });
      expect(res.status).toBe(200);
      const org = res.body as OrganisationProfileDto;
      expect(org.contactPersonIds.sort()).toEqual([mueller, advisor.id].sort());
      expect(org.contactPersons.map((c) => c.id).sort()).toEqual([mueller, advisor.id].sort());
      expect(await audits('organisation.update', servicePoint)).toEqual([
        { actor_id: admin.id, details: { fields: ['contactPersonIds', 'phone'] } },
      ]);

      // someone of another organisation cannot be a contact person
      const outsider = await as(t, admin).patch(`/api/organisations/${servicePoint}`, { contactPersonIds: [partner.id] });
      expect(outsider.status).toBe(400);
      expect((outsider.body as ErrorBody).code).toBe('VALIDATION_FAILED');

      const created = await as(t, admin).post('/api/organisations', { ...valid('Neue Servicestelle'), type: 'service_point' });
      expect(created.status).toBe(201);
      const id = (created.body as OrganisationProfileDto).id;
      expect((await as(t, admin).post(`/api/organisations/${id}/archive`)).status).toBe(200);
      expect(await audits('organisation.archive', id)).toEqual([{ actor_id: admin.id, details: {} }]);
    });

    it('validates every field: enums, e-mail, URL, postcode, lengths, unknown fields', async () => {
      const bad: object[] = [
        { ...valid('X'), name: 'X' },
        { ...valid('Typ'), type: 'castle' },
        { ...valid('Mail'), email: 'not-an-email' },
        { ...valid('Web'), website: 'javascript:alert(1)' },
        { ...valid('PLZ'), postcode: '1234' },
        { ...valid('Felder'), fieldsOfAction: ['magic'] },
        { ...valid('Gruppen'), targetGroups: ['aliens'] },
        { ...valid('Lang'), description: 'x'.repeat(4001) },
        { ...valid('Telefon'), phone: 'call me' },
        { ...valid('Extra'), secret: true },
        { ...valid('Kontakte'), contactPersonIds: [mueller] },
        { type: 'business' },
      ];
      for (const body of bad) {
        const res = await as(t, admin).post('/api/organisations', body);
        expect([res.status, (res.body as ErrorBody).code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      expect((await as(t, admin).patch(`/api/organisations/${business}`, { name: null })).status).toBe(400);
      expect((await as(t, admin).patch(`/api/organisations/${business}`, { archived: true })).status).toBe(400);
      expect((await as(t, admin).patch('/api/organisations/not-a-uuid', { city: 'Burg' })).status).toBe(400);
      expect((await as(t, admin).patch('/api/organisations/00000000-0000-4000-8000-000000000000', { city: 'Burg' })).status).toBe(404);
    });
  });
});
