import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AttendeeListDto,
  CalendarFeedDto,
  CalendarFeedStateDto,
  MeetingDto,
  MeetingListDto,
  NotificationDto,
  Page,
  RsvpResponse,
  SpaceDto,
  ThreadDto,
} from '@treffpunkt/contracts';
import request from 'supertest';
import { MeetingRemindersJob } from '../../apps/api/src/modules/meetings/meeting-reminders.job.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation, makeUser } from '../support/factories.js';
import { addMember, as, countRows, createSpace, makeActor, type Actor } from '../support/forum.js';
import { login } from '../support/http.js';
import { createMeeting, parseCalendar } from '../support/meetings.js';

const PUBLIC_URL = 'https://treffpunkt.example';
const HOUR = 3_600_000;

describe('meetings', () => {
  let t: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let moderator: Actor;
  let outsider: Actor;
  let partner: Actor;
  let network: SpaceDto;
  let ag: SpaceDto;

  beforeAll(async () => {
    t = await startTestApp({ publicUrl: PUBLIC_URL });
    const home = await makeOrganisation(t.db);
    [admin, coordinator, advisor, moderator, outsider, partner] = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: home.id }),
      makeActor(t, { role: 'coordinator', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'advisor' }),
      makeActor(t, { role: 'advisor' }),
      makeActor(t, { role: 'partner' }),
    ]);
    [network, ag] = await Promise.all([
      createSpace(t, coordinator, { visibility: 'network' }),
      createSpace(t, admin, { visibility: 'private' }),
    ]);
    await addMember(t, admin, ag.id, { userId: moderator.id }, 'moderator');
    await addMember(t, admin, ag.id, { userId: advisor.id });
    await addMember(t, admin, ag.id, { organisationId: partner.organisationId });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const notificationsOf = async (actor: Actor) =>
    ((await as(t, actor).get('/api/notifications?limit=100')).body as Page<NotificationDto>).items;
  /** Notifications are written by a listener after the request returned. */
  const settle = () => new Promise((r) => setTimeout(r, 300));
  const rsvp = async (actor: Actor, meetingId: string, status: string) => {
    const res = await as(t, actor).put(`/api/meetings/${meetingId}/rsvp`, { status });
    expect(res.status).toBe(200);
    return res.body as RsvpResponse;
  };

  describe('bad input', () => {
    const valid = {
      title: 'Netzwerktreffen',
      format: 'network_meeting',
      startsAt: '2027-06-01T08:00:00Z',
      endsAt: '2027-06-01T10:00:00Z',
      spaceId: undefined as string | undefined,
    };
    it.each([
      ['an end before the start', { endsAt: '2027-06-01T07:00:00Z' }],
      ['an end equal to the start', { endsAt: '2027-06-01T08:00:00Z' }],
      ['an unknown format', { format: 'party' }],
      ['capacity 0', { capacity: 0 }],
      ['a negative capacity', { capacity: -3 }],
      ['a fractional capacity', { capacity: 2.5 }],
      ['an unknown field', { colour: 'blue' }],
      ['a time without zone', { startsAt: '2027-06-01T10:00:00' }],
      ['an empty title', { title: '   ' }],
      ['a javascript: online link', { onlineUrl: 'javascript:alert(1)' }],
      ['an unknown series frequency', { series: { frequency: 'daily', until: '2027-07-01' } }],
      ['an unknown field in the series', { series: { frequency: 'weekly', until: '2027-07-01', count: 3 } }],
      ['a series ending before it starts', { series: { frequency: 'weekly', until: '2027-05-01' } }],
      ['a series of more than 200 meetings', { series: { frequency: 'weekly', until: '2035-01-01' } }],
    ])('rejects %s with 400 and stores nothing', async (_what, patch) => {
      const before = await countRows(t, 'meetings');
      const res = await as(t, coordinator).post('/api/meetings', { ...valid, spaceId: network.id, ...patch });
      expect(res.status).toBe(400);
      expect((res.body as { code: string }).code).toBe('VALIDATION_FAILED');
      expect(await countRows(t, 'meetings')).toBe(before);
    });

    it('rejects bad changes and a bad RSVP status', async () => {
      const meeting = await createMeeting(t, coordinator, { spaceId: network.id });
      for (const body of [{ endsAt: '2027-05-04T07:00:00Z' }, { capacity: 0 }, { title: null }, { scope: 'everything' }, { colour: 'x' }]) {
        expect((await as(t, coordinator).patch(`/api/meetings/${meeting.id}`, body)).status).toBe(400);
      }
      expect((await as(t, advisor).put(`/api/meetings/${meeting.id}/rsvp`, { status: 'waitlisted' })).status).toBe(400);
      expect((await as(t, advisor).put(`/api/meetings/${meeting.id}/rsvp`, { status: 'going', extra: 1 })).status).toBe(400);
    });
  });

  describe('who announces and who sees', () => {
    it('lets coordinators and space moderators announce, and nobody else', async () => {
      const body = { title: 'AG-Treffen', format: 'workshop', startsAt: '2027-06-01T08:00:00Z', endsAt: '2027-06-01T09:00:00Z' };
      expect((await as(t, moderator).post('/api/meetings', { ...body, spaceId: ag.id })).status).toBe(201);
      expect((await as(t, advisor).post('/api/meetings', { ...body, spaceId: ag.id })).status).toBe(403);
      expect((await as(t, advisor).post('/api/meetings', { ...body, spaceId: network.id })).status).toBe(403);
      expect((await as(t, moderator).post('/api/meetings', body)).status).toBe(403);
      expect((await as(t, partner).post('/api/meetings', body)).status).toBe(403);
      expect((await as(t, outsider).post('/api/meetings', { ...body, spaceId: ag.id })).status).toBe(404);
      expect((await as(t, coordinator).post('/api/meetings', body)).status).toBe(201);
    });

    it('hides a meeting of a private space from non-members everywhere', async () => {
      const meeting = await createMeeting(t, moderator, { spaceId: ag.id, title: 'Geheime AG' });
      const paths = ['', '/ics', '/attendees'].map((p) => `/api/meetings/${meeting.id}${p}`);
      for (const path of paths) {
        expect((await as(t, outsider).get(path)).status).toBe(404);
        expect((await as(t, partner).get(path)).status).toBe(200);
      }
      expect((await as(t, outsider).patch(`/api/meetings/${meeting.id}`, { title: 'x' })).status).toBe(404);
      expect((await as(t, outsider).post(`/api/meetings/${meeting.id}/cancel`, {})).status).toBe(404);
      expect((await as(t, outsider).put(`/api/meetings/${meeting.id}/rsvp`, { status: 'going' })).status).toBe(404);
      // visible but not theirs to change: 403
      expect((await as(t, advisor).patch(`/api/meetings/${meeting.id}`, { title: 'x' })).status).toBe(403);
      const listed = (who: Actor) =>
        as(t, who)
          .get('/api/meetings?from=2027-01-01T00:00:00Z&to=2028-01-01T00:00:00Z')
          .then((r) => (r.body as MeetingListDto).items.map((m) => m.id));
      expect(await listed(outsider)).not.toContain(meeting.id);
      expect(await listed(advisor)).toContain(meeting.id);
      expect((await as(t, outsider).get(`/api/meetings?spaceId=${ag.id}`)).status).toBe(404);
    });

    it('shows network-wide meetings to staff only', async () => {
      const meeting = await createMeeting(t, coordinator, { title: 'Netzwerktreffen', format: 'network_meeting' });
      expect(meeting.spaceId).toBeNull();
      expect(meeting.discussionThreadId).toBeNull();
      expect((await as(t, outsider).get(`/api/meetings/${meeting.id}`)).status).toBe(200);
      expect((await as(t, partner).get(`/api/meetings/${meeting.id}`)).status).toBe(404);
      expect((await as(t, partner).get(`/api/meetings/${meeting.id}/ics`)).status).toBe(404);
    });

    it('opens an announcement thread in the space, linked from the meeting, and audits the creation', async () => {
      const meeting = await createMeeting(t, coordinator, {
        spaceId: network.id,
        description: 'Bitte **Unterlagen** mitbringen <script>alert(1)</script>',
        agenda: ['Begrüßung', 'Berichte'],
      });
      expect(meeting.descriptionHtml).toContain('<strong>Unterlagen</strong>');
      expect(meeting.descriptionHtml).not.toContain('<script');
      expect(meeting.agenda).toEqual([
        { position: 1, title: 'Begrüßung' },
        { position: 2, title: 'Berichte' },
      ]);
      const thread = (await as(t, advisor).get(`/api/threads/${meeting.discussionThreadId!}`)).body as ThreadDto;
      expect(thread).toMatchObject({ kind: 'announcement', title: meeting.title, spaceId: network.id });
      expect(await countRows(t, 'audit_log', `action = 'meeting.create' AND entity_id = $1`, [meeting.id])).toBe(1);
    });

    it('links a minutes document only from the same space', async () => {
      const meeting = await createMeeting(t, coordinator, { spaceId: network.id });
      const res = await as(t, coordinator).patch(`/api/meetings/${meeting.id}`, {
        minutesDocumentId: '00000000-0000-4000-8000-000000000000',
      });
      expect(res.status).toBe(400);
      expect((res.body as { code: string }).code).toBe('MINUTES_DOCUMENT_INVALID');
    });
  });

  describe('answers and the waiting list', () => {
    it('fills the places, queues the rest in order and promotes the first waiting person (notified once)', async () => {
      const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => makeActor(t, { role: 'advisor' })));
      const meeting = await createMeeting(t, coordinator, { spaceId: network.id, capacity: 2 });
      expect(await rsvp(a!, meeting.id, 'going')).toMatchObject({ status: 'going', waitlistPosition: null });
      expect(await rsvp(b!, meeting.id, 'going')).toMatchObject({ status: 'going' });
      expect(await rsvp(c!, meeting.id, 'going')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect(await rsvp(d!, meeting.id, 'going')).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
      // asking again keeps the place in the queue
      expect(await rsvp(d!, meeting.id, 'going')).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
      expect(await rsvp(advisor, meeting.id, 'maybe')).toMatchObject({ status: 'maybe' });

      const declined = await rsvp(a!, meeting.id, 'declined');
      expect(declined).toMatchObject({ status: 'declined', counts: { going: 2, maybe: 1, declined: 1, waitlisted: 1 } });
      expect((await as(t, c!).get(`/api/meetings/${meeting.id}`)).body as MeetingDto).toMatchObject({
        myRsvp: { status: 'going', waitlistPosition: null },
      });
      expect(((await as(t, d!).get(`/api/meetings/${meeting.id}`)).body as MeetingDto).myRsvp).toEqual({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      // more places move the queue up
      await as(t, coordinator).patch(`/api/meetings/${meeting.id}`, { capacity: 3 });
      const attendees = (await as(t, advisor).get(`/api/meetings/${meeting.id}/attendees`)).body as AttendeeListDto;
      expect(attendees.counts).toEqual({ going: 3, maybe: 1, declined: 1, waitlisted: 0 });
      expect(attendees.items.map((i) => i.status)).toEqual(['going', 'going', 'going', 'maybe', 'declined']);

      await settle();
      for (const promoted of [c!, d!]) {
        const mine = (await notificationsOf(promoted)).filter((n) => n.type === 'meeting_promoted');
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatchObject({ subject: meeting.title, link: `/termine/${meeting.id}` });
      }
      expect((await notificationsOf(b!)).filter((n) => n.type === 'meeting_promoted')).toHaveLength(0);
    });

    it('never lets 30 parallel answers overfill 10 places', async () => {
      const meeting = await createMeeting(t, coordinator, { spaceId: network.id, capacity: 10 });
      const org = await makeOrganisation(t.db);
      const people = await Promise.all(Array.from({ length: 30 }, () => makeUser(t.db, { role: 'advisor', organisationId: org.id })));
      const tokens = await Promise.all(people.map(async (p) => (await login(t.url, p.email, p.password)).accessToken));
      const answers = await Promise.all(
        tokens.map((token) =>
          request(t.url).put(`/api/meetings/${meeting.id}/rsvp`).set('Authorization', `Bearer ${token}`).send({ status: 'going' }),
        ),
      );
      expect(answers.every((r) => r.status === 200)).toBe(true);
      const bodies = answers.map((r) => r.body as RsvpResponse);
      expect(bodies.filter((b) => b.status === 'going')).toHaveLength(10);
      const positions = bodies.filter((b) => b.status === 'waitlisted').map((b) => b.waitlistPosition);
      expect([...positions].sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const rows = await t.db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM meeting_rsvps WHERE meeting_id = $1 GROUP BY status ORDER BY status',
        [meeting.id],
      );
      expect(rows).toEqual([
        { status: 'going', n: 10 },
        { status: 'waitlisted', n: 20 },
      ]);
    }, 60_000);

    it('closes answers on cancelled meetings', async () => {
      const meeting = await createMeeting(t, coordinator, { spaceId: network.id });
      await as(t, coordinator).post(`/api/meetings/${meeting.id}/cancel`, {});
      const res = await as(t, advisor).put(`/api/meetings/${meeting.id}/rsvp`, { status: 'going' });
      expect(res.status).toBe(409);
      expect((res.body as { code: string }).code).toBe('MEETING_CANCELLED');
    });
  });

  describe('series', () => {
    it('repeats weekly at 10:00 Berlin across the March clock change and edits one occurrence or the rest', async () => {
      // Sundays 21 and 28 March (the switch to summer time), 4 and 11 April 2027, 10:00–12:00 Berlin
      const first = await createMeeting(t, coordinator, {
        spaceId: network.id,
        title: 'Jour fixe',
        startsAt: '2027-03-21T09:00:00Z',
        endsAt: '2027-03-21T11:00:00Z',
        series: { frequency: 'weekly', until: '2027-04-11' },
      });
      expect(first.series).toMatchObject({ frequency: 'weekly', index: 1, count: 4, until: '2027-04-11' });
      const list = async () =>
        (
          (await as(t, advisor).get(`/api/meetings?from=2027-03-01T00:00:00Z&to=2027-05-01T00:00:00Z&spaceId=${network.id}`))
            .body as MeetingListDto
        ).items.filter((m) => m.series?.id === first.series!.id);
      let occurrences = await list();
      expect(occurrences.map((m) => m.startsAt)).toEqual([
        '2027-03-21T09:00:00.000Z',
        '2027-03-28T08:00:00.000Z',
        '2027-04-04T08:00:00.000Z',
        '2027-04-11T08:00:00.000Z',
      ]);
      const [, second, third, fourth] = occurrences;
      // every occurrence shares the discussion thread, answers are per occurrence
      expect(((await as(t, advisor).get(`/api/meetings/${second!.id}`)).body as MeetingDto).discussionThreadId).toBe(
        first.discussionThreadId,
      );
      await rsvp(advisor, third!.id, 'going');
      expect(((await as(t, advisor).get(`/api/meetings/${fourth!.id}`)).body as MeetingDto).myRsvp).toBeNull();

      // one occurrence
      await as(t, coordinator).patch(`/api/meetings/${second!.id}`, { title: 'Jour fixe (Sondertermin)', location: 'Raum 2' });
      occurrences = await list();
      expect(occurrences.map((m) => m.title)).toEqual(['Jour fixe', 'Jour fixe (Sondertermin)', 'Jour fixe', 'Jour fixe']);

      // this and every later one: an hour later (11:00 Berlin), keeping the wall-clock time
      const moved = await as(t, coordinator).patch(`/api/meetings/${third!.id}`, {
        scope: 'series',
        startsAt: '2027-04-04T09:00:00Z',
        endsAt: '2027-04-04T11:00:00Z',
        title: 'Jour fixe neu',
      });
      expect(moved.status).toBe(200);
      occurrences = await list();
      expect(occurrences.map((m) => [m.title, m.startsAt])).toEqual([
        ['Jour fixe', '2027-03-21T09:00:00.000Z'],
        ['Jour fixe (Sondertermin)', '2027-03-28T08:00:00.000Z'],
        ['Jour fixe neu', '2027-04-04T09:00:00.000Z'],
        ['Jour fixe neu', '2027-04-11T09:00:00.000Z'],
      ]);
      expect(await countRows(t, 'meeting_rsvps', 'meeting_id = $1', [third!.id])).toBe(1);

      // cancel one, then the rest of the series
      await as(t, coordinator).post(`/api/meetings/${second!.id}/cancel`, { scope: 'occurrence' });
      await as(t, coordinator).post(`/api/meetings/${third!.id}/cancel`, { scope: 'series' });
      occurrences = await list();
      expect(occurrences.map((m) => m.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled']);
      expect(
        await countRows(t, 'audit_log', `action = 'meeting.cancel' AND entity_id = ANY($1::varchar[])`, [[second!.id, third!.id]]),
      ).toBe(2);

      await settle();
      // the attendee of the third heard about the move once and about the cancellation once
      const mine = (await notificationsOf(advisor)).filter((n) => n.link === `/termine/${third!.id}`);
      expect(mine.map((n) => n.type).sort()).toEqual(['meeting_cancelled', 'meeting_changed']);
    });

    it('repeats monthly on the first Monday and keeps 10:00 across the October clock change', async () => {
      // first Mondays: 4 Oct, 1 Nov, 6 Dec 2027 at 10:00 Berlin
      const first = await createMeeting(t, coordinator, {
        spaceId: network.id,
        startsAt: '2027-10-04T08:00:00Z',
        endsAt: '2027-10-04T09:30:00Z',
        series: { frequency: 'monthly', monthlyRule: 'nth_weekday', until: '2027-12-31' },
      });
      const items = (
        (await as(t, coordinator).get(`/api/meetings?from=2027-10-01T00:00:00Z&to=2028-01-01T00:00:00Z`)).body as MeetingListDto
      ).items
        .filter((m) => m.series?.id === first.series!.id)
        .map((m) => [m.startsAt, m.endsAt]);
      expect(items).toEqual([
        ['2027-10-04T08:00:00.000Z', '2027-10-04T09:30:00.000Z'],
        ['2027-11-01T09:00:00.000Z', '2027-11-01T10:30:00.000Z'],
        ['2027-12-06T09:00:00.000Z', '2027-12-06T10:30:00.000Z'],
      ]);
    });
  });

  describe('calendars', () => {
    it('serves a valid .ics with a stable UID, a SEQUENCE that grows and STATUS:CANCELLED', async () => {
      // the last Sunday of October 2027: 10:00 Berlin is 09:00 UTC (winter time again)
      const meeting = await createMeeting(t, coordinator, {
        spaceId: network.id,
        title: 'Fachtagung',
        startsAt: '2027-10-31T09:00:00Z',
        endsAt: '2027-10-31T15:00:00Z',
        location: 'Magdeburg',
      });
      const ics = async () => {
        const res = await as(t, advisor).get(`/api/meetings/${meeting.id}/ics`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/calendar/);
        return parseCalendar(res.text);
      };
      const v1 = (await ics()).events;
      expect(v1).toHaveLength(1);
      expect(v1[0]).toMatchObject({ summary: 'Fachtagung', sequence: 0, status: 'CONFIRMED' });
      expect(v1[0]!.start.toISOString()).toBe('2027-10-31T09:00:00.000Z');
      expect(v1[0]!.end.toISOString()).toBe('2027-10-31T15:00:00.000Z');

      await as(t, coordinator).patch(`/api/meetings/${meeting.id}`, { startsAt: '2027-10-31T10:00:00Z' });
      const v2 = (await ics()).events[0]!;
      expect(v2.uid).toBe(v1[0]!.uid);
      expect(v2.sequence).toBe(1);
      expect(v2.start.toISOString()).toBe('2027-10-31T10:00:00.000Z');

      await as(t, coordinator).post(`/api/meetings/${meeting.id}/cancel`, {});
      const v3 = (await ics()).events[0]!;
      expect(v3).toMatchObject({ uid: v1[0]!.uid, sequence: 2, status: 'CANCELLED' });
    });

    it('keeps a personal feed with what the owner may see; regenerating or revoking kills the old URL', async () => {
      const visible = await createMeeting(t, coordinator, { spaceId: network.id, title: 'Im Feed' });
      const hidden = await createMeeting(t, moderator, { spaceId: ag.id, title: 'Nicht im Feed' });
      expect(((await as(t, outsider).get('/api/calendar/feed')).body as CalendarFeedStateDto).feed).toBeNull();
      const created = await as(t, outsider).post('/api/calendar/feed');
      expect(created.status).toBe(201);
      const { url } = created.body as CalendarFeedDto;
      expect(url.startsWith(`${PUBLIC_URL}/api/calendar/feed/`)).toBe(true);
      expect(((await as(t, outsider).get('/api/calendar/feed')).body as CalendarFeedStateDto).feed?.url).toBe(url);
      const path = url.slice(PUBLIC_URL.length);
      const token = path.split('/').pop()!;

      const res = await request(t.url).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const uids = parseCalendar(res.text).events.map((e) => e.uid);
      expect(uids.some((u) => u.includes(visible.id))).toBe(true);
      expect(uids.some((u) => u.includes(hidden.id))).toBe(false);
      expect(await countRows(t, 'calendar_feeds', 'token_hash = $1', [token])).toBe(0);

      const renewed = ((await as(t, outsider).post('/api/calendar/feed')).body as CalendarFeedDto).url;
      expect(renewed).not.toBe(url);
      expect((await request(t.url).get(path)).status).toBe(404);
      const renewedPath = renewed.slice(PUBLIC_URL.length);
      expect((await request(t.url).get(renewedPath)).status).toBe(200);
      expect((await as(t, outsider).delete('/api/calendar/feed')).status).toBe(204);
      expect((await request(t.url).get(renewedPath)).status).toBe(404);
      expect((await request(t.url).get('/api/calendar/feed/not-a-token')).status).toBe(404);
      expect(t.logs.join('\n')).not.toContain(token);
    });
  });

  describe('notifications and reminders', () => {
    it('announces to watchers of the space once, and network-wide meetings to staff only', async () => {
      const watcher = await makeActor(t, { role: 'advisor' });
      expect((await as(t, watcher).put(`/api/spaces/${network.id}/subscription`, { level: 'watching' })).status).toBe(200);
      const meeting = await createMeeting(t, coordinator, { spaceId: network.id, series: { frequency: 'weekly', until: '2027-05-25' } });
      const wide = await createMeeting(t, coordinator, { title: 'Für alle Mitarbeitenden' });
      await settle();
      const mine = (await notificationsOf(watcher)).filter((n) => n.type === 'meeting_announced');
      expect(mine.map((n) => n.link).sort()).toEqual([`/termine/${meeting.id}`, `/termine/${wide.id}`].sort());
      expect(mine.find((n) => n.link === `/termine/${meeting.id}`)).toMatchObject({ subject: meeting.title, spaceName: network.name });
      expect((await notificationsOf(partner)).filter((n) => n.link === `/termine/${wide.id}`)).toHaveLength(0);
      expect((await notificationsOf(coordinator)).filter((n) => n.type === 'meeting_announced')).toHaveLength(0);
    });

    it('reminds people who are going or maybe once, 24 hours before', async () => {
      const soon = new Date(Date.now() + 30 * HOUR);
      const meeting = await createMeeting(t, coordinator, {
        spaceId: network.id,
        startsAt: soon.toISOString(),
        endsAt: new Date(soon.getTime() + 2 * HOUR).toISOString(),
      });
      const [going, maybe, declined] = await Promise.all([1, 2, 3].map(() => makeActor(t, { role: 'advisor' })));
      await rsvp(going!, meeting.id, 'going');
      await rsvp(maybe!, meeting.id, 'maybe');
      await rsvp(declined!, meeting.id, 'declined');
      const job = t.app.get(MeetingRemindersJob);
      expect(await job.sendDue(new Date(soon.getTime() - 25 * HOUR))).toBe(0);
      expect(await job.sendDue(new Date(soon.getTime() - 23 * HOUR))).toBe(2);
      expect(await job.sendDue(new Date(soon.getTime() - 22 * HOUR))).toBe(0);
      const reminders = async (who: Actor) => (await notificationsOf(who)).filter((n) => n.type === 'meeting_reminder');
      expect(await reminders(going!)).toHaveLength(1);
      expect(await reminders(maybe!)).toHaveLength(1);
      expect(await reminders(declined!)).toHaveLength(0);
    });

    it('reminds at each person’s chosen lead time: 2 hours before, or the default 24 hours, once each', async () => {
      const start = new Date(Date.now() + 40 * 24 * HOUR);
      const meeting = await createMeeting(t, coordinator, {
        spaceId: network.id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      });
      const [short, usual] = await Promise.all([1, 2].map(() => makeActor(t, { role: 'advisor' })));
      const chosen = await as(t, short!).put('/api/notifications/preferences', { items: [], meetingReminderHours: 2 });
      expect(chosen.status).toBe(200);
      expect(chosen.body).toMatchObject({ meetingReminderHours: 2 });
      await rsvp(short!, meeting.id, 'going');
      await rsvp(usual!, meeting.id, 'going');
      const job = t.app.get(MeetingRemindersJob);
      const reminders = async (who: Actor) =>
        (await notificationsOf(who)).filter((n) => n.type === 'meeting_reminder' && n.link === `/termine/${meeting.id}`);
      const at = (hoursBefore: number) => job.sendDue(new Date(start.getTime() - hoursBefore * HOUR));

      await at(25);
      expect([(await reminders(short!)).length, (await reminders(usual!)).length]).toEqual([0, 0]);
      await at(24);
      expect([(await reminders(short!)).length, (await reminders(usual!)).length]).toEqual([0, 1]);
      await at(3);
      expect([(await reminders(short!)).length, (await reminders(usual!)).length]).toEqual([0, 1]);
      await at(2);
      expect([(await reminders(short!)).length, (await reminders(usual!)).length]).toEqual([1, 1]);
      await at(1);
      expect([(await reminders(short!)).length, (await reminders(usual!)).length]).toEqual([1, 1]);
    });
  });
});
