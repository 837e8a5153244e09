import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import type { AuthUser } from '../src/common/auth/auth-user.js';
import { DomainEvents, type DomainEventMap } from '../src/common/events/domain-events.js';
import { MeetingRemindersJob } from '../src/modules/meetings/meeting-reminders.job.js';
import { MeetingsModule } from '../src/modules/meetings/meetings.module.js';
import { MeetingsService } from '../src/modules/meetings/meetings.service.js';
import { DemoSeedService } from '../src/modules/seed/demo-seed.service.js';
import { SeedModule } from '../src/modules/seed/seed.module.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { makeOrganisation, makeUser } from '../../../test/support/factories.js';
import { integrationModule } from './support/module.js';

const HOUR = 3_600_000;

describe('meetings on a real database', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let meetings: MeetingsService;
  let job: MeetingRemindersJob;
  let coordinator: AuthUser;
  let advisors: AuthUser[];
  let spaceId: string;
  const reminders: Array<DomainEventMap['meeting.reminder_due']> = [];
  const ctx = (user: AuthUser) => ({ user, ip: '127.0.0.1' });

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, { imports: [MeetingsModule] });
    meetings = moduleRef.get(MeetingsService);
    job = moduleRef.get(MeetingRemindersJob);
    moduleRef.get(DomainEvents).on('meeting.reminder_due', (e) => void reminders.push(e));
    const org = await makeOrganisation(db);
    const person = async (role: 'coordinator' | 'advisor'): Promise<AuthUser> => ({
      id: (await makeUser(db, { role, organisationId: org.id })).id,
      role,
      organisationId: org.id,
    });
    coordinator = await person('coordinator');
    advisors = [await person('advisor'), await person('advisor'), await person('advisor')];
    spaceId = randomUUID();
    await db.query(`INSERT INTO spaces (id, name, slug, visibility) VALUES ($1, 'Netzwerk', $2, 'network')`, [
      spaceId,
      `n-${spaceId.slice(0, 8)}`,
    ]);
  }, 30_000);

  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  const stored = (seriesId: string) =>
    db.query<{ starts_at: Date; berlin: string }>(
      `SELECT starts_at, to_char(starts_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') AS berlin
         FROM meetings WHERE series_id = $1 ORDER BY starts_at`,
      [seriesId],
    );

  it('stores meetings on the last Sundays of March and October 2027 as the right UTC instants', async () => {
    // 10:00 Berlin: CEST (UTC+2) from 28 March 02:00, CET (UTC+1) again from 31 October 03:00
    const march = await meetings.create(ctx(coordinator), {
      title: 'März',
      format: 'workshop',
      spaceId,
      startsAt: '2027-03-28T10:00:00+02:00',
      endsAt: '2027-03-28T12:00:00+02:00',
    });
    const october = await meetings.create(ctx(coordinator), {
      title: 'Oktober',
      format: 'workshop',
      spaceId,
      startsAt: '2027-10-31T10:00:00+01:00',
      endsAt: '2027-10-31T12:00:00+01:00',
    });
    expect([march.startsAt, october.startsAt]).toEqual(['2027-03-28T08:00:00.000Z', '2027-10-31T09:00:00.000Z']);
    const rows = await db.query<{ berlin: string }>(
      `SELECT to_char(starts_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') AS berlin FROM meetings WHERE id = ANY($1::uuid[]) ORDER BY starts_at`,
      [[march.id, october.id]],
    );
    expect(rows.map((r) => r.berlin)).toEqual(['2027-03-28 10:00', '2027-10-31 10:00']);
  });

  it('materialises a weekly series across both clock changes at 10:00 Berlin, each occurrence its own row', async () => {
    const first = await meetings.create(ctx(coordinator), {
      title: 'Wöchentlich',
      format: 'project_management',
      spaceId,
      startsAt: '2027-03-14T09:00:00Z',
      endsAt: '2027-03-14T10:00:00Z',
      series: { frequency: 'weekly', until: '2027-11-07' },
    });
    const rows = await stored(first.series!.id);
    expect(rows).toHaveLength(35);
    expect(new Set(rows.map((r) => r.berlin.slice(11)))).toEqual(new Set(['10:00']));
    const utcHours = rows.map((r) => r.starts_at.getUTCHours());
    expect(utcHours.slice(0, 2)).toEqual([9, 9]); // 14 and 21 March: CET
    expect(utcHours.slice(2, 33)).toEqual(Array(31).fill(8)); // 28 March … 24 October: CEST
    expect(utcHours.slice(33)).toEqual([9, 9]); // 31 October, 7 November: CET
  });

  it('sends each reminder once, 24 hours ahead, and again only after the meeting moved', async () => {
    const start = new Date(Date.now() + 48 * HOUR);
    const meeting = await meetings.create(ctx(coordinator), {
      title: 'Erinnerung',
      format: 'other',
      spaceId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
    });
    await meetings.rsvp(advisors[0]!, meeting.id, 'going');
    await meetings.rsvp(advisors[1]!, meeting.id, 'maybe');
    await meetings.rsvp(advisors[2]!, meeting.id, 'declined');
    const ofMeeting = () =>
      reminders
        .filter((r) => r.meetingId === meeting.id)
        .flatMap((r) => r.userIds)
        .sort();

    expect(await job.sendDue(new Date(start.getTime() - 25 * HOUR))).toBe(0);
    await Promise.all([job.sendDue(new Date(start.getTime() - 24 * HOUR)), job.sendDue(new Date(start.getTime() - 23 * HOUR))]);
    expect(ofMeeting()).toEqual([advisors[0]!.id, advisors[1]!.id].sort());
    expect(await job.sendDue(new Date(start.getTime() - HOUR))).toBe(0);

    // moved a day later: reminded again before the new time
    const later = new Date(start.getTime() + 24 * HOUR);
    await meetings.update(ctx(coordinator), meeting.id, {
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + HOUR).toISOString(),
    });
    expect(await job.sendDue(new Date(start.getTime() - HOUR))).toBe(0);
    expect(await job.sendDue(new Date(later.getTime() - 2 * HOUR))).toBe(2);
    expect(ofMeeting()).toHaveLength(4);
  });

  it('does not remind for a cancelled meeting', async () => {
    const start = new Date(Date.now() + 10 * HOUR);
    const meeting = await meetings.create(ctx(coordinator), {
      title: 'Abgesagt',
      format: 'other',
      spaceId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
    });
    await meetings.rsvp(advisors[0]!, meeting.id, 'going');
    await meetings.cancel(ctx(coordinator), meeting.id, {});
    await job.sendDue(new Date());
    expect(reminders.filter((r) => r.meetingId === meeting.id)).toHaveLength(0);
  });

  it('reminds each person at their own lead time (2 h, the default 24 h, a week), once each, again after a move', async () => {
    const org = await makeOrganisation(db);
    const person = async (hours: number | null): Promise<AuthUser> => {
      const id = (await makeUser(db, { role: 'advisor', organisationId: org.id })).id;
      if (hours !== null) await db.query('UPDATE users SET meeting_reminder_hours = $2 WHERE id = $1', [id, hours]);
      return { id, role: 'advisor', organisationId: org.id };
    };
    const [short, usual, early] = [await person(2), await person(null), await person(168)];
    const start = new Date(Date.now() + 30 * 24 * HOUR);
    const meeting = await meetings.create(ctx(coordinator), {
      title: 'Eigene Vorlaufzeit',
      format: 'other',
      spaceId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
    });
    for (const who of [short, usual, early]) await meetings.rsvp(who, meeting.id, 'going');
    /** Runs the job at the given hours before `at` (in parallel) and returns who was reminded of this meeting. */
    const runAt = async (at: Date, ...hoursBefore: number[]) => {
      const from = reminders.length;
      await Promise.all(hoursBefore.map((h) => job.sendDue(new Date(at.getTime() - h * HOUR))));
      return reminders
        .slice(from)
        .filter((r) => r.meetingId === meeting.id)
        .flatMap((r) => r.userIds)
        .sort();
    };

    expect(await runAt(start, 169)).toEqual([]);
    expect(await runAt(start, 168, 167)).toEqual([early.id]);
    expect(await runAt(start, 25)).toEqual([]);
    expect(await runAt(start, 24, 23)).toEqual([usual.id]);
    expect(await runAt(start, 3)).toEqual([]);
    expect(await runAt(start, 2, 1.5)).toEqual([short.id]);
    expect(await runAt(start, 1, 0.5)).toEqual([]);
    expect(
      reminders
        .filter((r) => r.meetingId === meeting.id)
        .flatMap((r) => r.userIds)
        .sort(),
    ).toEqual([short.id, usual.id, early.id].sort());

    // moved a day later: everybody once more, each at their own lead time before the new start
    const later = new Date(start.getTime() + 24 * HOUR);
    await meetings.update(ctx(coordinator), meeting.id, {
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + HOUR).toISOString(),
    });
    expect(await runAt(later, 24)).toEqual([usual.id, early.id].sort());
    expect(await runAt(later, 3)).toEqual([]);
    expect(await runAt(later, 2)).toEqual([short.id]);
    expect(await runAt(later, 1)).toEqual([]);
  });
});

describe('demo meetings', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, { imports: [SeedModule] });
  }, 30_000);

  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  it('adds a network meeting, a workshop in the private AG and a weekly series, once', async () => {
    const seed = moduleRef.get(DemoSeedService);
    await seed.seed();
    const rows = () =>
      db.query<{ title: string; slug: string | null; n: number }>(
        `SELECT m.title, s.slug, count(*)::int AS n FROM meetings m LEFT JOIN spaces s ON s.id = m.space_id
          GROUP BY m.title, s.slug ORDER BY m.title`,
      );
    const first = await rows();
    expect(first).toEqual([
      { title: 'Jour fixe Koordination', slug: 'netzwerk', n: 8 },
      { title: 'Netzwerktreffen IQ Sachsen-Anhalt', slug: null, n: 1 },
      { title: 'Workshop: Anerkennung in der Pflege', slug: 'ag-pflege', n: 1 },
    ]);
    await seed.seed();
    expect(await rows()).toEqual(first);
  }, 60_000);
});
