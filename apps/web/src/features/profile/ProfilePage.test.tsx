import { Routes } from '@treffpunkt/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json, makeUser, session } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { parseList } from './ProfileForm';

const UPDATE_ME = `PATCH ${Routes.users.me}`;
const CHANGE_PASSWORD = `POST ${Routes.auth.changePassword}`;

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

describe('profile', () => {
  it('parses comma lists without empties or duplicates', () => {
    expect(parseList(' Deutsch, Dari,, deutsch ,Arabisch ')).toEqual(['Deutsch', 'Dari', 'Arabisch']);
  });

  it('saves the profile and announces success', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.refresh}`]: () => json(200, session()),
      [UPDATE_ME]: (call) => json(200, makeUser(call.body as object)),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/profil');

    const name = await screen.findByLabelText('Anzeigename');
    await user.clear(name);
    await user.type(name, 'Anna M. Schmidt');
    await user.type(screen.getByLabelText('Sprachkenntnisse'), ', Russisch');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Ihr Profil wurde gespeichert.')).toHaveAttribute('role', 'status');
    expect(server.callsTo(UPDATE_ME)[0]?.body).toEqual({
      displayName: 'Anna M. Schmidt',
      handle: 'anna.schmidt',
      locale: 'de',
      languages: ['Deutsch', 'Dari', 'Russisch'],
      expertise: ['Anerkennung'],
      phone: null,
      bio: null,
    });
    // The header follows the new name.
    expect(screen.getByRole('navigation', { name: 'Benutzermenü' })).toHaveTextContent('Anna M. Schmidt');
  });

  it('rejects an invalid handle locally and a taken one from the API', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.refresh}`]: () => json(200, session()),
      [UPDATE_ME]: () => apiError(409, 'HANDLE_TAKEN'),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/profil');

    const handle = await screen.findByLabelText('Kürzel (Handle)');
    await user.clear(handle);
    await user.type(handle, 'Anna Schmidt');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(handle).toHaveAttribute('aria-invalid', 'true');
    expect(server.callsTo(UPDATE_ME)).toHaveLength(0);

    await user.clear(handle);
    await user.type(handle, 'anna');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Dieses Kürzel ist bereits vergeben.', { selector: '.field__error' })).toBeInTheDocument();
    expect(handle).toHaveAccessibleDescription(expect.stringContaining('Dieses Kürzel ist bereits vergeben.') as string);
  });

  it('changes the password and reports a wrong current password at the field', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.refresh}`]: () => json(200, session()),
      [CHANGE_PASSWORD]: [() => apiError(400, 'WRONG_PASSWORD'), () => json(200, session(makeUser(), 'after-change'))],
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/profil');

    await user.type(await screen.findByLabelText('Aktuelles Passwort'), 'falsches passwort');
    await user.type(screen.getByLabelText('Neues Passwort'), 'ein neues passwort');
    await user.type(screen.getByLabelText('Passwort bestätigen'), 'ein neues passwort');
    await user.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    const current = screen.getByLabelText('Aktuelles Passwort');
    await vi.waitFor(() => expect(current).toHaveAccessibleDescription('Das aktuelle Passwort ist falsch.'));

    await user.clear(current);
    await user.type(current, 'richtiges passwort');
    await user.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    expect(await screen.findByText('Ihr Passwort wurde geändert.')).toHaveAttribute('role', 'status');
    expect(server.callsTo(CHANGE_PASSWORD)[1]?.body).toEqual({
      currentPassword: 'richtiges passwort',
      newPassword: 'ein neues passwort',
    });
    expect(screen.getByLabelText('Neues Passwort')).toHaveValue('');
    // The API revoked the old session and handed out a new one.
    expect(api.token).toBe('after-change');
  });
});
