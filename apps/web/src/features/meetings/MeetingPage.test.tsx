import { Routes, type AttendeeListDto, type RsvpResponse } from '@treffpunkt/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { fakeFetch, json } from '../../test/fakeApi';
import { person } from '../../test/forumFixtures';
import { fakeSockets } from '../../test/fakeSocket';
import { renderApp } from '../../test/renderApp';
import { makeMeeting, MEETING_ID, meetingRoutes } from './meetingFixtures';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

const attendee = (name: string, status: AttendeeListDto['items'][number]['status'], waitlistPosition: number | null = null) => ({
  user: person({ id: `user-${name}`, displayName: name, handle: name.toLowerCase() }),
  status,
  waitlistPosition,
  respondedAt: '2026-03-02T09:00:00.000Z',
});

describe('meeting page', () => {
  it('shows details in Berlin time, the server HTML, the ordered agenda, attendees and the links', async () => {
    const meeting = makeMeeting({
      // 23:30 Berlin on the last Sunday of March
      startsAt: '2026-03-29T21:30:00.000Z',
      endsAt: '2026-03-29T21:55:00.000Z',
      onlineUrl: 'https://meet.example.org/netzwerk',
      capacity: 20,
      counts: { going: 2, maybe: 1, declined: 0, waitlisted: 0 },
      minutesDocumentId: 'doc-1',
    });
    const attendees: AttendeeListDto = {
      items: [attendee('Anna', 'going'), attendee('Bert', 'going'), attendee('Cem', 'maybe')],
      counts: meeting.counts,
    };
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        meetingRoutes('advisor', {
          [`GET ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, meeting),
          [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: () => json(200, attendees),
          [`GET ${Routes.documents.one('doc-1')}`]: () =>
            json(200, { id: 'doc-1', spaceId: 'space-1', folderId: 'folder-1', name: 'Protokoll März.pdf' }),
        }),
      ).fetch,
    );
    renderApp(`/termine/${MEETING_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Netzwerktreffen Frühjahr' })).toBeInTheDocument();
    expect(screen.getByText('Sonntag, 29. März 2026, 23:30–23:55 Uhr')).toHaveAttribute('dateTime', '2026-03-29T21:30:00.000Z');
    expect(screen.getByText('Haus der Vereine, Raum 2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'https://meet.example.org/netzwerk' })).toHaveAttribute('target', '_blank');
    expect(screen.getByText('2 von 20 Plätzen belegt')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Anerkennung' })).toHaveAttribute('href', '/forum/space-1');
    expect(screen.getByText('Planung').tagName).toBe('STRONG');
    const agenda = screen.getByRole('region', { name: 'Tagesordnung' });
    expect(
      within(agenda)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Begrüßung', 'Berichte aus den Beratungsstellen']);

    const people = screen.getByRole('region', { name: 'Teilnehmende' });
    expect(within(people).getByText('2 Zusagen · 1 Vielleicht · 0 Absagen · 0 auf der Warteliste')).toBeInTheDocument();
    expect(await within(people).findByRole('heading', { name: 'Zusagen (2)' })).toBeInTheDocument();
    expect(within(people).getByRole('heading', { name: 'Vielleicht (1)' })).toBeInTheDocument();

    const links = screen.getByRole('region', { name: 'Protokoll und Diskussion' });
    expect(await within(links).findByRole('link', { name: 'Protokoll: Protokoll März.pdf' })).toHaveAttribute(
      'href',
      '/dokumente/space-1/dokument/doc-1',
    );
    expect(within(links).getByRole('link', { name: 'Zur Diskussion im Forum' })).toHaveAttribute('href', '/forum/thema/thread-9');
    expect(screen.getByText('Ihr Status: Noch keine Antwort')).toBeInTheDocument();
    // No management for advisors.
    expect(screen.queryByRole('link', { name: 'Bearbeiten' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Termin absagen' })).toBeNull();
  });

  it('answers "Zusage" on a full meeting and shows the waiting-list place, then "Absage"', async () => {
    const meeting = makeMeeting({ capacity: 2, counts: { going: 2, maybe: 0, declined: 0, waitlisted: 2 } });
    const waitlisted: RsvpResponse = {
      meetingId: MEETING_ID,
      status: 'waitlisted',
      waitlistPosition: 3,
      counts: { going: 2, maybe: 0, declined: 0, waitlisted: 3 },
    };
    const declined: RsvpResponse = {
      meetingId: MEETING_ID,
      status: 'declined',
      waitlistPosition: null,
      counts: { going: 2, maybe: 0, declined: 1, waitlisted: 2 },
    };
    const server = fakeFetch(
      meetingRoutes('advisor', {
        [`GET ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, meeting),
        [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: [
          () => json(200, { items: [attendee('Anna', 'going'), attendee('Bert', 'going')], counts: meeting.counts }),
          () =>
            json(200, {
              items: [
                attendee('Anna', 'going'),
                attendee('Bert', 'going'),
                attendee('Dora', 'waitlisted', 1),
                attendee('Emil', 'waitlisted', 2),
                attendee('Anna Schmidt', 'waitlisted', 3),
              ],
              counts: waitlisted.counts,
            }),
        ],
        [`PUT ${Routes.meetings.rsvp(MEETING_ID)}`]: [() => json(200, waitlisted), () => json(200, declined)],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/termine/${MEETING_ID}`);

    const rsvp = await screen.findByRole('region', { name: 'Ihre Teilnahme' });
    expect(within(rsvp).getByText(/Alle Plätze sind belegt/)).toBeInTheDocument();
    const group = within(rsvp).getByRole('group', { name: 'Ihre Antwort' });
    const going = within(group).getByRole('button', { name: 'Zusage' });
    expect(going).toHaveAttribute('aria-pressed', 'false');
    await user.click(going);

    expect(await within(rsvp).findByText('Ihr Status: Warteliste, Platz 3')).toBeInTheDocument();
    expect(within(rsvp).getByText('Ihre Antwort wurde gespeichert. Ihr Status: Warteliste, Platz 3.')).toHaveAttribute('role', 'status');
    expect(going).toHaveAttribute('aria-pressed', 'true');
    expect(server.callsTo(`PUT ${Routes.meetings.rsvp(MEETING_ID)}`)[0]?.body).toEqual({ status: 'going' });
    // The attendee list is reloaded: the waiting list in order.
    const waitlist = await screen.findByRole('region', { name: 'Warteliste (3)' });
    expect(
      within(waitlist)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Platz 1: Dora · Beratungsstelle Magdeburg',
      'Platz 2: Emil · Beratungsstelle Magdeburg',
      'Platz 3: Anna Schmidt · Beratungsstelle Magdeburg',
    ]);
    expect(screen.getByText('2 Zusagen · 0 Vielleicht · 0 Absagen · 3 auf der Warteliste')).toBeInTheDocument();

    await user.click(within(group).getByRole('button', { name: 'Absage' }));
    expect(await within(rsvp).findByText('Ihr Status: Abgesagt')).toBeInTheDocument();
    expect(within(group).getByRole('button', { name: 'Absage' })).toHaveAttribute('aria-pressed', 'true');
    expect(going).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows a cancelled meeting clearly and without answer buttons', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        meetingRoutes('advisor', {
          [`GET ${Routes.meetings.one(MEETING_ID)}`]: () =>
            json(
              200,
              makeMeeting({
                status: 'cancelled',
                cancelledAt: '2026-03-20T10:00:00.000Z',
                myRsvp: { status: 'going', waitlistPosition: null },
                permissions: { edit: true, cancel: true, rsvp: false },
              }),
            ),
          [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: () =>
            json(200, { items: [], counts: { going: 0, maybe: 0, declined: 0, waitlisted: 0 } }),
        }),
      ).fetch,
    );
    renderApp(`/termine/${MEETING_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Abgesagt: Netzwerktreffen Frühjahr' })).toBeInTheDocument();
    expect(screen.getByText('Dieser Termin wurde am 20.03.2026 abgesagt.')).toBeInTheDocument();
    expect(screen.getByText('Für diesen Termin sind keine Antworten mehr möglich.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Ihre Antwort' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Termin absagen' })).toBeNull();
  });

  it('cancels a single meeting after confirmation', async () => {
    const meeting = makeMeeting({ permissions: { edit: true, cancel: true, rsvp: true } });
    const server = fakeFetch(
      meetingRoutes('coordinator', {
        [`GET ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, meeting),
        [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: () => json(200, { items: [], counts: meeting.counts }),
        [`POST ${Routes.meetings.cancel(MEETING_ID)}`]: () =>
          json(200, {
            ...meeting,
            status: 'cancelled',
            cancelledAt: '2026-03-20T10:00:00.000Z',
            permissions: { edit: false, cancel: false, rsvp: false },
          }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/termine/${MEETING_ID}`);

    expect(await screen.findByRole('link', { name: 'Bearbeiten' })).toHaveAttribute('href', `/termine/${MEETING_ID}/bearbeiten`);
    await user.click(screen.getByRole('button', { name: 'Termin absagen' }));
    const dialog = screen.getByRole('dialog', { name: 'Termin absagen?' });
    expect(within(dialog).getByRole('button', { name: 'Nicht absagen' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Termin absagen' }));
    expect(await screen.findByText('Der Termin wurde abgesagt.')).toHaveAttribute('role', 'status');
    expect(screen.getByText('Dieser Termin wurde am 20.03.2026 abgesagt.')).toBeInTheDocument();
    expect(server.callsTo(`POST ${Routes.meetings.cancel(MEETING_ID)}`)[0]?.body).toEqual({ scope: 'occurrence' });
  });

  it('asks "Nur diesen Termin" or the whole series before cancelling a series occurrence', async () => {
    const meeting = makeMeeting({
      permissions: { edit: true, cancel: true, rsvp: true },
      series: { id: 'series-1', frequency: 'monthly', monthlyRule: 'nth_weekday', until: '2026-12-31', index: 2, count: 9 },
    });
    const server = fakeFetch(
      meetingRoutes('coordinator', {
        [`GET ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, meeting),
        [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: () => json(200, { items: [], counts: meeting.counts }),
        [`POST ${Routes.meetings.cancel(MEETING_ID)}`]: () =>
          json(200, { ...meeting, status: 'cancelled', cancelledAt: '2026-03-20T10:00:00.000Z' }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/termine/${MEETING_ID}`);

    expect(await screen.findByText(/Termin 2 von 9 einer Serie/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Termin absagen' }));
    const dialog = screen.getByRole('dialog', { name: 'Serientermin absagen' });
    expect(within(dialog).getByRole('button', { name: 'Nicht absagen' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Diesen und alle folgenden Termine der Serie' }));
    expect(await screen.findByText('Die Termine der Serie wurden abgesagt.')).toBeInTheDocument();
    expect(server.callsTo(`POST ${Routes.meetings.cancel(MEETING_ID)}`)[0]?.body).toEqual({ scope: 'series' });
  });

  it('downloads the .ics with the bearer token', async () => {
    const createObjectURL = vi.fn(() => 'blob:ics');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const server = fakeFetch(
      meetingRoutes('advisor', {
        [`GET ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, makeMeeting()),
        [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: () =>
          json(200, { items: [], counts: { going: 0, maybe: 0, declined: 0, waitlisted: 0 } }),
        [`GET ${Routes.meetings.ics(MEETING_ID)}`]: () =>
          new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', { status: 200, headers: { 'Content-Type': 'text/calendar' } }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderApp(`/termine/${MEETING_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Zum Kalender hinzufügen' }));
    expect(await screen.findByText('Die Kalenderdatei wurde heruntergeladen.')).toBeInTheDocument();
    await waitFor(() => {
      expect(click).toHaveBeenCalled();
    });
    const call = server.callsTo(`GET ${Routes.meetings.ics(MEETING_ID)}`)[0];
    expect(call?.authorization).toBe('Bearer token-1');
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('netzwerktreffen-fruehjahr.ics');
  });

  it('reloads the open meeting when a meeting notification about it arrives live', async () => {
    const server = fakeFetch(
      meetingRoutes('advisor', {
        [`GET ${Routes.meetings.one(MEETING_ID)}`]: [
          () => json(200, makeMeeting()),
          () => json(200, makeMeeting({ location: 'Rathaus, Saal 1', sequence: 1 })),
        ],
        [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: () =>
          json(200, { items: [], counts: { going: 0, maybe: 0, declined: 0, waitlisted: 0 } }),
        [`GET ${Routes.notifications.list}`]: () => json(200, { items: [], nextCursor: null }),
        [`GET ${Routes.notifications.unreadCount}`]: () => json(200, { count: 0 }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const sockets = fakeSockets();
    renderApp(`/termine/${MEETING_ID}`, { sockets });
    expect(await screen.findByText('Haus der Vereine, Raum 2')).toBeInTheDocument();
    await waitFor(() => {
      expect(sockets.all.length).toBeGreaterThan(0);
    });
    sockets.last.accept();
    sockets.last.serverEmit('notification:new', {
      id: 7,
      type: 'meeting_changed',
      subject: 'Netzwerktreffen Frühjahr',
      actor: null,
      spaceName: 'Anerkennung',
      link: `/termine/${MEETING_ID}`,
      createdAt: '2026-03-02T09:00:00.000Z',
      readAt: null,
    });
    expect(await screen.findByText('Rathaus, Saal 1')).toBeInTheDocument();
  });
});
