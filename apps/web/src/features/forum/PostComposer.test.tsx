import { Routes, type CreateThreadResponse, type DraftDto } from '@treffpunkt/contracts';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json, type Handler } from '../../test/fakeApi';
import { baseRoutes, makePost, makeSpace, makeThread, person, SPACE_ID } from '../../test/forumFixtures';
import { renderApp } from '../../test/renderApp';

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

function spaceRoutes(extra: Record<string, Handler | Handler[]> = {}) {
  return {
    ...baseRoutes(),
    [`GET ${Routes.spaces.one(SPACE_ID)}`]: () =>
      json(200, makeSpace({ permissions: { post: true, moderate: false, manage: false, createCase: true, createAnnouncement: false } })),
    [`GET ${Routes.spaces.threads(SPACE_ID)}`]: () => json(200, { items: [], nextCursor: null }),
    [`GET ${Routes.spaces.draft(SPACE_ID)}`]: () => apiError(404, 'NOT_FOUND'),
    [`PUT ${Routes.spaces.draft(SPACE_ID)}`]: (call: { body: unknown }) =>
      json(200, { title: null, body: '', ...(call.body as object), updatedAt: '2026-11-25T09:00:00.000Z' } satisfies DraftDto),
    [`DELETE ${Routes.spaces.draft(SPACE_ID)}`]: () => json(204),
    [`GET ${Routes.spaces.mentionable(SPACE_ID)}`]: () =>
      json(200, [
        person({ id: 'u-anna', displayName: 'Anna Schmidt', handle: 'anna.schmidt' }),
        person({ id: 'u-anton', displayName: 'Anton Berg', handle: 'anton.berg' }),
      ]),
    ...extra,
  };
}

async function openComposer(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Neues Thema' }));
  return screen.findByLabelText('Text');
}

describe('composer', () => {
  it('inserts Markdown from the toolbar around the selection', async () => {
    vi.stubGlobal('fetch', fakeFetch(spaceRoutes()).fetch);
    const user = userEvent.setup();
    renderApp(`/forum/${SPACE_ID}`);
    const text = (await openComposer(user)) as HTMLTextAreaElement;
    await user.type(text, 'wichtig');
    text.setSelectionRange(0, 7);

    const toolbar = screen.getByRole('toolbar', { name: 'Formatierung' });
    await user.click(within(toolbar).getByRole('button', { name: 'Fett' }));
    expect(text).toHaveValue('**wichtig**');
    // The formatted word stays selected, so a second format wraps it again.
    expect(text.value.slice(text.selectionStart, text.selectionEnd)).toBe('wichtig');
    await user.click(within(toolbar).getByRole('button', { name: 'Kursiv' }));
    expect(text).toHaveValue('**_wichtig_**');

    text.setSelectionRange(text.value.length, text.value.length);
    await user.type(text, '{Enter}Punkt eins');
    await user.click(within(toolbar).getByRole('button', { name: 'Liste' }));
    expect(text).toHaveValue('**_wichtig_**\n\n- Punkt eins');
    await user.click(within(toolbar).getByRole('button', { name: 'Zitat' }));
    expect(text).toHaveValue('**_wichtig_**\n\n> - Punkt eins');

    // Arrow keys move between toolbar buttons (one tab stop).
    within(toolbar).getByRole('button', { name: 'Fett' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(within(toolbar).getByRole('button', { name: 'Kursiv' })).toHaveFocus();
  });

  it('renders the preview with HTML escaped', async () => {
    vi.stubGlobal('fetch', fakeFetch(spaceRoutes()).fetch);
    const user = userEvent.setup();
    renderApp(`/forum/${SPACE_ID}`);
    const text = await openComposer(user);
    await user.type(text, '<script>alert(1)</script> <b>fett</b> **echt** [x](javascript:alert(1))');

    const preview = screen.getByRole('region', { name: 'Vorschau' });
    expect(within(preview).getByText('echt').tagName).toBe('STRONG');
    expect(preview.querySelector('script, b, a[href^="javascript"]')).toBeNull();
    expect(preview).toHaveTextContent('<script>alert(1)</script> <b>fett</b>');
  });

  it('completes @mentions with the keyboard as a combobox', async () => {
    const server = fakeFetch(spaceRoutes());
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/${SPACE_ID}`);
    const text = await openComposer(user);
    await user.type(text, 'Hallo @an');

    const listbox = await screen.findByRole('listbox', { name: 'Vorschläge für Erwähnungen' });
    expect(server.calls.find((call) => call.path === Routes.spaces.mentionable(SPACE_ID))?.query.get('q')).toBe('a');
    expect(text).toHaveAttribute('role', 'combobox');
    expect(text).toHaveAttribute('aria-expanded', 'true');
    expect(text).toHaveAttribute('aria-controls', listbox.id);
    const options = within(listbox).getAllByRole('option');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(text).toHaveAttribute('aria-activedescendant', options[0]?.id);

    await user.keyboard('{ArrowDown}');
    expect(within(listbox).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    expect(text).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{Enter}');

    expect(text).toHaveValue('Hallo @anton.berg ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(text).not.toHaveAttribute('role');

    // Escape closes the list without inserting.
    await user.type(text, '@an');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(text).toHaveValue('Hallo @anton.berg @an');
  });

  it('restores the saved draft and saves changes debounced, then deletes it after posting', async () => {
    const created: CreateThreadResponse = {
      thread: makeThread({ id: 'new-thread' }),
      post: makePost(1),
      unlinkedMentions: [{ handle: 'niemand', reason: 'unknown' }],
    };
    const server = fakeFetch(
      spaceRoutes({
        [`GET ${Routes.spaces.draft(SPACE_ID)}`]: () =>
          json(200, { title: 'Entwurfstitel', body: 'Entwurfstext', updatedAt: '2026-11-24T09:00:00.000Z' } satisfies DraftDto),
        [`POST ${Routes.spaces.threads(SPACE_ID)}`]: () => json(201, created),
        [`GET ${Routes.threads.one('new-thread')}`]: () => json(200, makeThread({ id: 'new-thread' })),
        [`GET ${Routes.threads.posts('new-thread')}`]: () => json(200, { items: [makePost(1)], nextCursor: null }),
        [`GET ${Routes.threads.draft('new-thread')}`]: () => apiError(404, 'NOT_FOUND'),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/${SPACE_ID}`);
    const text = await openComposer(user);

    expect(await screen.findByText('Ihr gespeicherter Entwurf wurde wiederhergestellt.')).toBeInTheDocument();
    expect(screen.getByLabelText('Titel')).toHaveValue('Entwurfstitel');
    expect(text).toHaveValue('Entwurfstext');

    await user.type(text, ' mehr');
    await user.type(text, ' und noch mehr');
    // Still typing: nothing saved yet.
    expect(server.callsTo(`PUT ${Routes.spaces.draft(SPACE_ID)}`)).toHaveLength(0);
    await vi.waitFor(() => expect(server.callsTo(`PUT ${Routes.spaces.draft(SPACE_ID)}`)).toHaveLength(1), { timeout: 2500 });
    expect(server.callsTo(`PUT ${Routes.spaces.draft(SPACE_ID)}`)[0]?.body).toEqual({
      title: 'Entwurfstitel',
      body: 'Entwurfstext mehr und noch mehr',
    });
    expect(await screen.findByText(/Entwurf gespeichert/)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Art des Themas'), 'case');
    await user.click(screen.getByRole('button', { name: 'Thema erstellen' }));

    expect(
      await screen.findByText('Ihr Thema wurde erstellt. Diese Erwähnungen wurden nicht verlinkt: @niemand (unbekannt).'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/forum/thema/new-thread');
    const post = server.callsTo(`POST ${Routes.spaces.threads(SPACE_ID)}`)[0];
    expect(post?.body).toEqual({ title: 'Entwurfstitel', body: 'Entwurfstext mehr und noch mehr', kind: 'case' });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.callsTo(`DELETE ${Routes.spaces.draft(SPACE_ID)}`)).toHaveLength(1);
  });

  it('saves the draft right away when the text field loses focus', async () => {
    const server = fakeFetch(spaceRoutes());
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/${SPACE_ID}`);
    const text = await openComposer(user);
    await user.type(text, 'Kurz');
    await act(async () => {
      screen.getByLabelText('Titel').focus();
      await Promise.resolve();
    });
    await vi.waitFor(() => expect(server.callsTo(`PUT ${Routes.spaces.draft(SPACE_ID)}`)).toHaveLength(1), { timeout: 500 });
    expect(server.callsTo(`PUT ${Routes.spaces.draft(SPACE_ID)}`)[0]?.body).toEqual({ title: '', body: 'Kurz' });
  });

  it('reuses the Idempotency-Key when the same submission is retried after a network failure', async () => {
    const server = fakeFetch(
      spaceRoutes({
        [`POST ${Routes.spaces.threads(SPACE_ID)}`]: [
          () => Promise.reject(new TypeError('Failed to fetch')),
          () =>
            json(201, { thread: makeThread({ id: 'new-thread' }), post: makePost(1), unlinkedMentions: [] } satisfies CreateThreadResponse),
        ],
        [`GET ${Routes.threads.one('new-thread')}`]: () => json(200, makeThread({ id: 'new-thread' })),
        [`GET ${Routes.threads.posts('new-thread')}`]: () => json(200, { items: [makePost(1)], nextCursor: null }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/${SPACE_ID}`);
    const text = await openComposer(user);
    await user.type(screen.getByLabelText('Titel'), 'Frage');
    await user.type(text, 'Text');
    await user.click(screen.getByRole('button', { name: 'Thema erstellen' }));
    expect(await screen.findByText('Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Thema erstellen' }));
    expect(await screen.findByText('Ihr Thema wurde erstellt.')).toBeInTheDocument();
    const [first, second] = server.callsTo(`POST ${Routes.spaces.threads(SPACE_ID)}`);
    expect(first?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));
  });
});
