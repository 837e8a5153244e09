import { Routes, type CreateThreadResponse, type DraftDto } from '@treffpunkt/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json, type Handler } from '../../test/fakeApi';
import { baseRoutes, makePost, makeSpace, makeThread, SPACE_ID, THREAD_ID } from '../../test/forumFixtures';
import { renderApp } from '../../test/renderApp';
import { FakeXhr, makeDocument, makeFolder } from '../documents/testing';

const ATTACHMENT_FOLDER = makeFolder({ id: 'folder-attachments', name: 'Anhänge' });

beforeEach(() => {
  FakeXhr.reset();
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:fake-1'), configurable: true, writable: true });
  Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true, writable: true });
});

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

const pdf = (name: string, size = 10) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

function spaceRoutes(extra: Record<string, Handler | Handler[]> = {}) {
  return {
    ...baseRoutes(),
    [`GET ${Routes.spaces.one(SPACE_ID)}`]: () =>
      json(200, makeSpace({ permissions: { post: true, moderate: false, manage: false, createCase: false, createAnnouncement: false } })),
    [`GET ${Routes.spaces.threads(SPACE_ID)}`]: () => json(200, { items: [], nextCursor: null }),
    [`GET ${Routes.spaces.draft(SPACE_ID)}`]: () => apiError(404, 'NOT_FOUND'),
    [`PUT ${Routes.spaces.draft(SPACE_ID)}`]: (call: { body: unknown }) =>
      json(200, { title: null, body: '', ...(call.body as object), updatedAt: '2026-11-25T09:00:00.000Z' } satisfies DraftDto),
    [`DELETE ${Routes.spaces.draft(SPACE_ID)}`]: () => json(204),
    [`GET ${Routes.spaces.mentionable(SPACE_ID)}`]: () => json(200, []),
    [`GET ${Routes.spaces.attachmentFolder(SPACE_ID)}`]: () => json(200, ATTACHMENT_FOLDER),
    ...extra,
  };
}

describe('post attachments', () => {
  it('uploads attached files into the attachment folder with progress and cancel, and sends their ids', async () => {
    const created: CreateThreadResponse = {
      thread: makeThread({ id: 'new-thread' }),
      post: makePost(1),
      unlinkedMentions: [],
    };
    const server = fakeFetch(
      spaceRoutes({
        [`POST ${Routes.spaces.threads(SPACE_ID)}`]: () => json(201, created),
        [`GET ${Routes.threads.one('new-thread')}`]: () => json(200, makeThread({ id: 'new-thread' })),
        [`GET ${Routes.threads.posts('new-thread')}`]: () => json(200, { items: [makePost(1)], nextCursor: null }),
        [`GET ${Routes.threads.draft('new-thread')}`]: () => apiError(404, 'NOT_FOUND'),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/${SPACE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Neues Thema' }));
    await user.type(await screen.findByLabelText('Titel'), 'Mit Anhang');
    await user.type(screen.getByLabelText('Text'), 'Siehe Datei');

    expect(screen.getByRole('button', { name: 'Datei anhängen' })).toBeInTheDocument();
    await user.upload(screen.getByTestId('file-input'), [pdf('Bericht.pdf', 100), pdf('Flyer.pdf', 200)]);
    await waitFor(() => {
      expect(FakeXhr.instances).toHaveLength(2);
    });
    const [first, second] = FakeXhr.instances as [FakeXhr, FakeXhr];
    expect(first.url).toBe(Routes.folders.documents(ATTACHMENT_FOLDER.id));
    expect(first.file()?.name).toBe('Bericht.pdf');

    act(() => {
      first.progress(40, 100);
    });
    expect(screen.getByRole('progressbar', { name: 'Upload von „Bericht.pdf“' })).toHaveAttribute('value', '40');
    await user.click(screen.getByRole('button', { name: 'Upload von „Flyer.pdf“ abbrechen' }));
    expect(second.aborted).toBe(true);

    act(() => {
      first.respond(201, makeDocument({ id: 'doc-new', name: 'Bericht.pdf', size: 2048 }));
    });
    const chips = await screen.findByRole('list', { name: 'Angehängte Dateien' });
    expect(within(chips).getByText('Bericht.pdf')).toBeInTheDocument();
    expect(within(chips).queryByText('Flyer.pdf')).toBeNull();
    expect(within(chips).getByRole('button', { name: 'Anhang „Bericht.pdf“ entfernen' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Thema erstellen' }));
    await waitFor(() => {
      expect(server.callsTo(`POST ${Routes.spaces.threads(SPACE_ID)}`)).toHaveLength(1);
    });
    expect(server.callsTo(`POST ${Routes.spaces.threads(SPACE_ID)}`)[0]?.body).toEqual({
      title: 'Mit Anhang',
      body: 'Siehe Datei',
      attachmentIds: ['doc-new'],
    });
    expect(server.callsTo(`GET ${Routes.spaces.attachmentFolder(SPACE_ID)}`)).toHaveLength(1);
  });

  it('removes an attached file before sending', async () => {
    const server = fakeFetch(spaceRoutes());
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/${SPACE_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Neues Thema' }));
    await user.upload(await screen.findByTestId('file-input'), [pdf('Alt.pdf')]);
    await waitFor(() => {
      expect(FakeXhr.instances).toHaveLength(1);
    });
    act(() => {
      FakeXhr.instances[0]!.respond(201, makeDocument({ id: 'doc-alt', name: 'Alt.pdf' }));
    });
    await user.click(await screen.findByRole('button', { name: 'Anhang „Alt.pdf“ entfernen' }));
    expect(screen.queryByRole('list', { name: 'Angehängte Dateien' })).toBeNull();
  });

  it('shows a post’s attachments with download buttons', async () => {
    const post = makePost(1, {
      attachments: [{ documentId: 'doc-1', name: 'Protokoll.pdf', size: 1024, contentType: 'application/pdf' }],
    });
    const server = fakeFetch({
      ...baseRoutes(),
      [`GET ${Routes.threads.one(THREAD_ID)}`]: () => json(200, makeThread()),
      [`GET ${Routes.threads.posts(THREAD_ID)}`]: () => json(200, { items: [post, makePost(2)], nextCursor: null }),
      [`GET ${Routes.spaces.one(SPACE_ID)}`]: () => json(200, makeSpace()),
      [`GET ${Routes.threads.draft(THREAD_ID)}`]: () => apiError(404, 'NOT_FOUND'),
      [`GET ${Routes.documents.download('doc-1')}`]: () =>
        new Response(new Uint8Array([37, 80, 68, 70]), { status: 200, headers: { 'Content-Type': 'application/pdf' } }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/forum/thema/${THREAD_ID}`);

    const section = await screen.findByRole('region', { name: 'Anhänge' });
    expect(within(section).getByText('Protokoll.pdf')).toBeInTheDocument();
    const articles = screen.getAllByRole('article', { name: /^Beitrag #/ });
    expect(within(articles[1]!).queryByRole('region', { name: 'Anhänge' })).toBeNull();

    await user.click(within(section).getByRole('button', { name: '„Protokoll.pdf“ herunterladen' }));
    await waitFor(() => {
      expect(server.callsTo(`GET ${Routes.documents.download('doc-1')}`)).toHaveLength(1);
    });
    expect(server.callsTo(`GET ${Routes.documents.download('doc-1')}`)[0]?.authorization).toBe('Bearer token-1');
  });
});
