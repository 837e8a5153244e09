import { Routes } from '@treffpunkt/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, type Handler } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const LOGIN = `POST ${Routes.auth.login}`;

function serve(login: Handler) {
  const server = fakeFetch({ [`POST ${Routes.auth.refresh}`]: () => apiError(401, 'UNAUTHENTICATED'), [LOGIN]: login });
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await screen.findByRole('button', { name: 'Anmelden' });
  if (email) await user.type(screen.getByLabelText('E-Mail'), email);
  if (password) await user.type(screen.getByLabelText('Passwort'), password);
  await user.click(screen.getByRole('button', { name: 'Anmelden' }));
}

beforeEach(() => {
  api.clearSession();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LoginPage', () => {
  it('announces wrong credentials and clears the password', async () => {
    serve(() => apiError(401, 'INVALID_CREDENTIALS'));
    renderApp('/login');

    await fillAndSubmit('anna@example.org', 'wrong password');

    expect(await screen.findByText('E-Mail-Adresse oder Passwort ist falsch.')).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText('Passwort')).toHaveValue('');
    expect(screen.getByLabelText('E-Mail')).toHaveValue('anna@example.org');
  });

  it('tells how long to wait when throttled', async () => {
    serve(() => apiError(429, 'TOO_MANY_REQUESTS', { 'Retry-After': '300' }));
    renderApp('/login');

    await fillAndSubmit('anna@example.org', 'whatever it is');

    expect(await screen.findByText('Zu viele Anmeldeversuche. Bitte versuchen Sie es in 5 Minuten erneut.')).toBeInTheDocument();
  });

  it('marks empty fields invalid, links the error text to them and focuses the first', async () => {
    const server = serve(() => apiError(500, 'INTERNAL_ERROR'));
    renderApp('/login');

    await fillAndSubmit('', '');

    const email = screen.getByLabelText('E-Mail');
    const password = screen.getByLabelText('Passwort');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Bitte füllen Sie dieses Feld aus.');
    expect(password).toHaveAccessibleDescription('Bitte füllen Sie dieses Feld aus.');
    expect(screen.getByText('Bitte korrigieren Sie 2 Eingaben.')).toHaveAttribute('role', 'alert');
    await vi.waitFor(() => expect(email).toHaveFocus());
    expect(server.callsTo(LOGIN)).toHaveLength(0);
  });

  it('shows a reference for unexpected server errors', async () => {
    serve(() => apiError(500, 'INTERNAL_ERROR'));
    renderApp('/login');

    await fillAndSubmit('anna@example.org', 'some password');

    expect(await screen.findByText(/Ein unerwarteter Fehler ist aufgetreten.*Fehlerkennung: corr-1/)).toBeInTheDocument();
  });

  it('offers the password reset and a skip link', async () => {
    serve(() => apiError(500, 'INTERNAL_ERROR'));
    renderApp('/login');

    expect(await screen.findByRole('link', { name: 'Passwort vergessen?' })).toHaveAttribute('href', '/passwort-vergessen');
    expect(screen.getByRole('link', { name: 'Zum Inhalt springen' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });
});
