import { Routes } from '@treffpunkt/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { fakeFetch, json } from '../../test/fakeApi';
import { SPACE_ID } from '../../test/forumFixtures';
import { renderApp } from '../../test/renderApp';
import { makeMeetingSummary, meetingRoutes } from './meetingFixtures';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const cell = (day: string): HTMLElement => {
  const element = document.querySelector<HTMLElement>(`td[data-day="${day}"]`);
  if (!element) throw new Error(`no cell for ${day}`);
  return element;
};

describe('Termine: month view', () => {
  it('places meetings on their Berlin day, incl. 23:30 on the last Sunday of March, and marks today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-29T08:00:00.000Z'));
    const lateSunday = makeMeetingSummary({
      id: 'late',
      title: 'Späte Runde',
      // 23:30 Berlin (CEST, the day the clocks went forward) = 21:30 UTC
      startsAt: '2026-03-29T21:30:00.000Z',
      endsAt: '2026-03-29T22:00:00.000Z',
      myRsvp: { status: 'going', waitlistPosition: null },
    });
    const afterMidnight = makeMeetingSummary({
      id: 'early',
      title: 'Frühstück',
      // 00:30 Berlin on Monday 30 March, still Sunday in UTC
      startsAt: '2026-03-29T22:30:00.000Z',
      endsAt: '2026-03-29T23:30:00.000Z',
    });
    const beforeChange = makeMeetingSummary({
      id: 'sat',
      title: 'Samstagsworkshop',
      format: 'workshop',
      // 23:30 Berlin on Saturday 28 March (CET) = 22:30 UTC
      startsAt: '2026-03-28T22:30:00.000Z',
      endsAt: '2026-03-28T22:45:00.000Z',
      status: 'cancelled',
    });
    const server = fakeFetch(
      meetingRoutes('advisor', {
        [`GET ${Routes.meetings.list}`]: () => json(200, { items: [beforeChange, lateSunday, afterMidnight] }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/termine');

    expect(await screen.findByRole('heading', { level: 1, name: 'Termine' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Termine im März 2026' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);

    const sunday = cell('2026-03-29');
    const link = await within(sunday).findByRole('link', { name: /Späte Runde/ });
    expect(link).toHaveAttribute('href', '/termine/late');
    expect(link).toHaveTextContent('23:30');
    expect(link).toHaveAccessibleName('23:30 Späte Runde, Ihr Status: Zugesagt');
    expect(within(sunday).getByText('Sonntag, 29. März 2026, 1 Termin')).toBeInTheDocument();
    expect(sunday).toHaveAttribute('aria-current', 'date');
    expect(within(sunday).getByText('Heute')).toBeInTheDocument();

    expect(within(cell('2026-03-30')).getByRole('link', { name: /Frühstück/ })).toHaveTextContent('00:30');
    expect(within(cell('2026-03-30')).queryByText(/Späte Runde/)).toBeNull();
    const saturday = within(cell('2026-03-28')).getByRole('link', { name: /Samstagsworkshop/ });
    expect(saturday).toHaveAccessibleName('23:30 Abgesagt: Samstagsworkshop');
    expect(cell('2026-03-28')).not.toHaveAttribute('aria-current');

    // The grid Mon 23 Feb – Sun 5 Apr is asked for in Berlin midnights (CET → CEST).
    const call = server.callsTo(`GET ${Routes.meetings.list}`)[0];
    expect(call?.query.get('from')).toBe('2026-02-22T23:00:00.000Z');
    expect(call?.query.get('to')).toBe('2026-04-05T22:00:00.000Z');
    expect(screen.getByText('März 2026: In diesem Monat gibt es 3 Termine.')).toHaveAttribute('role', 'status');
  });

  it('moves between months and back, and filters by space and format', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-10T08:00:00.000Z'));
    const server = fakeFetch(meetingRoutes());
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/termine');

    expect(await screen.findByRole('table', { name: 'Termine im Oktober 2026' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nächster Monat' }));
    expect(await screen.findByRole('table', { name: 'Termine im November 2026' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/termine?monat=2026-11');
    // Oct 26 (CET, after the change) – Dec 6
    const november = server.callsTo(`GET ${Routes.meetings.list}`).at(-1);
    expect(november?.query.get('from')).toBe('2026-10-25T23:00:00.000Z');
    await user.click(screen.getByRole('button', { name: 'Aktueller Monat' }));
    expect(await screen.findByRole('table', { name: 'Termine im Oktober 2026' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Vorheriger Monat' }));
    expect(await screen.findByRole('table', { name: 'Termine im September 2026' })).toBeInTheDocument();

    await user.selectOptions(await screen.findByLabelText('Format'), 'Workshop');
    await user.selectOptions(screen.getByLabelText('Bereich'), 'Anerkennung');
    await waitFor(() => {
      const last = server.callsTo(`GET ${Routes.meetings.list}`).at(-1);
      expect(last?.query.get('format')).toBe('workshop');
      expect(last?.query.get('spaceId')).toBe(SPACE_ID);
    });
    // Advisors (no moderation) cannot create meetings.
    expect(screen.queryByRole('link', { name: 'Termin anlegen' })).toBeNull();
  });

  it('lists upcoming meetings by Berlin day in the agenda view', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-20T08:00:00.000Z'));
    const items = [
      makeMeetingSummary({
        id: 'a',
        title: 'Fachtag Pflege',
        format: 'expert_conference',
        startsAt: '2026-10-25T23:30:00.000Z',
        endsAt: '2026-10-26T06:00:00.000Z',
      }),
      makeMeetingSummary({
        id: 'b',
        title: 'Jahresklausur',
        format: 'annual_closed_meeting',
        spaceId: null,
        spaceName: null,
        onlineUrl: 'https://meet.example.org/x',
        startsAt: '2026-10-25T21:30:00.000Z',
        endsAt: '2026-10-25T22:00:00.000Z',
        myRsvp: { status: 'waitlisted', waitlistPosition: 2 },
      }),
    ];
    const server = fakeFetch(meetingRoutes('coordinator', { [`GET ${Routes.meetings.list}`]: () => json(200, { items }) }));
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/termine');

    await user.click(await screen.findByRole('button', { name: 'Terminliste' }));
    expect(screen.getByRole('button', { name: 'Terminliste' })).toHaveAttribute('aria-pressed', 'true');
    const sunday = await screen.findByRole('region', { name: 'Sonntag, 25. Oktober 2026' });
    expect(within(sunday).getByRole('link', { name: 'Jahresklausur' })).toBeInTheDocument();
    expect(within(sunday).getByText('22:30–23:00 Uhr')).toBeInTheDocument();
    expect(within(sunday).getByText('Netzwerkweit · Haus der Vereine, Raum 2 · Online')).toBeInTheDocument();
    expect(within(sunday).getByText('Ihr Status: Warteliste, Platz 2')).toBeInTheDocument();
    const monday = screen.getByRole('region', { name: 'Montag, 26. Oktober 2026' });
    expect(within(monday).getByRole('link', { name: 'Fachtag Pflege' })).toBeInTheDocument();
    expect(within(monday).getByText('Fachtagung')).toBeInTheDocument();
    const call = server.callsTo(`GET ${Routes.meetings.list}`).at(-1);
    expect(call?.query.get('from')).toBe('2026-10-19T22:00:00.000Z');
    // Coordinators may create meetings.
    expect(screen.getByRole('link', { name: 'Termin anlegen' })).toHaveAttribute('href', '/termine/neu');
  });
});

describe('Termine: personal calendar feed', () => {
  it('copies the URL, regenerates it after confirmation and can deactivate it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const server = fakeFetch(
      meetingRoutes('advisor', {
        [`GET ${Routes.calendar.feed}`]: () =>
          json(200, { feed: { url: 'https://treffpunkt.example/api/calendar/feed/alt', createdAt: '2026-03-01T09:00:00.000Z' } }),
        [`POST ${Routes.calendar.feed}`]: () =>
          json(201, { url: 'https://treffpunkt.example/api/calendar/feed/neu', createdAt: '2026-03-02T09:00:00.000Z' }),
        [`DELETE ${Routes.calendar.feed}`]: () => json(204),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    // After setup(): user-event installs its own clipboard stub.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/termine');

    const panel = await screen.findByRole('region', { name: 'Persönlicher Kalender-Feed' });
    const field = await within(panel).findByLabelText('Adresse Ihres Kalender-Feeds');
    expect(field).toHaveValue('https://treffpunkt.example/api/calendar/feed/alt');
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveAccessibleDescription('Erzeugt am 01.03.2026');

    await user.click(within(panel).getByRole('button', { name: 'Kopieren' }));
    expect(writeText).toHaveBeenCalledWith('https://treffpunkt.example/api/calendar/feed/alt');
    expect(await within(panel).findByText('Die Adresse wurde in die Zwischenablage kopiert.')).toHaveAttribute('role', 'status');

    await user.click(within(panel).getByRole('button', { name: 'Neu erzeugen' }));
    const dialog = screen.getByRole('dialog', { name: 'Neue Adresse erzeugen?' });
    expect(dialog).toHaveAccessibleDescription(
      'Die bisherige Adresse funktioniert danach nicht mehr. Kalender, die sie abonniert haben, erhalten erst wieder Termine, wenn Sie dort die neue Adresse eintragen.',
    );
    // The safe choice has focus.
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toHaveFocus();
    expect(server.callsTo(`POST ${Routes.calendar.feed}`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Neu erzeugen' }));
    expect(await within(panel).findByText('Eine neue Adresse wurde erzeugt. Die bisherige funktioniert nicht mehr.')).toBeInTheDocument();
    expect(within(panel).getByLabelText('Adresse Ihres Kalender-Feeds')).toHaveValue('https://treffpunkt.example/api/calendar/feed/neu');
    expect(server.callsTo(`POST ${Routes.calendar.feed}`)).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(within(panel).getByRole('button', { name: 'Kopieren' }));
    expect(writeText).toHaveBeenLastCalledWith('https://treffpunkt.example/api/calendar/feed/neu');

    await user.click(within(panel).getByRole('button', { name: 'Deaktivieren' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Kalender-Feed deaktivieren?' })).getByRole('button', { name: 'Deaktivieren' }),
    );
    expect(await within(panel).findByText('Der Kalender-Feed wurde deaktiviert.')).toBeInTheDocument();
    expect(within(panel).getByText('Sie haben noch keinen Kalender-Feed.')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Kalender-Feed einrichten' })).toBeInTheDocument();
    expect(server.callsTo(`DELETE ${Routes.calendar.feed}`)).toHaveLength(1);
  });

  it('says so when the clipboard is not available', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        meetingRoutes('advisor', {
          [`GET ${Routes.calendar.feed}`]: () =>
            json(200, { feed: { url: 'https://x.example/feed/t', createdAt: '2026-03-01T09:00:00.000Z' } }),
        }),
      ).fetch,
    );
    // After setup(): user-event installs its own clipboard stub.
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    renderApp('/termine');
    await user.click(await screen.findByRole('button', { name: 'Kopieren' }));
    expect(
      await screen.findByText('Kopieren war nicht möglich. Bitte markieren Sie die Adresse und kopieren Sie sie selbst.'),
    ).toHaveAttribute('role', 'alert');
  });
});
