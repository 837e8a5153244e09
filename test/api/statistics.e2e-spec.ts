import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConsultationDto, ConsultationOptionsDto, ConsultationStatsDto, ErrorBody, Page } from '@treffpunkt/contracts';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation } from '../support/factories.js';
import { as, makeActor, type Actor } from '../support/forum.js';

const berlinDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

describe('consultation statistics over HTTP', () => {
  let t: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let colleague: Actor;
  let partner: Actor;
  let spA: string;
  let spB: string;
  let welfare: string;

  beforeAll(async () => {
    t = await startTestApp();
    spA = (await makeOrganisation(t.db, { name: 'Servicestelle Anerkennung Süd', type: 'service_point' })).id;
    spB = (await makeOrganisation(t.db, { name: 'Servicestelle Nord', type: 'service_point' })).id;
    welfare = (await makeOrganisation(t.db, { name: 'Caritas Migrationsdienst', type: 'welfare' })).id;
    const home = (await makeOrganisation(t.db, { type: 'other' })).id;
    [admin, coordinator, advisor, colleague, partner] = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: home }),
      makeActor(t, { role: 'coordinator', organisationId: home }),
      makeActor(t, { role: 'advisor', organisationId: spA }),
      makeActor(t, { role: 'advisor', organisationId: spB }),
      makeActor(t, { role: 'partner', organisationId: welfare }),
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  const minimal = () => ({ date: berlinDay(), topic: 'recognition', channel: 'in_person' });
  const record = async (actor: Actor, body: object = {}): Promise<ConsultationDto> => {
    const res = await as(t, actor).post('/api/consultations', { ...minimal(), ...body });
    if (res.status !== 201) throw new Error(`record: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as ConsultationDto;
  };
  const audits = (action: string, entityId: string) =>
    t.db.query<{ actor_id: string; details: Record<string, unknown> }>(
      'SELECT actor_id, details FROM audit_log WHERE action = $1 AND entity_id = $2',
      [action, entityId],
    );

  it('records a consultation with only date, topic and channel; the service point defaults to the advisor’s own', async () => {
    const res = await as(t, advisor).post('/api/consultations', minimal());
    expect(res.status).toBe(201);
    const created = res.body as ConsultationDto;
    expect(created).toMatchObject({
      date: berlinDay(),
      servicePoint: { id: spA, name: 'Servicestelle Anerkennung Süd' },
      topic: 'recognition',
      channel: 'in_person',
      language: null,
      countryOfQualification: null,
      outcome: null,
      referredTo: null,
      authorId: advisor.id,
    });
    expect(created.editableUntil).not.toBeNull();
  });

  it('stores every optional field, a referral to a directory organisation and a harmless note', async () => {
    const created = await record(advisor, {
      language: 'prs',
      countryOfQualification: 'AF',
      occupationGroup: 'health_social_education',
      outcome: 'referred',
      referredToOrganisationId: welfare,
      note: 'Anerkennung Pflege, Unterlagen unvollständig',
      channel: 'video',
    });
    expect(created).toMatchObject({
      language: 'prs',
      countryOfQualification: 'AF',
      occupationGroup: 'health_social_education',
      outcome: 'referred',
      referredTo: { id: welfare, name: 'Caritas Migrationsdienst' },
      note: 'Anerkennung Pflege, Unterlagen unvollständig',
    });
  });

  it('returns the first result for a retry with the same Idempotency-Key', async () => {
    const key = `consultation-${randomUUID()}`;
    const send = () => as(t, advisor).post('/api/consultations', minimal()).set('Idempotency-Key', key);
    const first = await send();
    const second = await send();
    expect(second.status).toBe(201);
    expect((second.body as ConsultationDto).id).toBe((first.body as ConsultationDto).id);
    expect(await t.db.query('SELECT id FROM consultations WHERE id = $1', [(first.body as ConsultationDto).id])).toHaveLength(1);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const count = async () => Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM consultations'))[0]!.n);
    const before = await count();
    const bad: object[] = [
      { date: berlinDay(1) },
      { date: '2025-02-30' },
      { date: '12.03.2025' },
      { date: '1999-12-31' },
      { topic: 'health' },
      { channel: 'fax' },
      { language: 'klingon' },
      { countryOfQualification: 'XX' },
      { countryOfQualification: 'de' },
      { occupationGroup: 'astronaut' },
      { outcome: 'solved' },
      { outcome: 'referred' },
      { outcome: 'advice_given', referredToOrganisationId: welfare },
      { outcome: 'referred', referredToOrganisationId: randomUUID() },
      { servicePointId: welfare },
      { clientName: 'Max Mustermann' },
      { note: 'x'.repeat(201) },
    ];
    for (const body of bad) {
      const res = await as(t, advisor).post('/api/consultations', { ...minimal(), ...body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    }
    for (const missing of ['date', 'topic', 'channel']) {
      const body: Record<string, string> = minimal();
      delete body[missing];
      expect((await as(t, advisor).post('/api/consultations', body)).status).toBe(400);
    }
    // a coordinator of the coordination office must name the service point
    expect((await as(t, coordinator).post('/api/consultations', minimal())).status).toBe(400);
    expect((await as(t, coordinator).post('/api/consultations', { ...minimal(), servicePointId: spB })).status).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a note with personal data (422 PII_SUSPECTED) — statistics must not identify anyone', async () => {
    const res = await as(t, advisor).post('/api/consultations', { ...minimal(), note: 'Rückruf unter 0176 12345678' });
    expect(res.status).toBe(422);
    expect((res.body as ErrorBody).code).toBe('PII_SUSPECTED');
    expect((res.body as ErrorBody).findings?.[0]?.kind).toBe('phone');
  });

  it('answers partners 403 on every statistics endpoint, whatever exists', async () => {
    const entry = await record(advisor);
    const partnerApi = as(t, partner);
    const responses = await Promise.all([
      partnerApi.post('/api/consultations', minimal()),
      partnerApi.get('/api/consultations'),
      partnerApi.get('/api/consultations/options'),
      partnerApi.get('/api/consultations/stats?groupBy=month'),
      partnerApi.get(`/api/consultations/${entry.id}`),
      partnerApi.patch(`/api/consultations/${entry.id}`, { topic: 'other' }),
      partnerApi.delete(`/api/consultations/${entry.id}`),
      partnerApi.get(`/api/consultations/${randomUUID()}`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    const stillThere = await t.db.query<{ topic: string }>('SELECT topic FROM consultations WHERE id = $1', [entry.id]);
    expect(stillThere).toEqual([{ topic: 'recognition' }]);
  });

  it('lists advisors their own entries only, coordinators everyone’s; others’ entries are 404 to advisors', async () => {
    const mine = await record(advisor);
    const theirs = await record(colleague);
    const advisorList = (await as(t, advisor).get('/api/consultations?limit=100')).body as Page<ConsultationDto>;
    expect(advisorList.items.every((c) => c.authorId === advisor.id)).toBe(true);
    expect(advisorList.items.map((c) => c.id)).toContain(mine.id);
    const coordinatorList = (await as(t, coordinator).get('/api/consultations?limit=100')).body as Page<ConsultationDto>;
    expect(coordinatorList.items.map((c) => c.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(coordinatorList.items.every((c) => c.editableUntil === null || c.authorId === coordinator.id)).toBe(true);
    expect((await as(t, advisor).get(`/api/consultations/${theirs.id}`)).status).toBe(404);
    expect((await as(t, advisor).patch(`/api/consultations/${theirs.id}`, { topic: 'other' })).status).toBe(404);
    expect((await as(t, coordinator).get(`/api/consultations/${theirs.id}`)).status).toBe(200);
  });

  it('lets the author change an entry within 30 days (audited with field names only), nobody else, and not later', async () => {
    const entry = await record(advisor, { note: 'Erstgespräch' });
    const res = await as(t, advisor).patch(`/api/consultations/${entry.id}`, {
      topic: 'job_search',
      outcome: 'referred',
      referredToOrganisationId: welfare,
    });
    expect(res.status).toBe(200);
    expect(res.body as ConsultationDto).toMatchObject({
      topic: 'job_search',
      outcome: 'referred',
      referredTo: { id: welfare },
      note: 'Erstgespräch',
    });
    expect(await audits('consultation.update', entry.id)).toEqual([
      { actor_id: advisor.id, details: { fields: ['topic', 'outcome', 'referredToOrganisationId'] } },
    ]);
    // leaving "referred" drops the referral
    const changed = (await as(t, advisor).patch(`/api/consultations/${entry.id}`, { outcome: 'advice_given' })).body as ConsultationDto;
    expect(changed.referredTo).toBeNull();
    expect((await as(t, advisor).patch(`/api/consultations/${entry.id}`, { date: berlinDay(1) })).status).toBe(400);
    expect((await as(t, advisor).patch(`/api/consultations/${entry.id}`, { topic: null })).status).toBe(400);
    expect((await as(t, advisor).patch(`/api/consultations/${entry.id}`, { note: 'Mail an max.mustermann@example.org' })).status).toBe(422);

    const forbidden = await as(t, coordinator).patch(`/api/consultations/${entry.id}`, { topic: 'other' });
    expect(forbidden.status).toBe(403);
    expect((await as(t, admin).delete(`/api/consultations/${entry.id}`)).status).toBe(403);

    await t.db.query("UPDATE consultations SET created_at = now() - interval '31 days' WHERE id = $1", [entry.id]);
    const late = await as(t, advisor).patch(`/api/consultations/${entry.id}`, { topic: 'other' });
    expect(late.status).toBe(409);
    expect((late.body as ErrorBody).code).toBe('CONSULTATION_LOCKED');
    expect((await as(t, advisor).delete(`/api/consultations/${entry.id}`)).status).toBe(409);
    expect(((await as(t, advisor).get(`/api/consultations/${entry.id}`)).body as ConsultationDto).editableUntil).toBeNull();
  });

  it('lets the author delete an entry within 30 days, audited, and the entry is gone', async () => {
    const entry = await record(advisor);
    await t.db.query("UPDATE consultations SET created_at = now() - interval '29 days' WHERE id = $1", [entry.id]);
    expect((await as(t, advisor).delete(`/api/consultations/${entry.id}`)).status).toBe(204);
    expect(await t.db.query('SELECT id FROM consultations WHERE id = $1', [entry.id])).toEqual([]);
    expect(await audits('consultation.delete', entry.id)).toEqual([
      { actor_id: advisor.id, details: { date: entry.date, servicePointId: spA } },
    ]);
    expect((await as(t, advisor).delete(`/api/consultations/${entry.id}`)).status).toBe(404);
  });

  it('offers service points and directory organisations, with the advisor’s own service point preselected', async () => {
    const options = (await as(t, advisor).get('/api/consultations/options')).body as ConsultationOptionsDto;
    expect(options.defaultServicePointId).toBe(spA);
    expect(options.servicePoints.map((o) => o.id)).toEqual(expect.arrayContaining([spA, spB]));
    expect(options.servicePoints.map((o) => o.id)).not.toContain(welfare);
    expect(options.referralOrganisations.map((o) => o.id)).toContain(welfare);
    expect(((await as(t, coordinator).get('/api/consultations/options')).body as ConsultationOptionsDto).defaultServicePointId).toBeNull();
  });

  describe('statistics', () => {
    beforeAll(async () => {
      // a clean slate of hand-made rows in 2025
      await t.db.query("DELETE FROM consultations WHERE date >= '2025-01-01' AND date < '2026-01-01'");
      const insert = (sp: string, date: string, topic: string, n: number) =>
        t.db.query(
          `INSERT INTO consultations (date, service_point_id, author_id, topic, channel) SELECT $1, $2, $3, $4, 'phone' FROM generate_series(1, $5)`,
          [date, sp, sp === spA ? advisor.id : colleague.id, topic, n],
        );
      await insert(spA, '2025-05-05', 'recognition', 12);
      await insert(spA, '2025-05-20', 'labour_rights', 2);
      await insert(spB, '2025-05-07', 'recognition', 9);
      await insert(spB, '2025-06-02', 'labour_rights', 8);
      await insert(spA, '2025-06-30', 'recognition', 7);
    });

    const stats = async (actor: Actor, query: string) => {
      const res = await as(t, actor).get(`/api/consultations/stats?${query}`);
      if (res.status !== 200) throw new Error(`stats: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as ConsultationStatsDto;
    };
    const shown = (v: { count: number | null; suppressed: string | null }) =>
      v.suppressed === 'small' ? '<5' : v.suppressed ? '•' : v.count;

    it('counts topic × service point for the admin exactly', async () => {
      const s = await stats(admin, 'from=2025-05-01&to=2025-06-30&groupBy=topic,servicePoint');
      const a = s.columns.findIndex((c) => c.key === spA);
      const b = s.columns.findIndex((c) => c.key === spB);
      const row = (topic: string) => s.cells[s.rows.findIndex((r) => r.key === topic)]!;
      expect([shown(row('recognition')[a]!), shown(row('recognition')[b]!)]).toEqual([19, 9]);
      expect([shown(row('labour_rights')[a]!), shown(row('labour_rights')[b]!)]).toEqual([2, 8]);
      expect(shown(s.total)).toBe(38);
    });

    it('shows coordinators "<5" and hides a second value so the totals do not give the 2 away', async () => {
      // at A: recognition 19, labour rights 2 — and 21 in total, so 19 must go too
      const s = await stats(coordinator, `from=2025-05-01&to=2025-06-30&groupBy=topic&servicePointId=${spA}`);
      const labour = s.rows.findIndex((r) => r.key === 'labour_rights');
      expect(s.cells[labour]![0]).toEqual({ count: null, suppressed: 'small' });
      expect(s.cells.map((r) => shown(r[0]!))).toEqual(['•', '<5', 0, 0, 0]);
      expect(shown(s.total)).toBe(21);
    });

    it('limits advisors to their own service point, and 403 for another one', async () => {
      const s = await stats(advisor, 'from=2025-05-01&to=2025-06-30&groupBy=month');
      expect(s.servicePoint?.id).toBe(spA);
      expect(s.rows.map((r) => r.key)).toEqual(['2025-05', '2025-06']);
      expect(s.cells.map((r) => shown(r[0]!))).toEqual([14, 7]);
      expect((await as(t, advisor).get(`/api/consultations/stats?groupBy=month&servicePointId=${spB}`)).status).toBe(403);
    });

    it('refuses unknown dimensions, repeated dimensions, more than two, bad dates and unknown parameters', async () => {
      for (const query of [
        'groupBy=weekday',
        'groupBy=month,month',
        'groupBy=month,topic,channel',
        'groupBy=',
        '',
        'groupBy=month&from=2025-13-01',
        'groupBy=month&from=2025-06-01&to=2025-05-01',
        'groupBy=month&from=2000-01-01&to=2025-01-01',
        'groupBy=month&colour=red',
        'groupBy=month&servicePointId=nope',
      ]) {
        expect([query, (await as(t, coordinator).get(`/api/consultations/stats?${query}`)).status]).toEqual([query, 400]);
      }
    });
  });
});
