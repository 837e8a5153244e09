import { Routes, type InvitationDto, type Role } from '@treffpunkt/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { fakeFetch, json, makeUser, session } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const organisations = {
  items: [
    { id: 'org-1', name: 'Beratungsstelle Magdeburg', type: 'service_point', city: 'Magdeburg' },
    { id: 'org-2', name: 'Caritas Halle', type: 'welfare', city: null },
  ],
  nextCursor: null,
};

function serveAs(role: Role) {
  const server = fakeFetch({
    [`POST ${Routes.auth.refresh}`]: () => json(200, session(makeUser({ role }))),
    [`GET ${Routes.organisations.list}`]: () => json(200, organisations),
    [`GET ${Routes.invitations.list}`]: () => json(200, { items: [], nextCursor: null }),
    [`POST ${Routes.invitations.create}`]: (call) => {
      const body = call.body as { email: string; role: Role; organisationId: string };
      const invitation: InvitationDto = {
        id: 'inv-1',
        email: body.email,
        role: body.role,
        organisation: organisations.items[1] as InvitationDto['organisation'],
        invitedBy: { id: 'u1', displayName: 'Anna Schmidt' },
        status: 'pending',
        expiresAt: '2026-12-01T10:00:00.000Z',
        createdAt: '2026-11-24T10:00:00.000Z',
        link: 'http://localhost:3000/einladung/abc123',
      };
      return json(201, invitation);
    },
  });
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

const optionTexts = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('InviteForm', () => {
  it('lets a coordinator invite every role except admin', async () => {
    serveAs('coordinator');
    renderApp('/verwaltung/einladungen');

    const role = await screen.findByLabelText('Rolle');
    expect(optionTexts(role)).toEqual(['Koordinator*in', 'Berater*in', 'Partner*in']);
    expect(role).toHaveValue('advisor');
  });

  it('lets an admin invite admins too', async () => {
    serveAs('admin');
    renderApp('/verwaltung/einladungen');

    const role = await screen.findByLabelText('Rolle');
    expect(optionTexts(role)).toEqual(['Administrator*in', 'Koordinator*in', 'Berater*in', 'Partner*in']);
  });

  it('sends the invitation and shows the returned link', async () => {
    const server = serveAs('admin');
    const user = userEvent.setup();
    renderApp('/verwaltung/einladungen');

    await user.type(await screen.findByLabelText('E-Mail'), 'neu@example.org');
    await user.selectOptions(screen.getByLabelText('Rolle'), 'Partner*in');
    const organisation = screen.getByLabelText('Organisation');
    await within(organisation).findByRole('option', { name: 'Caritas Halle' });
    await user.selectOptions(organisation, 'Caritas Halle');
    await user.click(screen.getByRole('button', { name: 'Einladung senden' }));

    expect(await screen.findByText('Die Einladung an neu@example.org wurde erstellt.')).toHaveAttribute('role', 'status');
    expect(screen.getByLabelText('Einladungslink')).toHaveValue('http://localhost:3000/einladung/abc123');
    expect(server.callsTo(`POST ${Routes.invitations.create}`).map((c) => c.body)).toEqual([
      { email: 'neu@example.org', role: 'partner', organisationId: 'org-2' },
    ]);
    // The list is reloaded so the new invitation appears.
    expect(server.callsTo(`GET ${Routes.invitations.list}`).length).toBeGreaterThanOrEqual(2);
  });

  it('requires an organisation before sending', async () => {
    const server = serveAs('coordinator');
    const user = userEvent.setup();
    renderApp('/verwaltung/einladungen');

    await user.type(await screen.findByLabelText('E-Mail'), 'neu@example.org');
    await user.click(screen.getByRole('button', { name: 'Einladung senden' }));

    expect(screen.getByLabelText('Organisation')).toHaveAccessibleDescription('Bitte füllen Sie dieses Feld aus.');
    expect(server.callsTo(`POST ${Routes.invitations.create}`)).toHaveLength(0);
  });
});
