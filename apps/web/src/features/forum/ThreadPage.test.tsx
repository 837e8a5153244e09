import { Routes, type PostWriteResponse } from '@treffpunkt/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json, makeUser, type Handler } from '../../test/fakeApi';
import { baseRoutes, makePost, makeSpace, makeThread, person, piiError, SPACE_ID, THREAD_ID } from '../../test/forumFixtures';
import { renderApp } from '../../test/renderApp';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

const POSTS = [1, 2, 3, 4].map((seq) =>
  makePost(seq, { author: person({ handle: `autor${String(seq)}`, displayName: `Autor ${String(seq)}` }) }),
);

function threadRoutes(extra: Record<string, Handler | Handler[]> = {}) {
  return {
    ...baseRoutes(),
    [`GET ${Routes.threads.one(THREAD_ID)}`]: () => json(200, makeThread({ lastReadSeq: 2 })),
    [`GET ${Routes.threads.posts(THREAD_ID)}`]: () => json(200, { items: POSTS, nextCursor: null }),
    [`GET ${Routes.spaces.one(SPACE_ID)}`]: () => json(200, makeSpace()),
    [`GET ${Routes.threads.draft(THREAD_ID)}`]: () => apiError(404, 'NOT_FOUND'),
    [`PUT ${Routes.threads.draft(THREAD_ID)}`]: () => json(200, { title: null, body: 'x', updatedAt: '2026-11-25T09:00:00.000Z' }),
    [`DELETE ${Routes.threads.draft(THREAD_ID)}`]: () => json(204),
    ...extra,
  };
}

describe('thread page', () => {
  it('shows the posts in order with a divider before the first one not read before this visit', async () => {
    const server = fakeFetch(threadRoutes());
    vi.stubGlobal('fetch', server.fetch);
    renderApp(`/forum/thema/${THREAD_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Anerkennung Pflegefachkräfte' })).toBeInTheDocument();
    const articles = await screen.findAllByRole('article', { name: /^Beitrag #/ });
    expect(articles.map((article) => article.id)).toEqual(['beitrag-1', 'beitrag-2', 'beitrag-3', 'beitrag-4']);
    const divider = screen.getByText('Neu seit Ihrem letzten Besuch');
    // The divider sits right before post #3.
    expect(divider.compareDocumentPosition(articles[2] as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(divider.compareDocumentPosition(articles[1] as Node) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    // The thread is read first, so lastReadSeq is from before this visit.
    const order = server.calls.map((call) => call.path);
    expect(order.indexOf(Routes.threads.one(THREAD_ID))).toBeLessThan(order.indexOf(Routes.threads.posts(THREAD_ID)));
    expect(within(articles[0] as HTMLElement).getByText('Beitrag 1').tagName).toBe('P');
    expect(screen.getByRole('link', { name: 'Anerkennung' })).toHaveAttribute('href', `/forum/${SPACE_ID}`);
  });

  it('disables the reply composer with a notice when the thread is locked', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(threadRoutes({ [`GET ${Routes.threads.one(THREAD_ID)}`]: () => json(200, makeThread({ locked: true })) })).fetch,
    );
    renderApp(`/forum/thema/${THREAD_ID}`);

    expect(await screen.findByText('Dieses Thema ist gesperrt. Neue Antworten sind nicht möglich.')).toBeInTheDocument();
    expect(screen.getByText('Gesperrt')).toBeInTheDocument();
    expect(screen.getByLabelText('Text')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Antwort senden' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Antworten' })).toBeNull();
  });

  it('says clearly when the thread was locked meanwhile (409 THREAD_LOCKED)', async () => {
    const server = fakeFetch(
      threadRoutes({
        [`POST ${Routes.threads.posts(THREAD_ID)}`]: () => apiError(409, 'THREAD_LOCKED'),
        [`GET ${Routes.threads.one(THREAD_ID)}`]: [() => json(200, makeThread()), () => json(200, makeThread({ locked: true }))],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/thema/${THREAD_ID}`);
    await user.type(await screen.findByLabelText('Text'), 'Meine Antwort');
    await user.click(screen.getByRole('button', { name: 'Antwort senden' }));

    expect(await screen.findByText('Dieses Thema ist gesperrt. Es können keine neuen Beiträge verfasst werden.')).toBeInTheDocument();
    // The thread is reloaded and the composer follows the new state.
    expect(await screen.findByText('Dieses Thema ist gesperrt. Neue Antworten sind nicht möglich.')).toBeInTheDocument();
    expect(screen.getByLabelText('Text')).toBeDisabled();
  });

  it('replies to and quotes a post, and tells which mentions were not linked', async () => {
    const reply: PostWriteResponse = {
      post: makePost(5),
      unlinkedMentions: [
        { handle: 'unbekannt', reason: 'unknown' },
        { handle: 'extern', reason: 'cannot_see_space' },
      ],
    };
    const mine = makePost(5, { createdAt: '2026-11-25T09:00:00.000Z' });
    const server = fakeFetch(
      threadRoutes({
        [`GET ${Routes.threads.one(THREAD_ID)}`]: () => json(200, makeThread({ lastReadSeq: 4 })),
        [`GET ${Routes.threads.posts(THREAD_ID)}`]: [
          () => json(200, { items: POSTS, nextCursor: null }),
          () => json(200, { items: [...POSTS, mine], nextCursor: null }),
        ],
        [`POST ${Routes.threads.posts(THREAD_ID)}`]: () => json(201, reply),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/thema/${THREAD_ID}`);

    const second = await screen.findByRole('article', { name: 'Beitrag #2 von Autor 2' });
    await user.click(within(second).getByRole('button', { name: 'Antworten' }));
    const text = screen.getByLabelText('Text');
    expect(text).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Antwort auf #2 von Autor 2' })).toBeInTheDocument();

    await user.click(within(second).getByRole('button', { name: 'Zitieren' }));
    expect(text).toHaveValue('@autor2 schrieb:\n> Beitrag 2\n\n');
    await user.type(text, 'Danke @unbekannt @extern');
    await user.click(screen.getByRole('button', { name: 'Antwort senden' }));

    expect(
      await screen.findByText(
        'Ihre Antwort wurde veröffentlicht. Diese Erwähnungen wurden nicht verlinkt: @unbekannt (unbekannt), @extern (kann diesen Bereich nicht sehen).',
      ),
    ).toHaveAttribute('role', 'status');
    const call = server.callsTo(`POST ${Routes.threads.posts(THREAD_ID)}`)[0];
    expect(call?.body).toEqual({ body: '@autor2 schrieb:\n> Beitrag 2\n\nDanke @unbekannt @extern', replyToPostId: 'post-2' });
    expect(text).toHaveValue('');
    // The own reply appears, without a "new since your last visit" divider.
    expect(await screen.findByRole('article', { name: 'Beitrag #5 von Anna Schmidt' })).toBeInTheDocument();
    expect(screen.queryByText('Neu seit Ihrem letzten Besuch')).toBeNull();
  });

  it('deletes a post after confirmation; it stays in place as deleted', async () => {
    const mine = makePost(2, { permissions: { edit: true, delete: true } });
    const server = fakeFetch(
      threadRoutes({
        [`GET ${Routes.threads.posts(THREAD_ID)}`]: [
          () => json(200, { items: [makePost(1), mine], nextCursor: null }),
          () => json(200, { items: [makePost(1), { ...mine, deleted: true, body: '', html: '' }], nextCursor: null }),
        ],
        [`DELETE ${Routes.posts.one('post-2')}`]: () => json(204),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/thema/${THREAD_ID}`);

    const post = await screen.findByRole('article', { name: /Beitrag #2/ });
    await user.click(within(post).getByRole('button', { name: 'Löschen' }));
    const dialog = screen.getByRole('dialog', { name: 'Beitrag löschen?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Löschen' }));

    expect(await screen.findByText('Dieser Beitrag wurde gelöscht.')).toBeInTheDocument();
    expect(server.callsTo(`DELETE ${Routes.posts.one('post-2')}`)).toHaveLength(1);
    expect(screen.getByRole('article', { name: /Beitrag #2/ })).toBeInTheDocument();
  });

  it('shows case code, deletion date and moderator actions', async () => {
    const server = fakeFetch(
      threadRoutes({
        [`GET ${Routes.threads.one(THREAD_ID)}`]: () =>
          json(
            200,
            makeThread({
              kind: 'case',
              pseudonymCode: 'F-2026-0042',
              retentionUntil: '2028-11-20T09:00:00.000Z',
              permissions: { reply: true, moderate: true, edit: true },
            }),
          ),
        [`PATCH ${Routes.threads.one(THREAD_ID)}`]: (call) =>
          json(200, makeThread({ kind: 'case', permissions: { reply: true, moderate: true, edit: true }, ...(call.body as object) })),
        [`PUT ${Routes.threads.legalHold(THREAD_ID)}`]: () => json(204),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/thema/${THREAD_ID}`);

    expect(await screen.findByText('F-2026-0042')).toBeInTheDocument();
    expect(screen.getByText('Wird am 20.11.2028 gelöscht')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Anheften' }));
    expect(await screen.findByText('Das Thema wurde angeheftet.')).toBeInTheDocument();
    expect(server.callsTo(`PATCH ${Routes.threads.one(THREAD_ID)}`)[0]?.body).toEqual({ pinned: true });
    expect(screen.getByRole('button', { name: 'Lösen' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Grund der Löschsperre'), 'Verfahren beim Sozialgericht');
    await user.click(screen.getByRole('button', { name: 'Löschsperre setzen' }));
    expect(await screen.findByText('Die Löschsperre wurde gesetzt.')).toBeInTheDocument();
    expect(server.callsTo(`PUT ${Routes.threads.legalHold(THREAD_ID)}`)[0]?.body).toEqual({ reason: 'Verfahren beim Sozialgericht' });
  });
});

describe('personal-data check', () => {
  it('lists the findings in a modal dialog and resends with acknowledgePii', async () => {
    const body = 'Frau K. erreichen Sie unter k@example.org oder 0171 2345678.';
    const server = fakeFetch(
      threadRoutes({
        [`POST ${Routes.threads.posts(THREAD_ID)}`]: [
          () =>
            piiError([
              { kind: 'email', start: 31, end: 44, text: 'k@example.org', field: 'body' },
              { kind: 'phone', start: 49, end: 61, text: '0171 2345678', field: 'body' },
            ]),
          () => json(201, { post: makePost(5), unlinkedMentions: [] } satisfies PostWriteResponse),
        ],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/thema/${THREAD_ID}`);
    await user.type(await screen.findByLabelText('Text'), body);
    await user.click(screen.getByRole('button', { name: 'Antwort senden' }));

    const dialog = await screen.findByRole('dialog', { name: 'Mögliche personenbezogene Daten' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByText('E-Mail-Adresse').closest('li')).toHaveTextContent('E-Mail-Adresse im Text: k@example.org');
    expect(within(dialog).getByText('Telefonnummer').closest('li')).toHaveTextContent('Telefonnummer im Text: 0171 2345678');

    // Focus is trapped inside the dialog.
    const edit = within(dialog).getByRole('button', { name: 'Bearbeiten' });
    const anyway = within(dialog).getByRole('button', { name: 'Trotzdem speichern' });
    expect(edit).toHaveFocus();
    await user.tab();
    expect(anyway).toHaveFocus();
    await user.tab();
    expect(edit).toHaveFocus();

    await user.click(anyway);
    expect(await screen.findByText('Ihre Antwort wurde veröffentlicht.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    const [first, second] = server.callsTo(`POST ${Routes.threads.posts(THREAD_ID)}`);
    expect(first?.body).toEqual({ body });
    expect(second?.body).toEqual({ body, acknowledgePii: true });
    // Nothing was stored by the first attempt: the second one is a new submission.
    expect(second?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(second?.headers.get('Idempotency-Key')).not.toBe(first?.headers.get('Idempotency-Key'));
  });

  it('"Bearbeiten" closes the dialog and selects the first finding; Escape closes too', async () => {
    const body = 'Geboren am 01.02.1990, wohnt in Halle.';
    const server = fakeFetch(
      threadRoutes({
        [`POST ${Routes.threads.posts(THREAD_ID)}`]: () =>
          piiError([{ kind: 'birth_date', start: 11, end: 21, text: '01.02.1990', field: 'body' }]),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/thema/${THREAD_ID}`);
    const text = await screen.findByLabelText<HTMLTextAreaElement>('Text');
    await user.type(text, body);
    await user.click(screen.getByRole('button', { name: 'Antwort senden' }));

    const dialog = await screen.findByRole('dialog', { name: 'Mögliche personenbezogene Daten' });
    expect(within(dialog).getByText('Geburtsdatum')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Bearbeiten' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(text).toHaveFocus());
    expect(text.value.slice(text.selectionStart, text.selectionEnd)).toBe('01.02.1990');

    await user.click(screen.getByRole('button', { name: 'Antwort senden' }));
    await screen.findByRole('dialog', { name: 'Mögliche personenbezogene Daten' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      server
        .callsTo(`POST ${Routes.threads.posts(THREAD_ID)}`)
        .every((call) => !(call.body as { acknowledgePii?: boolean }).acknowledgePii),
    ).toBe(true);
  });
});

describe('live posts', () => {
  const event = (seq: number, authorId = 'someone-else') => ({ threadId: THREAD_ID, postId: `post-${String(seq)}`, seq, authorId });

  it('joins the thread room, counts posts by others and loads them on request, focusing the first new one', async () => {
    const later = [5, 6].map((seq) =>
      makePost(seq, { author: person({ id: 'someone-else', displayName: 'Bernd Weber', handle: 'bernd' }) }),
    );
    const server = fakeFetch(
      threadRoutes({
        [`GET ${Routes.threads.posts(THREAD_ID)}`]: [
          () => json(200, { items: POSTS, nextCursor: null }),
          () => json(200, { items: [...POSTS, ...later], nextCursor: null }),
        ],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    const { sockets } = renderApp(`/forum/thema/${THREAD_ID}`);
    await screen.findByRole('article', { name: 'Beitrag #4 von Autor 4' });
    const socket = sockets.last;
    socket.accept();
    expect(socket.sent('thread:join')).toEqual([{ threadId: THREAD_ID }]);

    socket.serverEmit('thread:post-created', event(5));
    expect(screen.getByRole('button', { name: '1 neuer Beitrag' })).toBeInTheDocument();
    socket.serverEmit('thread:post-created', event(6));
    socket.serverEmit('thread:post-created', { ...event(9), threadId: 'another-thread' });
    const button = screen.getByRole('button', { name: '2 neue Beiträge' });
    expect(button.closest('[role="status"]')).not.toBeNull();
    // Nothing was loaded yet: the reader decides.
    expect(server.callsTo(`GET ${Routes.threads.posts(THREAD_ID)}`)).toHaveLength(1);

    await user.click(button);
    const first = await screen.findByRole('article', { name: 'Beitrag #5 von Bernd Weber' });
    expect(screen.getByRole('article', { name: 'Beitrag #6 von Bernd Weber' })).toBeInTheDocument();
    await waitFor(() => expect(first).toHaveFocus());
    expect(screen.queryByRole('button', { name: /neue[r]? Beitr/ })).toBeNull();

    // After a reconnect the room is joined again; leaving the page leaves it.
    socket.drop();
    socket.accept();
    expect(socket.sent('thread:join')).toHaveLength(2);
    await user.click(screen.getByRole('link', { name: 'Forum', current: false }));
    await waitFor(() => expect(socket.sent('thread:leave')).toEqual([{ threadId: THREAD_ID }]));
  });

  it('refetches quietly for own posts and edits, without a button', async () => {
    const server = fakeFetch(threadRoutes());
    vi.stubGlobal('fetch', server.fetch);
    const { sockets } = renderApp(`/forum/thema/${THREAD_ID}`);
    await screen.findByRole('article', { name: 'Beitrag #4 von Autor 4' });
    sockets.last.accept();

    sockets.last.serverEmit('thread:post-created', event(5, makeUser().id));
    await waitFor(() => expect(server.callsTo(`GET ${Routes.threads.posts(THREAD_ID)}`)).toHaveLength(2));
    sockets.last.serverEmit('thread:post-updated', event(2));
    await waitFor(() => expect(server.callsTo(`GET ${Routes.threads.posts(THREAD_ID)}`)).toHaveLength(3));
    expect(screen.queryByRole('button', { name: /neue[r]? Beitr/ })).toBeNull();
  });
});
