import {
  Routes,
  type OrganisationListItemDto,
  type OrganisationProfileDto,
  type Page,
  type Role,
  type UserListItemDto,
} from '@treffpunkt/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { fakeFetch, json, makeUser, session, type Handler } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

const ORG_ID = '22222222-2222-4222-8222-222222222222';
const PERSON_ID = '33333333-3333-4333-8333-333333333333';

const person = (overrides: Partial<UserListItemDto> = {}): UserListItemDto => ({
  id: PERSON_ID,
  displayName: 'Anna Müller',
  handle: 'anna.mueller',
  role: 'advisor',
  organisation: { id: ORG_ID, name: 'Servicestelle Köthen', type: 'service_point', city: 'Köthen' },
  email: 'anna@example.org',
  phone: '0391 123 45',
  status: 'active',
  languages: ['Deutsch', 'Dari'],
  expertise: ['Pflege-Anerkennung'],
  ...overrides,
});

const organisationRow = (overrides: Partial<OrganisationListItemDto> = {}): OrganisationListItemDto => ({
  id: ORG_ID,
  name: 'Servicestelle Köthen',
  type: 'service_point',
  city: 'Köthen',
  fieldsOfAction: ['recognition'],
  targetGroups: ['migrants'],
  archived: false,
  ...overrides,
});

const profile = (overrides: Partial<OrganisationProfileDto> = {}): OrganisationProfileDto => ({
  ...organisationRow(),
  description: 'Anerkennungsberatung',
  address: 'Markt 1',
  postcode: '06366',
  website: 'https://example.org',
  email: 'info@example.org',
  phone: '03496 1',
  contactPersonIds: [PERSON_ID],
  createdAt: '2026-01-01T00:00:00.000Z',
  contactPersons: [{ ...person(), email: 'anna@example.org', phone: '0391 123 45' }],
  members: [person()],
  memberCount: 1,
  spaces: [{ id: 'space-1', name: 'Netzwerk-Forum', slug: 'netzwerk', visibility: 'network' }],
  canManage: false,
  ...overrides,
});

const page = <T,>(items: T[], nextCursor: string | null = null): Page<T> => ({ items, nextCursor });

function routes(role: Role = 'advisor', extra: Record<string, Handler | Handler[]> = {}) {
  return fakeFetch({
    [`POST ${Routes.auth.refresh}`]: () => json(200, session(makeUser({ role }))),
    [`GET ${Routes.users.list}`]: () => json(200, page([person()])),
    [`GET ${Routes.organisations.list}`]: () => json(200, page([organisationRow()])),
    ...extra,
  });
}

describe('Verzeichnis: people', () => {
  it('puts filters into the query string and asks the API with them', async () => {
    const api = routes();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderApp('/verzeichnis/personen');
    expect(await screen.findByRole('heading', { level: 1, name: 'Personen' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Anna Müller' })).toHaveAttribute('href', `/verzeichnis/personen/${PERSON_ID}`);

    await user.type(screen.getByRole('textbox', { name: /^Sprache/ }), 'Dari');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rolle' }), 'partner');
    await waitFor(() => {
      const [path, search] = (screen.getByTestId('location').textContent ?? '').split('?');
      expect(path).toBe('/verzeichnis/personen');
      expect(Object.fromEntries(new URLSearchParams(search))).toEqual({ language: 'Dari', role: 'partner' });
    });
    await waitFor(() => {
      const last = api.callsTo(`GET ${Routes.users.list}`).at(-1)!;
      expect(last.query.get('language')).toBe('Dari');
      expect(last.query.get('role')).toBe('partner');
    });
    expect(screen.getByText('1 Person gefunden')).toBeInTheDocument();
  });

  it('reads its filters from a shared link and loads further pages', async () => {
    const api = routes('advisor', {
      [`GET ${Routes.users.list}`]: (call) =>
        json(200, call.query.get('cursor') ? page([person({ id: 'p2', displayName: 'Bea Weiß' })]) : page([person()], 'next')),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderApp('/verzeichnis/personen?expertise=pflege&q=muell');
    expect(await screen.findByRole('link', { name: 'Anna Müller' })).toBeInTheDocument();
    const first = api.callsTo(`GET ${Routes.users.list}`)[0]!;
    expect(first.query.get('expertise')).toBe('pflege');
    expect(first.query.get('q')).toBe('muell');
    expect(screen.getByRole('searchbox', { name: /^Suche/ })).toHaveValue('muell');
    expect(screen.getByText('Mehr als 1 Personen gefunden')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Weitere laden' }));
    expect(await screen.findByRole('link', { name: 'Bea Weiß' })).toBeInTheDocument();
    expect(api.callsTo(`GET ${Routes.users.list}`).at(-1)!.query.get('cursor')).toBe('next');
  });

  it('shows a person with mailto: and tel: links', async () => {
    vi.stubGlobal(
      'fetch',
      routes('partner', { [`GET ${Routes.users.one(PERSON_ID)}`]: () => json(200, makeUser({ ...person(), bio: 'Ich berate.' })) }).fetch,
    );
    renderApp(`/verzeichnis/personen/${PERSON_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Müller' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'E-Mail an Anna Müller schreiben' })).toHaveAttribute('href', 'mailto:anna@example.org');
    expect(screen.getByRole('link', { name: 'Anna Müller anrufen' })).toHaveAttribute('href', 'tel:039112345');
    expect(screen.getByText('Deutsch, Dari')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Servicestelle Köthen' })).toHaveAttribute('href', `/verzeichnis/organisationen/${ORG_ID}`);
  });
});

describe('Verzeichnis: who can help', () => {
  it('asks nothing until a language or expertise is given, then shows results live', async () => {
    const api = routes();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderApp('/verzeichnis/wer-hilft');
    expect(await screen.findByRole('heading', { level: 1, name: 'Wer kann helfen?' })).toBeInTheDocument();
    expect(api.callsTo(`GET ${Routes.users.list}`)).toHaveLength(0);
    await user.type(screen.getByRole('textbox', { name: /^Fachgebiet/ }), 'Pflege');
    expect(await screen.findByRole('link', { name: 'Anna Müller' })).toBeInTheDocument();
    expect(api.callsTo(`GET ${Routes.users.list}`).at(-1)!.query.get('expertise')).toBe('Pflege');
    expect(screen.getByTestId('location').textContent).toBe('/verzeichnis/wer-hilft?expertise=Pflege');
  });
});

describe('Verzeichnis: organisations', () => {
  it('filters by type and field of action through the query string', async () => {
    const api = routes();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderApp('/verzeichnis/organisationen');
    expect(await screen.findByRole('link', { name: 'Servicestelle Köthen' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Neue Organisation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Archivierte Organisationen anzeigen' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Art' }), 'business');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Handlungsfeld' }), 'health_care');
    await waitFor(() => {
      expect(screen.getByTestId('location').textContent).toBe('/verzeichnis/organisationen?type=business&field=health_care');
    });
    await waitFor(() => {
      const last = api.callsTo(`GET ${Routes.organisations.list}`).at(-1)!;
      expect([last.query.get('type'), last.query.get('field')]).toEqual(['business', 'health_care']);
    });
  });

  it('offers coordinators a new organisation and archived ones', async () => {
    vi.stubGlobal('fetch', routes('coordinator').fetch);
    renderApp('/verzeichnis/organisationen');
    expect(await screen.findByRole('link', { name: 'Neue Organisation' })).toHaveAttribute('href', '/verzeichnis/organisationen/neu');
    expect(screen.getByRole('checkbox', { name: 'Archivierte Organisationen anzeigen' })).toBeInTheDocument();
  });

  it('shows a profile with contact persons, members and spaces, without admin actions for advisors', async () => {
    vi.stubGlobal('fetch', routes('advisor', { [`GET ${Routes.organisations.one(ORG_ID)}`]: () => json(200, profile()) }).fetch);
    renderApp(`/verzeichnis/organisationen/${ORG_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Servicestelle Köthen/ })).toBeInTheDocument();
    const contacts = screen.getByRole('region', { name: 'Ansprechpersonen' });
    expect(within(contacts).getByRole('link', { name: 'anna@example.org' })).toHaveAttribute('href', 'mailto:anna@example.org');
    expect(within(screen.getByRole('region', { name: 'Bereiche' })).getByRole('link', { name: 'Netzwerk-Forum' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Bearbeiten' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archivieren' })).not.toBeInTheDocument();
  });

  it('archives after a confirmation for those who may manage it', async () => {
    const api = routes('admin', {
      [`GET ${Routes.organisations.one(ORG_ID)}`]: () => json(200, profile({ canManage: true })),
      [`POST ${Routes.organisations.archive(ORG_ID)}`]: () => json(200, profile({ canManage: true, archived: true })),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderApp(`/verzeichnis/organisationen/${ORG_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Archivieren' }));
    const dialog = screen.getByRole('dialog', { name: '„Servicestelle Köthen“ archivieren?' });
    await user.click(within(dialog).getByRole('button', { name: 'Archivieren' }));
    expect(await screen.findByText('Die Organisation wurde archiviert.')).toBeInTheDocument();
    expect(api.callsTo(`POST ${Routes.organisations.archive(ORG_ID)}`)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Wiederherstellen' })).toBeInTheDocument();
  });

  it('edits an organisation: checks the postcode first, then sends the changes', async () => {
    const api = routes('admin', {
      [`GET ${Routes.organisations.one(ORG_ID)}`]: () => json(200, profile({ canManage: true })),
      [`PATCH ${Routes.organisations.one(ORG_ID)}`]: (call) => json(200, profile({ canManage: true, ...(call.body as object) })),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderApp(`/verzeichnis/organisationen/${ORG_ID}/bearbeiten`);
    const postcode = await screen.findByRole('textbox', { name: 'Postleitzahl' });
    await user.clear(postcode);
    await user.type(postcode, '123');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Bitte geben Sie eine Postleitzahl aus fünf Ziffern ein.')).toBeInTheDocument();
    expect(api.callsTo(`PATCH ${Routes.organisations.one(ORG_ID)}`)).toHaveLength(0);

    await user.clear(postcode);
    await user.type(postcode, '06366');
    await user.click(screen.getByRole('checkbox', { name: 'Integration' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => {
      expect(screen.getByTestId('location').textContent).toBe(`/verzeichnis/organisationen/${ORG_ID}`);
    });
    const body = api.callsTo(`PATCH ${Routes.organisations.one(ORG_ID)}`)[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ postcode: '06366', fieldsOfAction: ['recognition', 'integration'], contactPersonIds: [PERSON_ID] });
  });

  it('does not offer the organisation form to advisors', async () => {
    vi.stubGlobal('fetch', routes('advisor').fetch);
    renderApp('/verzeichnis/organisationen/neu');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeInTheDocument();
  });
});

describe('Verzeichnis: overview', () => {
  it('searches people and organisations with one box', async () => {
    const api = routes();
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    renderApp('/verzeichnis');
    await user.type(await screen.findByRole('searchbox', { name: 'Personen und Organisationen suchen' }), 'koethen');
    expect(await screen.findByRole('link', { name: 'Anna Müller' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Servicestelle Köthen' }).length).toBeGreaterThan(0);
    expect(api.callsTo(`GET ${Routes.users.list}`).at(-1)!.query.get('q')).toBe('koethen');
    expect(api.callsTo(`GET ${Routes.organisations.list}`).at(-1)!.query.get('q')).toBe('koethen');
  });
});
