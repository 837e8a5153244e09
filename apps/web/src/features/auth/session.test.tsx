import { Routes } from '@treffpunkt/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json, makeUser, session } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const REFRESH = `POST ${Routes.auth.refresh}`;
const LOGIN = `POST ${Routes.auth.login}`;
const UPDATE_ME = `PATCH ${Routes.users.me}`;

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

describe('session handling in the app', () => {
  it('shows a loading state while restoring, then the start page for a valid refresh cookie', async () => {
    let answer: (response: Response) => void = () => undefined;
    const server = fakeFetch({ [REFRESH]: () => new Promise<Response>((resolve) => (answer = resolve)) });
    vi.stubGlobal('fetch', server.fetch);

    renderApp('/');
    expect(screen.getByRole('status')).toHaveTextContent('Wird geladen');

    answer(json(200, session()));
    expect(await screen.findByRole('heading', { level: 1, name: 'Willkommen, Anna Schmidt!' })).toBeInTheDocument();
    expect(api.token).toBe('token-1');
  });

  it('sends an anonymous visitor to /login?next=… and back there after signing in', async () => {
    const server = fakeFetch({
      [REFRESH]: () => apiError(401, 'UNAUTHENTICATED'),
      [LOGIN]: () => json(200, session()),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();

    renderApp('/profil');

    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fprofil');

    await user.type(screen.getByLabelText('E-Mail'), 'anna@example.org');
    await user.type(screen.getByLabelText('Passwort'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Profil' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/profil$/);
    expect(server.callsTo(LOGIN)[0]?.body).toEqual({ email: 'anna@example.org', password: 'correct horse battery' });
  });

  it('goes to the login page with next=<current page> when a call gets 401 and the refresh fails', async () => {
    const server = fakeFetch({
      [REFRESH]: [() => json(200, session()), () => apiError(401, 'SESSION_EXPIRED')],
      [UPDATE_ME]: () => apiError(401, 'UNAUTHENTICATED'),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();

    renderApp('/profil');
    await user.click(await screen.findByRole('button', { name: 'Speichern' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fprofil');
    expect(screen.getByText('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.')).toBeInTheDocument();
    expect(server.callsTo(REFRESH)).toHaveLength(2);
    expect(api.token).toBeNull();
  });

  it('keeps the access token out of web storage', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    vi.stubGlobal('fetch', fakeFetch({ [REFRESH]: () => json(200, session()) }).fetch);

    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Willkommen, Anna Schmidt!' });

    expect(setItem).not.toHaveBeenCalled();
    const stored = [localStorage, sessionStorage].flatMap((storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i) ?? '') ?? ''),
    );
    expect(stored.join()).not.toContain('token-1');
  });

  it('signs out: calls logout, forgets the token and shows the login page without next', async () => {
    const server = fakeFetch({
      [REFRESH]: () => json(200, session()),
      [`POST ${Routes.auth.logout}`]: () => json(204),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();

    renderApp('/forum');
    await user.click(await screen.findByRole('button', { name: 'Abmelden' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/));
    expect(server.callsTo(`POST ${Routes.auth.logout}`)).toHaveLength(1);
    expect(api.token).toBeNull();
  });

  it('shows Verwaltung to admins and coordinators (who invite and manage spaces there), not to advisors', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [REFRESH]: () => json(200, session(makeUser({ role: 'advisor' }))) }).fetch);
    const advisorView = renderApp('/');
    await screen.findByRole('navigation', { name: 'Hauptnavigation' });
    expect(screen.queryByRole('link', { name: 'Verwaltung' })).not.toBeInTheDocument();
    advisorView.unmount();
    api.clearSession();

    vi.stubGlobal('fetch', fakeFetch({ [REFRESH]: () => json(200, session(makeUser({ role: 'coordinator' }))) }).fetch);
    const { unmount } = renderApp('/');
    expect(await screen.findByRole('link', { name: 'Verwaltung' })).toBeInTheDocument();
    unmount();
    api.clearSession();

    vi.stubGlobal('fetch', fakeFetch({ [REFRESH]: () => json(200, session(makeUser({ role: 'admin' }))) }).fetch);
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Verwaltung' })).toBeInTheDocument();
    for (const name of ['Forum', 'Dokumente', 'Termine', 'Verzeichnis', 'Profil']) {
      expect(screen.getByRole('link', { name })).toBeInTheDocument();
    }
  });

  it('tells an advisor who opens /verwaltung directly that access is missing', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [REFRESH]: () => json(200, session()) }).fetch);
    renderApp('/verwaltung');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeInTheDocument();
  });

  it('opens the directory from its navigation entry', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [REFRESH]: () => json(200, session()) }).fetch);
    renderApp('/verzeichnis');
    expect(await screen.findByRole('heading', { level: 1, name: 'Verzeichnis' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Personen und Organisationen suchen' })).toBeInTheDocument();
  });
});
