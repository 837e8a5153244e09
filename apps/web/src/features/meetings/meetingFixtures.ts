import { Routes, type MeetingDto, type MeetingSummaryDto, type Role } from '@treffpunkt/contracts';
import { json, makeUser, session, type Handler } from '../../test/fakeApi';
import { makeSpace, person, SPACE_ID } from '../../test/forumFixtures';

export const MEETING_ID = 'meeting-1';

export function makeMeetingSummary(overrides: Partial<MeetingSummaryDto> = {}): MeetingSummaryDto {
  return {
    id: MEETING_ID,
    title: 'Netzwerktreffen Frühjahr',
    format: 'network_meeting',
    status: 'scheduled',
    spaceId: SPACE_ID,
    spaceName: 'Anerkennung',
    startsAt: '2026-04-13T08:00:00.000Z',
    endsAt: '2026-04-13T10:00:00.000Z',
    location: 'Haus der Vereine, Raum 2',
    onlineUrl: null,
    capacity: null,
    counts: { going: 0, maybe: 0, declined: 0, waitlisted: 0 },
    myRsvp: null,
    series: null,
    sequence: 0,
    ...overrides,
  };
}

export function makeMeeting(overrides: Partial<MeetingDto> = {}): MeetingDto {
  return {
    ...makeMeetingSummary(),
    description: 'Wir besprechen die **Planung**.',
    descriptionHtml: '<p>Wir besprechen die <strong>Planung</strong>.</p>',
    agenda: [
      { position: 2, title: 'Berichte aus den Beratungsstellen' },
      { position: 1, title: 'Begrüßung' },
    ],
    minutesDocumentId: null,
    discussionThreadId: 'thread-9',
    createdBy: person({ id: 'user-thomas', displayName: 'Thomas Becker', handle: 'koordination', role: 'coordinator' }),
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    cancelledAt: null,
    permissions: { edit: false, cancel: false, rsvp: true },
    ...overrides,
  };
}

/** Signed in as `role`; spaces, feed and an empty meeting list answer by default. */
export function meetingRoutes(
  role: Role = 'advisor',
  extra: Record<string, Handler | Handler[]> = {},
): Record<string, Handler | Handler[]> {
  return {
    [`POST ${Routes.auth.refresh}`]: () => json(200, session(makeUser({ role }))),
    [`GET ${Routes.spaces.list}`]: () => json(200, { items: [makeSpace()], nextCursor: null }),
    [`GET ${Routes.calendar.feed}`]: () => json(200, { feed: null }),
    [`GET ${Routes.meetings.list}`]: () => json(200, { items: [] }),
    ...extra,
  };
}
