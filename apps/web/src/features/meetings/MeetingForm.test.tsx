import { Routes, type CreateMeetingRequest } from '@treffpunkt/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { fakeFetch, json } from '../../test/fakeApi';
import { makeSpace } from '../../test/forumFixtures';
import { renderApp } from '../../test/renderApp';
import { documentIdFrom } from './MeetingForm';
import { makeMeeting, MEETING_ID, meetingRoutes } from './meetingFixtures';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

/** Date and time inputs get their value the way browsers deliver it: one change event. */
function setValue(label: HTMLElement, value: string) {
  fireEvent.change(label, { target: { value } });
}

function fieldIn(legend: string, label: string): HTMLElement {
  const group = screen.getByRole('group', { name: legend });
  return within(group).getByLabelText(label);
}

describe('meeting form', () => {
  it('creates a meeting: Berlin wall clock → UTC across the spring change, agenda reordered, monthly "first Monday" series', async () => {
    const server = fakeFetch(
      meetingRoutes('coordinator', {
        [`POST ${Routes.meetings.list}`]: (call) =>
          json(201, makeMeeting({ id: 'new-1', title: (call.body as CreateMeetingRequest).title, series: null })),
        [`GET ${Routes.meetings.one('new-1')}`]: () => json(200, makeMeeting({ id: 'new-1' })),
        [`GET ${Routes.meetings.attendees('new-1')}`]: () =>
          json(200, { items: [], counts: { going: 0, maybe: 0, declined: 0, waitlisted: 0 } }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup({ delay: null });
    renderApp('/termine/neu');

    expect(await screen.findByRole('heading', { level: 1, name: 'Neuen Termin anlegen' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Titel'), 'Späte Runde');
    await user.selectOptions(screen.getByLabelText('Format'), 'Projektleitungstreffen');
    const space = screen.getByLabelText('Bereich');
    expect(
      within(space)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Netzwerkweit (alle Mitarbeitenden)', 'Anerkennung']);
    await user.selectOptions(space, 'Anerkennung');

    // 02:30 does not exist on the last Sunday of March.
    setValue(fieldIn('Beginn', 'Datum'), '2026-03-29');
    setValue(fieldIn('Beginn', 'Uhrzeit'), '02:30');
    // The end follows the start until it is set.
    expect(fieldIn('Ende', 'Datum')).toHaveValue('2026-03-29');
    expect(fieldIn('Ende', 'Uhrzeit')).toHaveValue('03:30');
    await user.click(screen.getByRole('button', { name: 'Termin anlegen' }));
    expect(await screen.findByText('Bitte korrigieren Sie 1 Eingabe.')).toHaveAttribute('role', 'alert');
    const startTime = fieldIn('Beginn', 'Uhrzeit');
    expect(startTime).toHaveAccessibleDescription(
      expect.stringContaining('Diese Uhrzeit gibt es an diesem Tag wegen der Umstellung auf Sommerzeit nicht.'),
    );
    await waitFor(() => {
      expect(startTime).toHaveFocus();
    });

    setValue(startTime, '23:30');
    setValue(fieldIn('Ende', 'Datum'), '2026-03-30');
    setValue(fieldIn('Ende', 'Uhrzeit'), '00:15');
    await user.type(screen.getByLabelText('Online-Link'), 'https://meet.example.org/runde');
    await user.type(screen.getByLabelText('Plätze (optional)'), '12');

    await user.click(screen.getByRole('button', { name: 'Punkt hinzufügen' }));
    expect(screen.getByLabelText('Tagesordnungspunkt 1')).toHaveFocus();
    await user.keyboard('Begrüßung');
    await user.click(screen.getByRole('button', { name: 'Punkt hinzufügen' }));
    await user.keyboard('Berichte');
    await user.click(screen.getByRole('button', { name: 'Punkt hinzufügen' }));
    await user.keyboard('Verschiedenes');
    await user.click(screen.getByRole('button', { name: 'Punkt 2 nach oben' }));
    expect(screen.getByText('Punkt 2 ist jetzt Punkt 1.')).toBeInTheDocument();
    // Focus stays with the moved item (now first: its "up" is disabled, so "down").
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Punkt 1 nach unten' })).toHaveFocus();
    });
    await user.click(screen.getByRole('button', { name: 'Punkt 3 entfernen' }));
    expect(screen.getByLabelText('Tagesordnungspunkt 1')).toHaveValue('Berichte');
    expect(screen.getByLabelText('Tagesordnungspunkt 2')).toHaveValue('Begrüßung');
    expect(screen.queryByLabelText('Tagesordnungspunkt 3')).toBeNull();

    // Monday 6 April 2026 is the first Monday of its month.
    setValue(fieldIn('Beginn', 'Datum'), '2026-04-06');
    setValue(fieldIn('Beginn', 'Uhrzeit'), '10:00');
    setValue(fieldIn('Ende', 'Datum'), '2026-04-06');
    setValue(fieldIn('Ende', 'Uhrzeit'), '12:00');
    await user.selectOptions(screen.getByLabelText('Wiederholen'), 'Monatlich');
    const rules = screen.getByRole('group', { name: 'Monatlich am' });
    expect(within(rules).getByLabelText('6. Tag des Monats')).toBeChecked();
    await user.click(within(rules).getByLabelText('ersten Montag des Monats'));
    setValue(screen.getByLabelText('Wiederholen bis (einschließlich)'), '2026-12-31');

    await user.click(screen.getByRole('button', { name: 'Termin anlegen' }));
    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent('/termine/new-1');
    });
    const call = server.callsTo(`POST ${Routes.meetings.list}`)[0];
    expect(call?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(call?.body).toEqual({
      title: 'Späte Runde',
      format: 'project_management',
      spaceId: 'space-1',
      startsAt: '2026-04-06T08:00:00.000Z',
      endsAt: '2026-04-06T10:00:00.000Z',
      onlineUrl: 'https://meet.example.org/runde',
      capacity: 12,
      agenda: ['Berichte', 'Begrüßung'],
      series: { frequency: 'monthly', monthlyRule: 'nth_weekday', until: '2026-12-31' },
    });
    expect(await screen.findByText('Der Termin wurde angelegt.')).toBeInTheDocument();
  }, 20_000);

  it('sends 23:30 on the last Sunday of March as 21:30 UTC for a network-wide meeting', async () => {
    const server = fakeFetch(
      meetingRoutes('coordinator', {
        [`POST ${Routes.meetings.list}`]: () => json(201, makeMeeting({ id: 'new-2' })),
        [`GET ${Routes.meetings.one('new-2')}`]: () => json(200, makeMeeting({ id: 'new-2' })),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/termine/neu');
    await user.type(await screen.findByLabelText('Titel'), 'Nachtgespräch');
    setValue(fieldIn('Beginn', 'Datum'), '2026-03-29');
    setValue(fieldIn('Beginn', 'Uhrzeit'), '23:30');
    setValue(fieldIn('Ende', 'Uhrzeit'), '23:59');
    await user.click(screen.getByRole('button', { name: 'Termin anlegen' }));
    await waitFor(() => {
      expect(server.callsTo(`POST ${Routes.meetings.list}`)).toHaveLength(1);
    });
    expect(server.callsTo(`POST ${Routes.meetings.list}`)[0]?.body).toMatchObject({
      spaceId: null,
      startsAt: '2026-03-29T21:30:00.000Z',
      endsAt: '2026-03-29T21:59:00.000Z',
    });
  });

  it('lets space moderators create meetings only in their spaces', async () => {
    const moderated = makeSpace({
      id: 'space-2',
      name: 'Pflege',
      permissions: { post: true, moderate: true, manage: false, createCase: false, createAnnouncement: true },
    });
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        meetingRoutes('advisor', { [`GET ${Routes.spaces.list}`]: () => json(200, { items: [makeSpace(), moderated], nextCursor: null }) }),
      ).fetch,
    );
    renderApp('/termine/neu');
    const space = await screen.findByLabelText('Bereich');
    expect(
      within(space)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Pflege']);
  });

  it('editing a series occurrence asks "Nur diesen Termin" or "Alle Termine der Serie" and sends only what changed', async () => {
    const meeting = makeMeeting({
      startsAt: '2026-10-25T09:00:00.000Z',
      endsAt: '2026-10-25T11:00:00.000Z',
      permissions: { edit: true, cancel: true, rsvp: true },
      series: { id: 'series-1', frequency: 'weekly', until: '2026-12-20', index: 3, count: 9 },
    });
    const server = fakeFetch(
      meetingRoutes('coordinator', {
        [`GET ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, meeting),
        [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: () => json(200, { items: [], counts: meeting.counts }),
        [`PATCH ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, { ...meeting, title: 'Netzwerktreffen (neu)' }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/termine/${MEETING_ID}/bearbeiten`);

    expect(await screen.findByRole('heading', { level: 1, name: '„Netzwerktreffen Frühjahr“ bearbeiten' })).toBeInTheDocument();
    // Berlin wall clock after the autumn change: 09:00 UTC = 10:00 CET.
    expect(fieldIn('Beginn', 'Datum')).toHaveValue('2026-10-25');
    expect(fieldIn('Beginn', 'Uhrzeit')).toHaveValue('10:00');
    expect(screen.getByText(/Wiederholt sich wöchentlich bis 20.12.2026./)).toBeInTheDocument();
    expect(screen.getByLabelText('Tagesordnungspunkt 1')).toHaveValue('Begrüßung');
    expect(screen.queryByLabelText('Wiederholen')).toBeNull();

    const title = screen.getByLabelText('Titel');
    await user.clear(title);
    await user.type(title, 'Netzwerktreffen (neu)');
    setValue(fieldIn('Beginn', 'Uhrzeit'), '10:30');
    setValue(fieldIn('Ende', 'Uhrzeit'), '12:30');
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));

    const dialog = screen.getByRole('dialog', { name: 'Serientermin bearbeiten' });
    expect(dialog).toHaveAccessibleDescription('Dieser Termin gehört zu einer Serie. Für welche Termine sollen die Änderungen gelten?');
    expect(within(dialog).getByRole('button', { name: 'Nur diesen Termin' })).toHaveFocus();
    expect(server.callsTo(`PATCH ${Routes.meetings.one(MEETING_ID)}`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Alle Termine der Serie' }));

    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent(`/termine/${MEETING_ID}`);
    });
    expect(server.callsTo(`PATCH ${Routes.meetings.one(MEETING_ID)}`)[0]?.body).toEqual({
      title: 'Netzwerktreffen (neu)',
      startsAt: '2026-10-25T09:30:00.000Z',
      endsAt: '2026-10-25T11:30:00.000Z',
      scope: 'series',
    });
    expect(await screen.findByText('Die Änderungen wurden gespeichert.')).toBeInTheDocument();
  });

  it('edits a single meeting without asking (scope "occurrence"), clearing a field and linking the minutes', async () => {
    const single = makeMeeting({ permissions: { edit: true, cancel: true, rsvp: true } });
    const server = fakeFetch(
      meetingRoutes('coordinator', {
        [`GET ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, single),
        [`GET ${Routes.meetings.attendees(MEETING_ID)}`]: () => json(200, { items: [], counts: single.counts }),
        [`PATCH ${Routes.meetings.one(MEETING_ID)}`]: () => json(200, single),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/termine/${MEETING_ID}/bearbeiten`);
    const location = await screen.findByLabelText('Ort');
    await user.clear(location);
    await user.type(
      screen.getByLabelText('Protokoll (optional)'),
      'https://treffpunkt.example/dokumente/space-1/dokument/0b8f1d6e-2f4a-4c1e-9a7b-3d2e1f0a9b8c',
    );
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
    await waitFor(() => {
      expect(server.callsTo(`PATCH ${Routes.meetings.one(MEETING_ID)}`)).toHaveLength(1);
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.callsTo(`PATCH ${Routes.meetings.one(MEETING_ID)}`)[0]?.body).toEqual({
      location: null,
      minutesDocumentId: '0b8f1d6e-2f4a-4c1e-9a7b-3d2e1f0a9b8c',
      scope: 'occurrence',
    });
  });

  it('reads document ids from pasted links', () => {
    expect(documentIdFrom('')).toBeNull();
    expect(documentIdFrom('  ')).toBeNull();
    expect(documentIdFrom('/dokumente/0b8f1d6e-2f4a-4c1e-9a7b-3d2e1f0a9b8c/dokument/1B8F1D6E-2F4A-4C1E-9A7B-3D2E1F0A9B8C')).toBe(
      '1b8f1d6e-2f4a-4c1e-9a7b-3d2e1f0a9b8c',
    );
    expect(documentIdFrom('Protokoll')).toBeUndefined();
  });

  it('forbids the form to people who may not create meetings', async () => {
    vi.stubGlobal('fetch', fakeFetch(meetingRoutes('partner')).fetch);
    renderApp('/termine/neu');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeInTheDocument();
  });
});
