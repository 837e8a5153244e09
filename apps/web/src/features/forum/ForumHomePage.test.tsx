import { Routes } from '@treffpunkt/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { fakeFetch, json, makeUser, session } from '../../test/fakeApi';
import { baseRoutes, makeSpace } from '../../test/forumFixtures';
import { renderApp } from '../../test/renderApp';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

describe('forum home', () => {
  it('lists the spaces with visibility and accessible unread badges', async () => {
    const server = fakeFetch({
      ...baseRoutes(),
      [`GET ${Routes.spaces.list}`]: () =>
        json(200, {
          items: [
            makeSpace({ id: 's1', name: 'Anerkennung', unreadThreadCount: 3, threadCount: 7 }),
            makeSpace({ id: 's2', name: 'Team intern', visibility: 'staff', unreadThreadCount: 1 }),
            makeSpace({ id: 's3', name: 'Leitung', visibility: 'private', unreadThreadCount: 0, archived: true }),
          ],
          nextCursor: null,
        }),
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/forum');

    expect(await screen.findByRole('heading', { level: 1, name: 'Forum' })).toBeInTheDocument();
    const region = screen.getByRole('region', { name: 'Bereiche' });
    await within(region).findByRole('link', { name: 'Anerkennung' });
    const items = within(within(region).getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(3);

    const [first, second, third] = items as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(first).getByRole('link', { name: 'Anerkennung' })).toHaveAttribute('href', '/forum/s1');
    expect(within(first).getByText('3 ungelesene Themen')).toBeInTheDocument();
    expect(within(first).getByText('Netzwerk')).toBeInTheDocument();
    expect(within(first).getByText('7 Themen')).toBeInTheDocument();
    expect(within(second).getByText('1 ungelesenes Thema')).toBeInTheDocument();
    expect(within(second).getByText('Mitarbeitende')).toBeInTheDocument();
    expect(within(third).queryByText(/ungelesen/)).toBeNull();
    expect(within(third).getByText('Privat')).toBeInTheDocument();
    expect(within(third).getByText('Archiviert')).toBeInTheDocument();
    // Advisors cannot create spaces.
    expect(screen.queryByRole('button', { name: 'Bereich anlegen' })).toBeNull();
  });

  it('searches and lets coordinators create a space', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.refresh}`]: () => json(200, session(makeUser({ role: 'coordinator' }))),
      [`GET ${Routes.spaces.list}`]: () => json(200, { items: [], nextCursor: null }),
      [`POST ${Routes.spaces.list}`]: (call) => json(201, makeSpace({ id: 'new', ...(call.body as object) })),
      [`GET ${Routes.spaces.one('new')}`]: () => json(200, makeSpace({ id: 'new', name: 'Arbeitsmarkt' })),
      [`GET ${Routes.spaces.threads('new')}`]: () => json(200, { items: [], nextCursor: null }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/forum');

    expect(await screen.findByText('Es gibt noch keine Bereiche, die Sie sehen können.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Bereich anlegen' }));
    await user.type(screen.getByLabelText('Name'), 'Arbeitsmarkt');
    await user.type(screen.getByLabelText('Kürzel für die Adresse (optional)'), 'Falsch Kürzel');
    await user.click(screen.getByRole('button', { name: 'Bereich anlegen' }));
    expect(screen.getByLabelText('Kürzel für die Adresse (optional)')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(screen.getByLabelText('Kürzel für die Adresse (optional)'));
    await user.selectOptions(screen.getByLabelText('Sichtbarkeit'), 'staff');
    await user.click(screen.getByRole('button', { name: 'Bereich anlegen' }));

    expect(await screen.findByText('Der Bereich „Arbeitsmarkt“ wurde angelegt.')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/forum/new');
    expect(server.callsTo(`POST ${Routes.spaces.list}`)[0]?.body).toEqual({ name: 'Arbeitsmarkt', description: '', visibility: 'staff' });
  });

  it('sends the search box to the search page', async () => {
    const server = fakeFetch({
      ...baseRoutes(),
      [`GET ${Routes.spaces.list}`]: () => json(200, { items: [], nextCursor: null }),
      [`GET ${Routes.search}`]: () => json(200, { items: [], nextCursor: null }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/forum');
    await user.type(await screen.findByRole('searchbox', { name: 'Forum durchsuchen' }), 'Pflege');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    // navigation happens after the click's event loop turn; wait for it rather than racing it
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/forum/suche?q=Pflege'));
    expect(await screen.findByText('Keine Treffer für „Pflege“.')).toBeInTheDocument();
  });
});
