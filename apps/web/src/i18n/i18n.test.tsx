import { Routes } from '@treffpunkt/contracts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { apiError, fakeFetch, json, makeUser, session } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { de } from './de';
import { en } from './en';
import { I18nProvider, useI18n, useT } from './I18nProvider';

const REFRESH = `POST ${Routes.auth.refresh}`;
const UPDATE_ME = `PATCH ${Routes.users.me}`;

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

function collectKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => collectKeys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('i18n', () => {
  it('has an English text for every German one', () => {
    expect(collectKeys(en).sort()).toEqual(collectKeys(de).sort());
  });

  it('defaults to German and switches in memory with setLocale', async () => {
    function Probe() {
      const t = useT();
      const { setLocale } = useI18n();
      return (
        <button
          type="button"
          onClick={() => {
            setLocale('en');
          }}
        >
          {t.nav.logout}
        </button>
      );
    }
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(document.documentElement.lang).toBe('de');
    await userEvent.click(screen.getByRole('button', { name: 'Abmelden' }));
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('applies the locale stored on the account after the session is restored', async () => {
    vi.stubGlobal('fetch', fakeFetch({ [REFRESH]: () => json(200, session(makeUser({ locale: 'en' }))) }).fetch);

    renderApp('/');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Forum', 'Documents', 'Meetings', 'Directory', 'Statistics']);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches to English from the header and remembers it on the account, not in web storage', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const server = fakeFetch({
      [REFRESH]: () => json(200, session(makeUser({ role: 'admin' }))),
      [UPDATE_ME]: (call) => json(200, makeUser({ role: 'admin', ...(call.body as object) })),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();

    renderApp('/');
    await user.selectOptions(await screen.findByLabelText('Sprache'), 'English');

    expect(await screen.findByRole('link', { name: 'Administration' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Documents' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(server.callsTo(UPDATE_ME).map((c) => c.body)).toEqual([{ locale: 'en' }]);
    expect(setItem).not.toHaveBeenCalled();

    // …and back again through the same control, still findable by its German name.
    await user.selectOptions(screen.getByLabelText(/Sprache/), 'Deutsch');
    expect(await screen.findByRole('link', { name: 'Dokumente' })).toBeInTheDocument();
    await waitFor(() => {
      expect(server.callsTo(UPDATE_ME)).toHaveLength(2);
    });
  });

  it('goes back to the previous language and says so when saving the choice fails', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        [REFRESH]: () => json(200, session()),
        [UPDATE_ME]: () => apiError(503, 'SERVICE_UNAVAILABLE'),
      }).fetch,
    );
    const user = userEvent.setup();

    renderApp('/');
    await user.selectOptions(await screen.findByLabelText('Sprache'), 'English');

    expect(await screen.findByText('Die Spracheinstellung konnte nicht gespeichert werden.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dokumente' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
  });

  it('switches the language on public pages without calling the API', async () => {
    const server = fakeFetch({ [REFRESH]: () => apiError(401, 'UNAUTHENTICATED') });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();

    renderApp('/login');
    await user.selectOptions(await screen.findByLabelText('Sprache'), 'English');

    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(server.callsTo(UPDATE_ME)).toHaveLength(0);
  });
});
