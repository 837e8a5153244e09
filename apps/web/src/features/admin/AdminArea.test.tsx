import { Routes, type AuditEntryDto, type InvitationDto, type Role, type UserDto, type UserListItemDto } from '@treffpunkt/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { fakeFetch, json, makeUser, session, type Handler } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const organisations = {
  items: [
    { id: 'org-1', name: 'Beratungsstelle Magdeburg', type: 'service_point', city: 'Magdeburg' },
    { id: 'org-2', name: 'Caritas Halle', type: 'welfare', city: 'Halle' },
  ],
  nextCursor: null,
};

const target: UserDto = makeUser({
  id: '22222222-2222-4222-8222-222222222222',
  displayName: 'Petra Partner',
  handle: 'petra.partner',
  role: 'partner',
  email: 'petra@example.org',
  organisation: { id: 'org-2', name: 'Caritas Halle', type: 'welfare', city: 'Halle' },
});

const listItem = (user: UserDto): UserListItemDto => ({
  id: user.id,
  displayName: user.displayName,
  handle: user.handle,
  role: user.role,
  organisation: user.organisation,
  email: user.email,
  phone: user.phone,
  status: user.status,
  languages: user.languages,
  expertise: user.expertise,
});

function serve(role: Role, routes: Record<string, Handler | Handler[]> = {}) {
  const server = fakeFetch({
    [`POST ${Routes.auth.refresh}`]: () => json(200, session(makeUser({ role }))),
    [`GET ${Routes.organisations.list}`]: () => json(200, organisations),
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

describe('administration area', () => {
  it('shows an admin every section and opens „Personen“ first', async () => {
    serve('admin', { [`GET ${Routes.users.list}`]: () => json(200, { items: [], nextCursor: null }) });
    renderApp('/verwaltung');

    const nav = await screen.findByRole('navigation', { name: 'Bereiche der Verwaltung' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Personen', 'Einladungen', 'Organisationen', 'Bereiche', 'Protokoll']);
    expect(within(nav).getByRole('link', { name: 'Organisationen' })).toHaveAttribute('href', '/verzeichnis/organisationen');
    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent('/verwaltung/personen');
    });
  });

  it('shows a coordinator only invitations, organisations and spaces, and refuses the people and audit screens', async () => {
    serve('coordinator', { [`GET ${Routes.invitations.list}`]: () => json(200, { items: [], nextCursor: null }) });
    renderApp('/verwaltung');

    const nav = await screen.findByRole('navigation', { name: 'Bereiche der Verwaltung' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Einladungen', 'Organisationen', 'Bereiche']);
    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent('/verwaltung/einladungen');
    });
    expect(screen.getByRole('link', { name: 'Verwaltung' })).toBeInTheDocument();
  });

  it.each(['/verwaltung/personen', '/verwaltung/protokoll'])('refuses %s to a coordinator without calling the API', async (path) => {
    const server = serve('coordinator');
    renderApp(path);
    expect(await screen.findByRole('heading', { name: 'Kein Zugriff' })).toBeInTheDocument();
    expect(server.callsTo(`GET ${Routes.users.list}`)).toHaveLength(0);
    expect(server.callsTo(`GET ${Routes.admin.auditLog}`)).toHaveLength(0);
  });

  it('keeps advisors out of the whole area', async () => {
    serve('advisor');
    renderApp('/verwaltung');
    expect(await screen.findByRole('heading', { name: 'Kein Zugriff' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Bereiche der Verwaltung' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Verwaltung' })).not.toBeInTheDocument();
  });
});

describe('Personen', () => {
  it('turns the filters into the API query and the URL', async () => {
    const server = serve('admin', {
      [`GET ${Routes.users.list}`]: () => json(200, { items: [listItem(target)], nextCursor: null }),
    });
    const user = userEvent.setup();
    renderApp('/verwaltung/personen');

    expect(await screen.findByRole('link', { name: 'Petra Partner' })).toHaveAttribute('href', `/verwaltung/personen/${target.id}`);
    expect(server.callsTo(`GET ${Routes.users.list}`)[0]!.query.get('status')).toBe('all');

    await user.type(screen.getByLabelText('Suche'), 'petra');
    await user.selectOptions(screen.getByLabelText('Rolle'), 'Partner*in');
    const organisation = screen.getByLabelText('Organisation');
    await within(organisation).findByRole('option', { name: 'Caritas Halle' });
    await user.selectOptions(organisation, 'Caritas Halle');
    await user.selectOptions(screen.getByLabelText('Status'), 'Deaktiviert');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));

    await waitFor(() => {
      const last = server.callsTo(`GET ${Routes.users.list}`).at(-1)!;
      expect(Object.fromEntries(last.query)).toEqual({
        q: 'petra',
        role: 'partner',
        organisationId: 'org-2',
        status: 'disabled',
        limit: '50',
      });
    });
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/verwaltung/personen?q=petra&role=partner&organisationId=org-2&status=disabled',
    );
  });

  it('loads further pages with the cursor', async () => {
    const second = makeUser({ id: '33333333-3333-4333-8333-333333333333', displayName: 'Zweite Person', handle: 'zweite' });
    const server = serve('admin', {
      [`GET ${Routes.users.list}`]: (call) =>
        call.query.get('cursor') === 'next-1'
          ? json(200, { items: [listItem(second)], nextCursor: null })
          : json(200, { items: [listItem(target)], nextCursor: 'next-1' }),
    });
    const user = userEvent.setup();
    renderApp('/verwaltung/personen');

    await user.click(await screen.findByRole('button', { name: 'Weitere laden' }));
    expect(await screen.findByRole('link', { name: 'Zweite Person' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Petra Partner' })).toBeInTheDocument();
    expect(server.callsTo(`GET ${Routes.users.list}`).map((c) => c.query.get('cursor'))).toEqual([null, 'next-1']);
    expect(screen.queryByRole('button', { name: 'Weitere laden' })).not.toBeInTheDocument();
  });
});

describe('Person page', () => {
  function servePerson() {
    let current = target;
    return serve('admin', {
      [`GET ${Routes.users.one(target.id)}`]: () => json(200, current),
      [`PATCH ${Routes.users.one(target.id)}`]: (call) => {
        current = { ...current, ...(call.body as Partial<UserDto>) };
        return json(200, current);
      },
    });
  }

  it('disables only after a confirmation that says the sessions end at once', async () => {
    const server = servePerson();
    const user = userEvent.setup();
    renderApp(`/verwaltung/personen/${target.id}`);

    await user.click(await screen.findByRole('button', { name: 'Konto deaktivieren' }));
    const dialog = screen.getByRole('dialog', { name: 'Konto deaktivieren?' });
    expect(dialog).toHaveTextContent('Alle Sitzungen werden sofort beendet');
    expect(server.callsTo(`PATCH ${Routes.users.one(target.id)}`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(server.callsTo(`PATCH ${Routes.users.one(target.id)}`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Konto deaktivieren' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ja, deaktivieren' }));

    expect(await screen.findByText('Das Konto wurde deaktiviert. Alle Sitzungen wurden beendet.')).toHaveAttribute('role', 'status');
    expect(server.callsTo(`PATCH ${Routes.users.one(target.id)}`).map((c) => c.body)).toEqual([{ status: 'disabled' }]);
    expect(await screen.findByRole('button', { name: 'Konto wieder aktivieren' })).toBeInTheDocument();
  });

  it('changes the role after confirming, and refuses an unchanged value without a request', async () => {
    const server = servePerson();
    const user = userEvent.setup();
    renderApp(`/verwaltung/personen/${target.id}`);

    await user.click(await screen.findByRole('button', { name: 'Rolle ändern' }));
    expect(screen.getByLabelText('Rolle')).toHaveAccessibleDescription('Bitte wählen Sie einen anderen Wert als den bisherigen.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Rolle'), 'Berater*in');
    await user.click(screen.getByRole('button', { name: 'Rolle ändern' }));
    const dialog = screen.getByRole('dialog', { name: 'Rolle ändern?' });
    expect(dialog).toHaveTextContent('Petra Partner erhält die Rolle „Berater*in“');
    await user.click(within(dialog).getByRole('button', { name: 'Ja, ändern' }));

    expect(await screen.findByText('Die Rolle wurde in „Berater*in“ geändert.')).toBeInTheDocument();
    expect(server.callsTo(`PATCH ${Routes.users.one(target.id)}`).map((c) => c.body)).toEqual([{ role: 'advisor' }]);
  });

  it('shows the API’s refusal as an error message', async () => {
    serve('admin', {
      [`GET ${Routes.users.one(target.id)}`]: () => json(200, target),
      [`PATCH ${Routes.users.one(target.id)}`]: () => json(403, { statusCode: 403, code: 'FORBIDDEN', message: 'no', correlationId: 'c' }),
    });
    const user = userEvent.setup();
    renderApp(`/verwaltung/personen/${target.id}`);
    await user.click(await screen.findByRole('button', { name: 'Konto deaktivieren' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ja, deaktivieren' }));
    expect(await screen.findByText('Dazu fehlen Ihnen die Berechtigungen.')).toHaveAttribute('role', 'alert');
    expect(screen.queryByText('Das Konto wurde deaktiviert. Alle Sitzungen wurden beendet.')).not.toBeInTheDocument();
  });
});

describe('Einladungen', () => {
  const invitation: InvitationDto = {
    id: 'inv-1',
    email: 'neu@example.org',
    role: 'partner',
    organisation: organisations.items[1] as InvitationDto['organisation'],
    invitedBy: { id: 'u1', displayName: 'Anna Schmidt' },
    status: 'pending',
    expiresAt: '2026-12-01T10:00:00.000Z',
    createdAt: '2026-11-24T10:00:00.000Z',
  };

  it('resends and revokes only after a confirmation', async () => {
    const server = serve('coordinator', {
      [`GET ${Routes.invitations.list}`]: () => json(200, { items: [invitation], nextCursor: null }),
      [`POST ${Routes.invitations.resend('inv-1')}`]: () => json(200, { ...invitation, link: 'http://localhost/einladung/neu' }),
      [`DELETE ${Routes.invitations.revoke('inv-1')}`]: () => json(204),
    });
    const user = userEvent.setup();
    renderApp('/verwaltung/einladungen');

    await user.click(await screen.findByRole('button', { name: 'Einladung an neu@example.org erneut senden' }));
    const dialog = screen.getByRole('dialog', { name: 'Einladung erneut senden?' });
    expect(dialog).toHaveTextContent('Der bisher verschickte Link funktioniert danach nicht mehr.');
    expect(server.callsTo(`POST ${Routes.invitations.resend('inv-1')}`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Ja, erneut senden' }));
    expect(await screen.findByText('Die Einladung an neu@example.org wurde erneut gesendet.')).toBeInTheDocument();
    expect(screen.getByTestId('resent-invitation-link')).toHaveValue('http://localhost/einladung/neu');

    await user.click(screen.getByRole('button', { name: 'Einladung an neu@example.org zurückziehen' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Einladung zurückziehen?' })).getByRole('button', { name: 'Abbrechen' }));
    expect(server.callsTo(`DELETE ${Routes.invitations.revoke('inv-1')}`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Einladung an neu@example.org zurückziehen' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ja, zurückziehen' }));
    expect(await screen.findByText('Die Einladung an neu@example.org wurde zurückgezogen.')).toBeInTheDocument();
    expect(server.callsTo(`DELETE ${Routes.invitations.revoke('inv-1')}`)).toHaveLength(1);
  });
});

describe('Protokoll', () => {
  const entry = (id: string, overrides: Partial<AuditEntryDto> = {}): AuditEntryDto => ({
    id,
    actor: { id: target.id, displayName: 'Petra Partner', handle: 'petra.partner', role: 'partner' },
    actorId: target.id,
    action: 'auth.login',
    entityType: 'user',
    entityId: target.id,
    ip: '10.0.0.1',
    details: {},
    createdAt: '2026-03-30T12:00:00.000Z',
    ...overrides,
  });

  it('sends the filters to the API, pages with „Weitere laden“ and filters by a clicked person', async () => {
    const server = serve('admin', {
      [`GET ${Routes.admin.auditLog}`]: (call) =>
        call.query.get('cursor') === 'c2'
          ? json(200, { items: [entry('1', { actor: null, actorId: null, action: 'thread.purge' })], nextCursor: null })
          : json(200, { items: [entry('2')], nextCursor: 'c2' }),
    });
    const user = userEvent.setup();
    renderApp('/verwaltung/protokoll');

    expect(await screen.findByText('auth.login')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Weitere laden' }));
    expect(await screen.findByText('thread.purge')).toBeInTheDocument();
    expect(screen.getByText('System')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Aktion'), 'user.');
    await user.selectOptions(screen.getByLabelText('Objekttyp'), 'invitation');
    await user.type(screen.getByLabelText('Von'), '2026-03-01');
    await user.type(screen.getByLabelText('Bis (einschließlich)'), '2026-03-31');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));
    await waitFor(() => {
      const last = server.callsTo(`GET ${Routes.admin.auditLog}`).at(-1)!;
      expect(Object.fromEntries(last.query)).toEqual({
        action: 'user.',
        entityType: 'invitation',
        from: '2026-03-01',
        to: '2026-03-31',
        limit: '50',
      });
    });

    await user.click(screen.getAllByRole('button', { name: 'Petra Partner' })[0]!);
    await waitFor(() => {
      expect(server.callsTo(`GET ${Routes.admin.auditLog}`).at(-1)!.query.get('actor')).toBe(target.id);
    });
    expect(screen.getByTestId('location')).toHaveTextContent(`actor=${target.id}`);
  });

  it('downloads the CSV of the current filters', async () => {
    const server = serve('admin', {
      [`GET ${Routes.admin.auditLog}`]: () => json(200, { items: [entry('2')], nextCursor: null }),
      [`GET ${Routes.admin.auditLogCsv}`]: () =>
        new Response('\uFEFFZeitpunkt;Person\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="protokoll-2026-03-30.csv"' },
        }),
    });
    const createObjectURL = vi.fn(() => 'blob:csv');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderApp('/verwaltung/protokoll?action=user.disable');

    await user.click(await screen.findByRole('button', { name: 'Als CSV exportieren' }));
    await waitFor(() => {
      expect(click).toHaveBeenCalled();
    });
    const call = server.callsTo(`GET ${Routes.admin.auditLogCsv}`)[0]!;
    expect(call.query.get('action')).toBe('user.disable');
    expect(call.authorization).toMatch(/^Bearer /);
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });
});
