import { NOTIFICATION_TYPES, Routes, type NotificationDto } from '@treffpunkt/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { fakeFetch, json, makeUser, session, type Handler } from '../../test/fakeApi';
import type { FakeSocket, FakeSockets } from '../../test/fakeSocket';
import { renderApp } from '../../test/renderApp';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

const LIST = `GET ${Routes.notifications.list}`;
const COUNT = `GET ${Routes.notifications.unreadCount}`;
const READ = `POST ${Routes.notifications.read}`;
const REFRESH = `POST ${Routes.auth.refresh}`;

function note(id: number, overrides: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id,
    type: 'reply',
    subject: `Thema ${String(id)}`,
    actor: { id: 'user-bernd', displayName: 'Bernd Weber' },
    spaceName: 'Netzwerk-Forum',
    link: `/forum/thema/thread-1#beitrag-${String(id)}`,
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    readAt: null,
    ...overrides,
  };
}

const page = (items: NotificationDto[], nextCursor: string | null = null) => json(200, { items, nextCursor });

function routes(extra: Record<string, Handler | Handler[]> = {}) {
  return {
    [REFRESH]: () => json(200, session(makeUser())),
    [LIST]: () => page([note(3), note(2), note(1)]),
    [COUNT]: () => json(200, { count: 2 }),
    [READ]: () => json(200, { count: 1 }),
    ...extra,
  };
}

const bell = () => screen.getByRole('button', { name: /^Benachrichtigungen/ });

/** Let fake time pass, with React's updates flushed. */
async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** The app creates its socket once the session is restored; the "server" accepts it. */
async function connect(sockets: FakeSockets): Promise<FakeSocket> {
  await waitFor(() => expect(sockets.all.length).toBeGreaterThan(0));
  sockets.last.accept();
  return sockets.last;
}

describe('realtime notifications', () => {
  it('catches up after a reconnect: page by page from the last id seen, no duplicates, newest first', async () => {
    let answerCatchUp: (response: Response) => void = () => undefined;
    const server = fakeFetch(
      routes({
        [LIST]: (call) => {
          const after = call.query.get('after');
          if (after === null) return page([note(3), note(2), note(1)]);
          if (after === '4') return new Promise<Response>((resolve) => (answerCatchUp = resolve));
          if (after === '6') return page([note(7)]);
          return page([]);
        },
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    const { sockets } = renderApp('/');
    await waitFor(() => expect(sockets.all.length).toBeGreaterThan(0));
    const socket = sockets.last;
    expect(socket.auth).toEqual({ token: 'token-1' });
    expect(socket.connectCalls).toBe(1);

    socket.accept();
    // First connect: start from the newest, not from zero.
    await waitFor(() => expect(server.callsTo(LIST)).toHaveLength(1));
    expect(server.callsTo(LIST)[0]?.query.get('after')).toBeNull();
    socket.serverEmit('notification:new', note(4));

    socket.drop();
    socket.accept();
    await waitFor(() => expect(server.callsTo(LIST).map((c) => c.query.get('after'))).toEqual([null, '4']));
    // A live event races the catch-up, which then brings the same notification again.
    socket.serverEmit('notification:new', note(5));
    answerCatchUp(page([note(5), note(6)], 'next'));
    await waitFor(() => expect(server.callsTo(LIST).map((c) => c.query.get('after'))).toEqual([null, '4', '6']));

    await user.click(bell());
    const dialog = await screen.findByRole('dialog', { name: 'Benachrichtigungen' });
    await waitFor(() => expect(within(dialog).getAllByRole('listitem')).toHaveLength(7));
    const links = within(dialog)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('href')?.startsWith('/forum/'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      [7, 6, 5, 4, 3, 2, 1].map((id) => `/forum/thema/thread-1#beitrag-${String(id)}`),
    );
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  });

  it('updates the badge on notification:new and notification:unread-count', async () => {
    const server = fakeFetch(routes());
    vi.stubGlobal('fetch', server.fetch);
    const { sockets } = renderApp('/');
    await waitFor(() => expect(bell()).toHaveAccessibleName('Benachrichtigungen, 2 ungelesen'));
    expect(within(bell()).getByText('2')).toBeInTheDocument();
    const socket = await connect(sockets);
    // The catch-up of the first connect asks for the count again.
    await waitFor(() => expect(server.callsTo(COUNT)).toHaveLength(2));

    socket.serverEmit('notification:new', note(4));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Benachrichtigungen, 3 ungelesen'));
    // The same one again (e.g. from the catch-up) does not count twice.
    socket.serverEmit('notification:new', note(4));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bell()).toHaveAccessibleName('Benachrichtigungen, 3 ungelesen');

    socket.serverEmit('notification:unread-count', { count: 0 });
    await waitFor(() => expect(bell()).toHaveAccessibleName('Benachrichtigungen'));
    expect(within(bell()).queryByText('0')).toBeNull();
    socket.serverEmit('notification:unread-count', { count: 7 });
    await waitFor(() => expect(bell()).toHaveAccessibleName('Benachrichtigungen, 7 ungelesen'));
    expect(within(bell()).getByText('7')).toBeInTheDocument();
  });

  it('opens the panel, closes it with Escape (focus back on the bell), marks an item read and follows its link', async () => {
    const server = fakeFetch(
      routes({
        [LIST]: () =>
          page([
            note(3, { type: 'mention', subject: 'Anerkennung Pflegefachkräfte' }),
            note(2, { type: 'new_thread', subject: 'Sprachkurse', readAt: '2026-11-20T09:00:00.000Z' }),
          ]),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });

    await user.click(bell());
    expect(bell()).toHaveAttribute('aria-expanded', 'true');
    let dialog = await screen.findByRole('dialog', { name: 'Benachrichtigungen' });
    expect(
      await within(dialog).findByRole('link', { name: 'Ungelesen: Bernd Weber hat Sie in „Anerkennung Pflegefachkräfte“ erwähnt' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Neues Thema in Netzwerk-Forum: „Sprachkurse“' })).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Alle anzeigen' })).toHaveAttribute('href', '/benachrichtigungen');
    expect(within(dialog).getByRole('link', { name: 'Benachrichtigungen einstellen' })).toHaveAttribute(
      'href',
      '/profil/benachrichtigungen',
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bell()).toHaveFocus();

    await user.click(bell());
    dialog = await screen.findByRole('dialog', { name: 'Benachrichtigungen' });
    await user.click(await within(dialog).findByRole('link', { name: /hat Sie in „Anerkennung Pflegefachkräfte“ erwähnt/ }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/forum/thema/thread-1#beitrag-3'));
    await waitFor(() => expect(server.callsTo(READ)).toHaveLength(1));
    expect(server.callsTo(READ)[0]?.body).toEqual({ ids: [3] });
    await waitFor(() => expect(bell()).toHaveAccessibleName('Benachrichtigungen, 1 ungelesen'));
  });

  it('marks all read from the panel', async () => {
    const server = fakeFetch(routes({ [READ]: () => json(200, { count: 0 }) }));
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/');
    await waitFor(() => expect(bell()).toHaveAccessibleName('Benachrichtigungen, 2 ungelesen'));
    await user.click(bell());
    const dialog = await screen.findByRole('dialog', { name: 'Benachrichtigungen' });
    await within(dialog).findAllByRole('listitem');
    await user.click(within(dialog).getByRole('button', { name: 'Alle als gelesen markieren' }));
    expect(await within(dialog).findByText('Alle Benachrichtigungen sind als gelesen markiert.')).toBeInTheDocument();
    expect(server.callsTo(READ)[0]?.body).toEqual({ all: true });
    expect(bell()).toHaveAccessibleName('Benachrichtigungen');
    expect(within(dialog).queryByText(/^Ungelesen/)).toBeNull();
  });

  it('shows a toast for a mention, not for a reply; "Anzeigen" opens it and focus stays put', async () => {
    vi.stubGlobal('fetch', fakeFetch(routes()).fetch);
    const user = userEvent.setup();
    const { sockets } = renderApp('/');
    await connect(sockets);
    const region = screen.getByRole('region', { name: 'Neue Benachrichtigungen' });
    const focused = document.activeElement;

    sockets.last.serverEmit('notification:new', note(10, { type: 'reply', subject: 'Sprachkurse' }));
    expect(within(region).queryByText(/Sprachkurse/)).toBeNull();

    sockets.last.serverEmit(
      'notification:new',
      note(11, { type: 'mention', subject: 'Anerkennung', link: '/forum/thema/thread-1#beitrag-11' }),
    );
    expect(within(region).getByText('Bernd Weber hat Sie in „Anerkennung“ erwähnt')).toBeInTheDocument();
    expect(within(region).getByText('Bernd Weber hat Sie in „Anerkennung“ erwähnt').closest('[aria-live="polite"]')).not.toBeNull();
    expect(document.activeElement).toBe(focused);

    sockets.last.serverEmit('notification:new', note(12, { type: 'meeting_cancelled', subject: 'Netzwerktreffen' }));
    expect(within(region).getByText('Termin abgesagt: „Netzwerktreffen“')).toBeInTheDocument();
    await user.click(within(region).getAllByRole('button', { name: 'Hinweis schließen' })[1] as HTMLElement);
    expect(within(region).queryByText('Termin abgesagt: „Netzwerktreffen“')).toBeNull();

    await user.click(within(region).getByRole('link', { name: 'Anzeigen' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/forum/thema/thread-1#beitrag-11');
    expect(within(region).queryByText(/erwähnt/)).toBeNull();
  });

  it('hides a toast after about 6 seconds', async () => {
    vi.stubGlobal('fetch', fakeFetch(routes()).fetch);
    const { sockets } = renderApp('/');
    await connect(sockets);
    vi.useFakeTimers();
    try {
      sockets.last.serverEmit('notification:new', note(11, { type: 'mention', subject: 'Anerkennung' }));
      const region = screen.getByRole('region', { name: 'Neue Benachrichtigungen' });
      expect(within(region).getByText(/erwähnt/)).toBeInTheDocument();
      await advance(5000);
      expect(within(region).getByText(/erwähnt/)).toBeInTheDocument();
      await advance(1500);
      expect(within(region).queryByText(/erwähnt/)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the connection banner after ~3 s without connection and removes it when back', async () => {
    vi.stubGlobal('fetch', fakeFetch(routes()).fetch);
    const { sockets } = renderApp('/');
    await waitFor(() => expect(sockets.all.length).toBeGreaterThan(0));
    // Not connected yet: no banner, however long it takes.
    vi.useFakeTimers();
    try {
      await advance(5000);
      expect(screen.queryByText(/Verbindung unterbrochen/)).toBeNull();
      sockets.last.accept();
      sockets.last.drop();
      await advance(2000);
      expect(screen.queryByText(/Verbindung unterbrochen/)).toBeNull();
      await advance(1500);
      expect(screen.getByText('Verbindung unterbrochen – wir versuchen es weiter …')).toHaveAttribute('role', 'status');
      sockets.last.accept();
      expect(screen.queryByText(/Verbindung unterbrochen/)).toBeNull();
      expect(screen.getByText('Wieder verbunden')).toBeInTheDocument();
      await advance(5000);
      expect(screen.queryByText('Wieder verbunden')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('signs out locally on session:revoked and goes to the login page', async () => {
    const server = fakeFetch(routes());
    vi.stubGlobal('fetch', server.fetch);
    const { sockets } = renderApp('/profil');
    await screen.findByRole('heading', { level: 1, name: 'Profil' });
    await connect(sockets);
    sockets.last.serverEmit('session:revoked');

    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeInTheDocument();
    expect(screen.getByText('Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fprofil');
    expect(api.token).toBeNull();
    expect(sockets.last.connected).toBe(false);
    expect(server.callsTo(`POST ${Routes.auth.logout}`)).toHaveLength(0);
  });

  it('refreshes the token when the handshake is refused and reconnects with the new one', async () => {
    const server = fakeFetch(
      routes({ [REFRESH]: [() => json(200, session(makeUser(), 'token-1')), () => json(200, session(makeUser(), 'token-2'))] }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { sockets } = renderApp('/');
    await waitFor(() => expect(sockets.all.length).toBeGreaterThan(0));
    const socket = sockets.last;
    socket.refuse('UNAUTHENTICATED');
    await waitFor(() => expect(socket.connectCalls).toBe(2));
    expect(socket.auth).toEqual({ token: 'token-2' });
    expect(server.callsTo(REFRESH)).toHaveLength(2);
    expect(sockets.all).toHaveLength(1);
  });

  it('ends the session when the handshake is refused and the refresh fails', async () => {
    const server = fakeFetch(
      routes({ [REFRESH]: [() => json(200, session(makeUser())), () => json(401, { statusCode: 401, code: 'SESSION_EXPIRED' })] }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { sockets } = renderApp('/profil');
    await screen.findByRole('heading', { level: 1, name: 'Profil' });
    await waitFor(() => expect(sockets.all.length).toBeGreaterThan(0));
    sockets.last.refuse('UNAUTHENTICATED');
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeInTheDocument();
    expect(screen.getByText('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.')).toBeInTheDocument();
  });
});

describe('notifications page', () => {
  it('groups by day, filters unread, loads more and marks one read', async () => {
    const now = Date.now();
    const server = fakeFetch(
      routes({
        [LIST]: (call) => {
          if (call.query.get('cursor') === 'c2')
            return page([note(1, { createdAt: '2026-01-05T10:00:00.000Z', readAt: '2026-01-05T11:00:00.000Z' })]);
          const items = [
            note(4, { createdAt: new Date(now - 60_000).toISOString() }),
            note(3, { type: 'mention', createdAt: new Date(now - 86_400_000 - 60_000).toISOString() }),
            note(2, {
              type: 'added_to_space',
              subject: 'Fallberatung',
              createdAt: '2026-01-06T10:00:00.000Z',
              readAt: '2026-01-06T10:00:00.000Z',
            }),
          ];
          return page(call.query.get('unreadOnly') === 'true' ? items.filter((item) => item.readAt === null) : items, 'c2');
        },
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/benachrichtigungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeInTheDocument();
    const today = await screen.findByRole('region', { name: 'Heute' });
    expect(within(today).getByRole('link', { name: 'Ungelesen: Bernd Weber hat in „Thema 4“ geantwortet' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Gestern' })).getByRole('link', { name: /hat Sie in „Thema 3“ erwähnt/ }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Dienstag, 6. Januar 2026' })).getByRole('link', {
        name: 'Sie wurden zum Bereich „Fallberatung“ hinzugefügt',
      }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mehr laden' }));
    expect(await screen.findByRole('region', { name: 'Montag, 5. Januar 2026' })).toBeInTheDocument();
    expect(server.callsTo(LIST).at(-1)?.query.get('cursor')).toBe('c2');

    await user.click(within(today).getByRole('button', { name: 'Als gelesen markieren: Bernd Weber hat in „Thema 4“ geantwortet' }));
    expect(server.callsTo(READ)[0]?.body).toEqual({ ids: [4] });
    expect(await within(today).findByRole('link', { name: 'Bernd Weber hat in „Thema 4“ geantwortet' })).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Nur ungelesene' }));
    await waitFor(() => expect(server.callsTo(LIST).at(-1)?.query.get('unreadOnly')).toBe('true'));
    await waitFor(() => expect(screen.queryByText(/Fallberatung/)).toBeNull());
  });
});

describe('notification preferences', () => {
  it('shows a select per type and the reminder lead time, and sends them all with PUT', async () => {
    const PREFS = Routes.notifications.preferences;
    const server = fakeFetch(
      routes({
        [`GET ${PREFS}`]: () =>
          json(200, {
            items: NOTIFICATION_TYPES.map((type) => ({ type, email: type === 'reply' ? 'off' : 'digest' })),
            meetingReminderHours: 24,
          }),
        [`PUT ${PREFS}`]: (call) => json(200, call.body),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/profil');
    await user.click(await screen.findByRole('link', { name: 'Benachrichtigungen einstellen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Benachrichtigungen einstellen' })).toBeInTheDocument();
    expect(screen.getByText(/In der App .* werden Sie immer benachrichtigt/)).toBeInTheDocument();
    const mention = await screen.findByRole('combobox', { name: 'E-Mail für Erwähnungen' });
    expect(mention).toHaveValue('digest');
    expect(screen.getByRole('combobox', { name: 'E-Mail für Antworten in beobachteten Themen' })).toHaveValue('off');
    expect(within(screen.getByRole('table')).getAllByRole('combobox')).toHaveLength(11);
    expect(
      within(mention)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Sofort', 'Tägliche Zusammenfassung', 'Aus']);

    const leadTime = screen.getByRole('combobox', { name: 'Erinnerung an Termine' });
    expect(leadTime).toHaveValue('24');
    expect(
      within(leadTime)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['1 Stunde vorher', '2 Stunden vorher', '1 Tag vorher', '2 Tage vorher', '1 Woche vorher']);

    await user.selectOptions(mention, 'Sofort');
    await user.selectOptions(leadTime, '2 Stunden vorher');
    await user.selectOptions(screen.getByRole('combobox', { name: 'E-Mail für Terminerinnerung' }), 'Aus');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Ihre Einstellungen wurden gespeichert.')).toHaveAttribute('role', 'status');
    expect(server.callsTo(`PUT ${PREFS}`)[0]?.body).toEqual({
      items: NOTIFICATION_TYPES.map((type) => ({
        type,
        email: type === 'mention' ? 'immediate' : type === 'reply' ? 'off' : type === 'meeting_reminder' ? 'off' : 'digest',
      })),
      meetingReminderHours: 2,
    });
    expect(screen.getByRole('combobox', { name: 'Erinnerung an Termine' })).toHaveValue('2');
  });
});
