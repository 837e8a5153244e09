import { Routes } from '@treffpunkt/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json, makeUser, session, type Handler } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const REFRESH = `POST ${Routes.auth.refresh}`;
const anonymous = () => apiError(401, 'UNAUTHENTICATED');

function serve(routes: Record<string, Handler>) {
  const server = fakeFetch({ [REFRESH]: anonymous, ...routes });
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

describe('invitation acceptance', () => {
  const preview = {
    email: 'neu@example.org',
    role: 'advisor',
    organisation: { id: 'org-1', name: 'Beratungsstelle Halle', type: 'service_point', city: 'Halle' },
    invitedBy: { displayName: 'Karin Koordinatorin' },
    expiresAt: '2026-12-01T10:00:00.000Z',
  };

  it('shows who invites whom, then signs the person in and lands on the start page', async () => {
    const server = serve({
      [`GET ${Routes.invitations.one('tok')}`]: () => json(200, preview),
      [`POST ${Routes.invitations.accept('tok')}`]: () =>
        json(201, session(makeUser({ displayName: 'Nora Neu', email: 'neu@example.org' }))),
    });
    const user = userEvent.setup();
    renderApp('/einladung/tok');

    expect(
      await screen.findByText(
        'Karin Koordinatorin lädt Sie (neu@example.org) als Berater*in in die Organisation „Beratungsstelle Halle“ in den Treffpunkt ein.',
      ),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Anzeigename'), 'Nora Neu');
    await user.type(screen.getByLabelText('Passwort'), 'ein langes passwort');
    await user.type(screen.getByLabelText('Passwort bestätigen'), 'ein langes passwort');
    await user.click(screen.getByRole('button', { name: 'Einladung annehmen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Willkommen, Nora Neu!' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/);
    expect(api.token).toBe('token-1');
    expect(server.callsTo(`POST ${Routes.invitations.accept('tok')}`)[0]?.body).toEqual({
      displayName: 'Nora Neu',
      password: 'ein langes passwort',
    });
  });

  it('checks length and confirmation of the password before sending', async () => {
    const server = serve({ [`GET ${Routes.invitations.one('tok')}`]: () => json(200, preview) });
    const user = userEvent.setup();
    renderApp('/einladung/tok');

    await user.type(await screen.findByLabelText('Anzeigename'), 'Nora Neu');
    await user.type(screen.getByLabelText('Passwort'), 'kurz');
    await user.type(screen.getByLabelText('Passwort bestätigen'), 'anders');
    await user.click(screen.getByRole('button', { name: 'Einladung annehmen' }));

    expect(screen.getByLabelText('Passwort')).toHaveAccessibleDescription(
      expect.stringContaining('Das Passwort muss mindestens 10 Zeichen lang sein.') as string,
    );
    expect(screen.getByLabelText('Passwort bestätigen')).toHaveAccessibleDescription('Die Passwörter stimmen nicht überein.');
    expect(server.callsTo(`POST ${Routes.invitations.accept('tok')}`)).toHaveLength(0);
  });

  it('explains an expired invitation', async () => {
    serve({ [`GET ${Routes.invitations.one('old')}`]: () => apiError(410, 'INVITATION_EXPIRED') });
    renderApp('/einladung/old');

    expect(await screen.findByText('Diese Einladung ist abgelaufen. Bitte bitten Sie um eine neue Einladung.')).toHaveAttribute(
      'role',
      'alert',
    );
    expect(screen.queryByLabelText('Anzeigename')).not.toBeInTheDocument();
  });
});

describe('password reset', () => {
  it('gives the same answer whether or not the account exists', async () => {
    const server = serve({ [`POST ${Routes.auth.passwordResetRequest}`]: () => json(202) });
    const user = userEvent.setup();
    renderApp('/passwort-vergessen');

    await user.type(await screen.findByLabelText('E-Mail'), 'wer@example.org');
    await user.click(screen.getByRole('button', { name: 'Link anfordern' }));

    expect(await screen.findByText('Wenn ein Konto zu dieser Adresse existiert, haben wir Ihnen eine E-Mail geschickt.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(server.callsTo(`POST ${Routes.auth.passwordResetRequest}`)[0]?.body).toEqual({ email: 'wer@example.org' });
  });

  it('sets a new password with the token from the link', async () => {
    const server = serve({ [`POST ${Routes.auth.passwordResetComplete}`]: () => json(204) });
    const user = userEvent.setup();
    renderApp('/passwort-zuruecksetzen/reset-token');

    await user.type(await screen.findByLabelText('Neues Passwort'), 'ein neues passwort');
    await user.type(screen.getByLabelText('Passwort bestätigen'), 'ein neues passwort');
    await user.click(screen.getByRole('button', { name: 'Passwort speichern' }));

    expect(await screen.findByText('Ihr Passwort wurde geändert. Sie können sich jetzt anmelden.')).toBeInTheDocument();
    expect(server.callsTo(`POST ${Routes.auth.passwordResetComplete}`)[0]?.body).toEqual({
      token: 'reset-token',
      password: 'ein neues passwort',
    });
  });

  it('offers a new link when the token is invalid', async () => {
    serve({ [`POST ${Routes.auth.passwordResetComplete}`]: () => apiError(400, 'RESET_TOKEN_INVALID') });
    const user = userEvent.setup();
    renderApp('/passwort-zuruecksetzen/bad');

    await user.type(await screen.findByLabelText('Neues Passwort'), 'ein neues passwort');
    await user.type(screen.getByLabelText('Passwort bestätigen'), 'ein neues passwort');
    await user.click(screen.getByRole('button', { name: 'Passwort speichern' }));

    expect(await screen.findByRole('link', { name: 'Neuen Link anfordern' })).toHaveAttribute('href', '/passwort-vergessen');
  });
});
