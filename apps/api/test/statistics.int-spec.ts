import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import type { Role } from '@treffpunkt/contracts';
import type { AuthUser } from '../src/common/auth/auth-user.js';
import { DemoConsultationsSeeder, generateDemoConsultations } from '../src/modules/seed/demo-consultations.js';
import { SeedModule } from '../src/modules/seed/seed.module.js';
import { StatisticsModule } from '../src/modules/statistics/statistics.module.js';
import { StatisticsService } from '../src/modules/statistics/statistics.service.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { makeOrganisation, makeUser } from '../../../test/support/factories.js';
import { integrationModule } from './support/module.js';

/** The published numbers of a table: count, or "<5" / "•" for hidden ones. */
const shown = (v: { count: number | null; suppressed: string | null }) => (v.suppressed === 'small' ? '<5' : v.suppressed ? '•' : v.count);

describe('consultation statistics on a real database', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let service: StatisticsService;
  let spA: string;
  let spB: string;
  let partnerOrg: string;
  const actor = async (role: Role, organisationId: string): Promise<AuthUser> => {
    const u = await makeUser(db, { role, organisationId });
    return { id: u.id, role, organisationId };
  };

  /** Hand-made fixture, Q1 2025 (also a referral table). */
  async function record(
    authorId: string,
    servicePointId: string,
    date: string,
    topic: string,
    n: number,
    extra: { outcome?: string; referredTo?: string } = {},
  ) {
    for (let i = 0; i < n; i++) {
      await db.query(
        'INSERT INTO consultations (date, service_point_id, author_id, topic, channel, outcome, referred_to_organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [date, servicePointId, authorId, topic, 'in_person', extra.outcome ?? null, extra.referredTo ?? null],
      );
    }
  }

  let admin: AuthUser;
  let coordinator: AuthUser;
  let advisorA: AuthUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, { imports: [StatisticsModule] });
    service = moduleRef.get(StatisticsService);
    spA = (await makeOrganisation(db, { name: 'Servicestelle Ährenfeld', type: 'service_point' })).id;
    spB = (await makeOrganisation(db, { name: 'Servicestelle Bördeland', type: 'service_point' })).id;
    partnerOrg = (await makeOrganisation(db, { name: 'Caritas Beispielstadt', type: 'welfare' })).id;
    const home = (await makeOrganisation(db, { type: 'other' })).id;
    admin = await actor('admin', home);
    coordinator = await actor('coordinator', home);
    advisorA = await actor('advisor', spA);
    const advisorB = await actor('advisor', spB);
    //            A             B
    // Jan   6 recognition   2 labour_rights
    // Feb   5 job_search    7 recognition (3 of them referred to the Caritas)
    // Mar   1 recognition   9 other
    await record(advisorA.id, spA, '2025-01-15', 'recognition', 6);
    await record(advisorB.id, spB, '2025-01-31', 'labour_rights', 2);
    await record(advisorA.id, spA, '2025-02-01', 'job_search', 5);
    await record(advisorB.id, spB, '2025-02-28', 'recognition', 4);
    await record(advisorB.id, spB, '2025-02-10', 'recognition', 3, { outcome: 'referred', referredTo: partnerOrg });
    await record(advisorA.id, spA, '2025-03-31', 'recognition', 1);
    await record(advisorB.id, spB, '2025-03-03', 'other', 9);
    // outside the range: must not count
    await record(advisorA.id, spA, '2024-12-31', 'recognition', 4);
    await record(advisorA.id, spA, '2025-04-01', 'recognition', 4);
  });

  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  const q1 = { from: '2025-01-01', to: '2025-03-31' };

  it('counts month × service point exactly for admins, with row, column and grand totals', async () => {
    const stats = await service.stats(admin, { ...q1, groupBy: 'month,servicePoint' });
    expect(stats.disclosureControl).toBe(false);
    expect(stats.rows.map((r) => r.key)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(stats.columns).toEqual([
      { key: spA, label: 'Servicestelle Ährenfeld' },
      { key: spB, label: 'Servicestelle Bördeland' },
    ]);
    expect(stats.cells.map((r) => r.map(shown))).toEqual([
      [6, 2],
      [5, 7],
      [1, 9],
    ]);
    expect(stats.rowTotals.map(shown)).toEqual([8, 12, 10]);
    expect(stats.columnTotals.map(shown)).toEqual([12, 18]);
    expect(shown(stats.total)).toBe(30);
  });

  it('counts topic × service point and one dimension alone', async () => {
    const stats = await service.stats(admin, { ...q1, groupBy: 'topic,servicePoint' });
    expect(stats.rows.map((r) => r.key)).toEqual(['recognition', 'labour_rights', 'job_search', 'qualification', 'other']);
    expect(stats.cells.map((r) => r.map(shown))).toEqual([
      [7, 7],
      [0, 2],
      [5, 0],
      [0, 0],
      [0, 9],
    ]);
    const byTopic = await service.stats(admin, { ...q1, groupBy: 'topic' });
    expect(byTopic.columns).toEqual([]);
    expect(byTopic.cells.map((r) => shown(r[0]!))).toEqual([14, 2, 5, 0, 9]);
    expect(byTopic.columnTotals).toEqual([]);
    expect(shown(byTopic.total)).toBe(30);
  });

  it('counts referrals per partner organisation only', async () => {
    const stats = await service.stats(admin, { ...q1, groupBy: 'referredTo,month' });
    expect(stats.rows).toEqual([{ key: partnerOrg, label: 'Caritas Beispielstadt' }]);
    expect(stats.cells.map((r) => r.map(shown))).toEqual([[0, 3, 0]]);
  });

  it('hides small cells from coordinators and leaves no row or column with a single hidden value', async () => {
    const stats = await service.stats(coordinator, { ...q1, groupBy: 'month,servicePoint' });
    expect(stats.disclosureControl).toBe(true);
    const grid = [...stats.cells.map((r, i) => [...r, stats.rowTotals[i]!]), [...stats.columnTotals, stats.total]];
    expect(shown(grid[0]![1]!)).toBe('<5'); // Jan B = 2
    expect(shown(grid[2]![0]!)).toBe('<5'); // Mar A = 1
    const exact = [
      [6, 2, 8],
      [5, 7, 12],
      [1, 9, 10],
      [12, 18, 30],
    ];
    const lines = [...grid, ...grid[0]!.map((_, j) => grid.map((r) => r[j]!))];
    for (const line of lines) expect(line.filter((v) => v.count === null).length).not.toBe(1);
    // what is shown is the truth
    grid.forEach((r, i) => r.forEach((v, j) => v.count !== null && expect(v.count).toBe(exact[i]![j])));
  });

  it('limits advisors to their own service point and publishes whole months only', async () => {
    const stats = await service.stats(advisorA, { from: '2025-01-10', to: '2025-03-05', groupBy: 'month,servicePoint' });
    expect([stats.from, stats.to]).toEqual(['2025-01-01', '2025-03-31']);
    expect(stats.servicePoint).toEqual({ id: spA, name: 'Servicestelle Ährenfeld' });
    expect(stats.columns.map((c) => c.key)).toEqual([spA]);
    // 6, 5, 1 of 12: the 1 is small, and 5 alone would give it away (12 − 6 − 5), as would 6 with bounds
    expect(stats.cells.map((r) => r.map(shown))).toEqual([['•'], ['•'], ['<5']]);
    expect(shown(stats.total)).toBe(12);
    await expect(service.stats(advisorA, { ...q1, groupBy: 'month', servicePointId: spB })).rejects.toMatchObject({ status: 403 });
  });

  it('counts the exact day range for admins', async () => {
    const stats = await service.stats(admin, { from: '2025-01-31', to: '2025-02-01', groupBy: 'servicePoint' });
    expect([stats.from, stats.to]).toEqual(['2025-01-31', '2025-02-01']);
    expect(stats.cells.map((r) => shown(r[0]!))).toEqual([5, 2]);
  });
});

describe('demo consultations', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, { imports: [SeedModule] });
  });

  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  it('generates the same year from the fixed seed, on working days up to today', () => {
    const ids = new Map(
      ['sp-magdeburg', 'sp-halle', 'sp-dessau', 'admin-office', 'caritas', 'school', 'migrant-org', 'business'].map((k) => [k, k]),
    );
    const first = generateDemoConsultations('2026-06-30', ids);
    expect(generateDemoConsultations('2026-06-30', ids)).toEqual(first);
    expect(first.length).toBeGreaterThan(1000);
    expect(first.every((c) => c.date >= '2025-07-01' && c.date <= '2026-06-30')).toBe(true);
    expect(first.every((c) => ![0, 6].includes(new Date(`${c.date}T12:00:00Z`).getUTCDay()))).toBe(true);
    expect(first.every((c) => (c.outcome === 'referred') === (c.referredToOrganisationId !== null))).toBe(true);
  });

  it('is written once by the demo seed and left alone afterwards', async () => {
    const { DemoSeedService } = await import('../src/modules/seed/demo-seed.service.js');
    await moduleRef.get(DemoSeedService).seed();
    const count = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM consultations'))[0]!.n);
    const seeded = await count();
    expect(seeded).toBeGreaterThan(1000);
    const months = await db.query<{ n: string }>("SELECT count(DISTINCT to_char(date, 'YYYY-MM')) AS n FROM consultations");
    expect(Number(months[0]!.n)).toBeGreaterThanOrEqual(12);
    expect(await moduleRef.get(DemoConsultationsSeeder).seed(new Map())).toBe(0);
    await moduleRef.get(DemoSeedService).seed();
    expect(await count()).toBe(seeded);
  });
});
