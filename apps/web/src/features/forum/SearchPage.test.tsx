import { Routes } from '@treffpunkt/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json } from '../../test/fakeApi';
import { baseRoutes, makeHit, makeSpace } from '../../test/forumFixtures';
import { renderApp } from '../../test/renderApp';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

describe('forum search', () => {
  it('renders hits with only <mark> as markup and links posts to their anchor', async () => {
    const server = fakeFetch({
      ...baseRoutes(),
      [`GET ${Routes.spaces.list}`]: () => json(200, { items: [makeSpace()], nextCursor: null }),
      [`GET ${Routes.search}`]: () =>
        json(200, {
          items: [
            makeHit({
              type: 'posts',
              postId: 'p7',
              postSeq: 7,
              pseudonymCode: 'F-2026-0042',
              snippet: 'Vorsicht &lt;script&gt;alert(1)&lt;/script&gt; bei der <mark>Anerkennung</mark> <script>alert(2)</script>',
            }),
          ],
          nextCursor: null,
        }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/forum/suche?q=Anerkennung');

    const results = await screen.findByRole('region', { name: 'Ergebnisse' });
    const link = await within(results).findByRole('link', { name: /Anerkennung Pflegefachkräfte/ });
    expect(link).toHaveAttribute('href', '/forum/thema/thread-1#beitrag-7');
    const hit = link.closest('li') as HTMLElement;
    expect(within(hit).getByText('F-2026-0042')).toBeInTheDocument();
    expect(hit.querySelectorAll('mark')).toHaveLength(1);
    expect(hit.querySelector('mark')).toHaveTextContent('Anerkennung');
    expect(document.querySelector('main script')).toBeNull();
    expect(hit).toHaveTextContent('Vorsicht <script>alert(1)</script> bei der Anerkennung <script>alert(2)</script>');
    expect(hit).toHaveTextContent('Anerkennung · Anna Schmidt');
    expect(server.callsTo(`GET ${Routes.search}`)[0]?.query.get('type')).toBe('threads');

    await user.click(screen.getByRole('radio', { name: 'Beiträge' }));
    await vi.waitFor(() => expect(server.callsTo(`GET ${Routes.search}`).at(-1)?.query.get('type')).toBe('posts'));
    expect(screen.getByRole('searchbox', { name: 'Suchbegriff' })).toHaveValue('Anerkennung');
  });

  it('shows an empty state and the error for an invalid query', async () => {
    const server = fakeFetch({
      ...baseRoutes(),
      [`GET ${Routes.spaces.list}`]: () => json(200, { items: [], nextCursor: null }),
      [`GET ${Routes.search}`]: [() => json(200, { items: [], nextCursor: null }), () => apiError(400, 'SEARCH_QUERY_INVALID')],
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/forum/suche?q=Nichts');

    expect(await screen.findByText('Keine Treffer für „Nichts“.')).toBeInTheDocument();
    const box = screen.getByRole('searchbox', { name: 'Suchbegriff' });
    await user.clear(box);
    await user.type(box, '"""');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    expect(await screen.findByText('Diese Suchanfrage ist ungültig. Bitte verwenden Sie andere Suchbegriffe.')).toHaveAttribute(
      'role',
      'alert',
    );
  });

  it('says when a very common word had more matches than were ranked', async () => {
    const server = fakeFetch({
      ...baseRoutes(),
      [`GET ${Routes.spaces.list}`]: () => json(200, { items: [], nextCursor: null }),
      [`GET ${Routes.search}`]: [
        () => json(200, { items: [makeHit({ type: 'posts', postId: 'p1', postSeq: 1 })], nextCursor: 'next', moreThan: 2000 }),
        () => json(200, { items: [makeHit({ type: 'posts', postId: 'p2', postSeq: 2 })], nextCursor: null, moreThan: null }),
      ],
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/forum/suche?q=Stelle&type=posts');
    expect(
      await screen.findByText(
        'Mehr als 2.000 Treffer: gezeigt werden die 2.000 neuesten, die besten zuerst. Mit weiteren Wörtern finden Sie gezielter.',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing of more matches when every match was ranked', async () => {
    const server = fakeFetch({
      ...baseRoutes(),
      [`GET ${Routes.spaces.list}`]: () => json(200, { items: [], nextCursor: null }),
      [`GET ${Routes.search}`]: () =>
        json(200, { items: [makeHit({ type: 'posts', postId: 'p1', postSeq: 1 })], nextCursor: null, moreThan: null }),
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp('/forum/suche?q=Seltenes&type=posts');
    expect(await screen.findByRole('region', { name: 'Ergebnisse' })).toBeInTheDocument();
    await screen.findAllByRole('listitem');
    expect(screen.queryByText(/Mehr als/)).toBeNull();
  });
});
