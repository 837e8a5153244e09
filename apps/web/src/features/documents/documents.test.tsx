import { Routes } from '@treffpunkt/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json, makeUser, session, type Handler } from '../../test/fakeApi';
import { baseRoutes, makeSpace, SPACE_ID } from '../../test/forumFixtures';
import { renderApp } from '../../test/renderApp';
import { formatSize } from './format';
import {
  DOCUMENT_ID,
  FakeXhr,
  folderDetail,
  FOLDER_ID,
  makeDocument,
  makeDocumentSummary,
  makeFolder,
  makeTrashItem,
  makeVersion,
} from './testing';

const PROTOKOLLE = makeFolder();
const YEAR = makeFolder({ id: 'folder-2', parentId: FOLDER_ID, name: '2026' });
const VORLAGEN = makeFolder({ id: 'folder-3', name: 'Vorlagen' });
const FOLDERS = [PROTOKOLLE, YEAR, VORLAGEN];

let objectUrls: string[];
let createObjectURL: ReturnType<typeof vi.fn>;
let revokeObjectURL: ReturnType<typeof vi.fn>;

beforeEach(() => {
  FakeXhr.reset();
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  objectUrls = [];
  createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:fake-${String(objectUrls.length + 1)}`;
    objectUrls.push(url);
    void blob;
    return url;
  });
  revokeObjectURL = vi.fn();
  Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
  Object.defineProperty(URL, 'revokeObjectURL', { value: revokeObjectURL, configurable: true, writable: true });
});

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
});

function documentRoutes(extra: Record<string, Handler | Handler[]> = {}): Record<string, Handler | Handler[]> {
  return {
    ...baseRoutes(),
    [`GET ${Routes.spaces.one(SPACE_ID)}`]: () => json(200, makeSpace()),
    [`GET ${Routes.spaces.folders(SPACE_ID)}`]: () => json(200, { items: FOLDERS }),
    [`GET ${Routes.folders.one(FOLDER_ID)}`]: () => json(200, folderDetail(PROTOKOLLE, FOLDERS)),
    [`GET ${Routes.folders.one(YEAR.id)}`]: () => json(200, folderDetail(YEAR, FOLDERS)),
    [`GET ${Routes.folders.documents(FOLDER_ID)}`]: () => json(200, { items: [makeDocumentSummary()], nextCursor: null }),
    [`GET ${Routes.folders.documents(YEAR.id)}`]: () =>
      json(200, {
        items: [makeDocumentSummary({ id: 'doc-2', folderId: YEAR.id, name: 'Foto.png', contentType: 'image/png', size: 2048 })],
        nextCursor: null,
      }),
    ...extra,
  };
}

const pdf = (name: string, size = 10) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('documents: navigation', () => {
  it('lists the spaces on /dokumente', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({ ...baseRoutes(), [`GET ${Routes.spaces.list}`]: () => json(200, { items: [makeSpace()], nextCursor: null }) }).fetch,
    );
    renderApp('/dokumente');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dokumente' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Anerkennung' })).toHaveAttribute('href', `/dokumente/${SPACE_ID}`);
    expect(screen.getByRole('link', { name: 'Dokumente' })).toHaveAttribute('aria-current', 'page');
  });

  it('expands the folder tree and navigates by tree and breadcrumb', async () => {
    vi.stubGlobal('fetch', fakeFetch(documentRoutes()).fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Dokumente in „Anerkennung“' })).toBeInTheDocument();
    const tree = screen.getByRole('navigation', { name: 'Ordnerstruktur' });
    await within(tree).findByRole('link', { name: 'Protokolle' });
    expect(within(tree).getByRole('link', { name: 'Vorlagen' })).toBeInTheDocument();
    expect(within(tree).queryByRole('link', { name: '2026' })).toBeNull();
    // Top level: folders only, and the hint that documents live in folders.
    expect(screen.getByText(/Dokumente liegen immer in einem Ordner/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Dateien auswählen' })).toBeNull();

    const toggle = within(tree).getByRole('button', { name: 'Unterordner von „Protokolle“' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(tree).getByRole('link', { name: '2026' }));

    expect(await screen.findByRole('heading', { level: 1, name: '2026' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/dokumente/${SPACE_ID}/ordner/folder-2`);
    const crumbs = screen.getByRole('navigation', { name: 'Pfad' });
    expect(
      within(crumbs)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Dokumente', 'Anerkennung', 'Protokolle']);
    expect(within(crumbs).getByText('2026')).toHaveAttribute('aria-current', 'page');
    expect(within(tree).getByRole('link', { name: '2026' })).toHaveAttribute('aria-current', 'page');

    const row = (await screen.findByRole('link', { name: 'Foto.png' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('2 KB')).toBeInTheDocument();
    expect(within(row).getByText('Bild')).toBeInTheDocument();

    await user.click(within(crumbs).getByRole('link', { name: 'Protokolle' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Protokolle' })).toBeInTheDocument();
    const docRow = (await screen.findByRole('link', { name: 'Protokoll.pdf' })).closest('tr') as HTMLElement;
    expect(within(docRow).getByText('1,2 MB')).toBeInTheDocument();
    expect(within(docRow).getByText('PDF-Dokument')).toBeInTheDocument();
    expect(within(docRow).getByText('von Anna Schmidt')).toBeInTheDocument();
    // Subfolders are listed before documents.
    const contents = screen.getByRole('region', { name: 'Inhalt' });
    expect(
      within(contents)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['2026', 'Protokoll.pdf']);
  });

  it('creates a folder from a dialog', async () => {
    const server = fakeFetch(
      documentRoutes({
        [`POST ${Routes.spaces.folders(SPACE_ID)}`]: (call) =>
          json(201, folderDetail(makeFolder({ id: 'new', parentId: FOLDER_ID, name: (call.body as { name: string }).name }), FOLDERS)),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}/ordner/${FOLDER_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Neuer Ordner' }));
    const dialog = screen.getByRole('dialog', { name: 'Neuen Ordner anlegen' });
    await user.type(within(dialog).getByLabelText('Name des Ordners'), 'Einladungen');
    await user.click(within(dialog).getByRole('button', { name: 'Anlegen' }));

    expect(await screen.findByText('Der Ordner „Einladungen“ wurde angelegt.')).toBeInTheDocument();
    const call = server.callsTo(`POST ${Routes.spaces.folders(SPACE_ID)}`)[0];
    expect(call?.body).toEqual({ name: 'Einladungen', parentId: FOLDER_ID });
    expect(call?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('searches documents of the space by name', async () => {
    const server = fakeFetch(
      documentRoutes({
        [`GET ${Routes.search}`]: () =>
          json(200, {
            items: [
              {
                type: 'documents',
                documentId: DOCUMENT_ID,
                folderId: FOLDER_ID,
                spaceId: SPACE_ID,
                spaceName: 'Anerkennung',
                name: 'Protokoll.pdf',
                snippet: '<mark>Protokoll</mark>.pdf',
                contentType: 'application/pdf',
                size: 1_258_291,
                author: makeDocumentSummary().createdBy,
                updatedAt: '2026-11-01T09:00:00.000Z',
              },
            ],
            nextCursor: null,
          }),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}`);

    await user.type(await screen.findByRole('searchbox', { name: 'Dokumente durchsuchen' }), 'Protokoll');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    const results = await screen.findByRole('region', { name: 'Suchergebnisse für „Protokoll“' });
    const link = await within(results).findByRole('link', { name: 'Protokoll.pdf' });
    expect(link).toHaveAttribute('href', `/dokumente/${SPACE_ID}/dokument/${DOCUMENT_ID}`);
    expect(within(link).getByText('Protokoll').tagName).toBe('MARK');
    const query = server.callsTo(`GET ${Routes.search}`)[0]?.query;
    expect(query?.get('type')).toBe('documents');
    expect(query?.get('q')).toBe('Protokoll');
    expect(query?.get('spaceId')).toBe(SPACE_ID);
  });
});

describe('documents: uploads', () => {
  it('uploads several files, each with a labelled progress bar, and cancels one', async () => {
    const server = fakeFetch(documentRoutes());
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}/ordner/${FOLDER_ID}`);

    expect(await screen.findByText('Dateien hierher ziehen und loslassen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dateien auswählen' })).toBeInTheDocument();
    await user.upload(screen.getByTestId('file-input'), [pdf('Bericht.pdf', 100), pdf('Flyer.pdf', 200)]);

    expect(FakeXhr.instances).toHaveLength(2);
    const [first, second] = FakeXhr.instances as [FakeXhr, FakeXhr];
    expect(first.method).toBe('POST');
    expect(first.url).toBe(Routes.folders.documents(FOLDER_ID));
    expect(first.headers.Authorization).toBe('Bearer token-1');
    expect(first.headers['Idempotency-Key']).toBeTruthy();
    expect(first.file()?.name).toBe('Bericht.pdf');
    expect(second.file()?.name).toBe('Flyer.pdf');

    act(() => {
      first.progress(45, 100);
    });
    const bar = screen.getByRole('progressbar', { name: 'Upload von „Bericht.pdf“' });
    expect(bar).toHaveAttribute('value', '45');
    expect(bar).toHaveAttribute('max', '100');
    expect(screen.getAllByText('45 %').length).toBeGreaterThan(0);
    expect(screen.getByRole('progressbar', { name: 'Upload von „Flyer.pdf“' })).toHaveAttribute('value', '0');

    await user.click(screen.getByRole('button', { name: 'Upload von „Flyer.pdf“ abbrechen' }));
    expect(second.aborted).toBe(true);
    expect(await screen.findByText('Abgebrochen')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: 'Upload von „Flyer.pdf“' })).toBeNull();

    const listCalls = server.callsTo(`GET ${Routes.folders.documents(FOLDER_ID)}`).length;
    act(() => {
      first.progress(100, 100);
    });
    expect(await screen.findByText('Wird geprüft und gespeichert …')).toBeInTheDocument();
    act(() => {
      first.respond(201, makeDocument({ id: 'doc-new', name: 'Bericht.pdf' }));
    });
    expect(await screen.findByText('Hochgeladen')).toBeInTheDocument();
    expect(screen.getByText('„Bericht.pdf“ wurde hochgeladen.')).toBeInTheDocument();
    await waitFor(() => {
      expect(server.callsTo(`GET ${Routes.folders.documents(FOLDER_ID)}`).length).toBeGreaterThan(listCalls);
    });
  });

  it('shows a plain-language error per file', async () => {
    vi.stubGlobal('fetch', fakeFetch(documentRoutes()).fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}/ordner/${FOLDER_ID}`);

    await user.upload(await screen.findByTestId('file-input'), [pdf('Riesig.pdf'), pdf('Programm.exe'), pdf('Voll.pdf'), pdf('Ok.pdf')]);
    const [big, exe, full, ok] = FakeXhr.instances as [FakeXhr, FakeXhr, FakeXhr, FakeXhr];
    act(() => {
      big.respond(413, { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'x', correlationId: 'c' });
      exe.respond(415, { statusCode: 415, code: 'FILE_TYPE_NOT_ALLOWED', message: 'x', correlationId: 'c' });
      full.respond(507, { statusCode: 507, code: 'QUOTA_EXCEEDED', message: 'x', correlationId: 'c' });
      ok.respond(201, makeDocument({ name: 'Ok.pdf' }));
    });

    expect(await screen.findByText('Hochgeladen')).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Uploads' })).getAllByRole('listitem');
    const [bigItem, exeItem, fullItem, okItem] = items as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(bigItem).getByText(/Die Datei ist zu groß/)).toBeInTheDocument();
    expect(within(exeItem).getByText(/Dateien dieser Art dürfen nicht geteilt werden/)).toBeInTheDocument();
    expect(within(fullItem).getByText(/Der Speicherplatz dieses Bereichs ist voll/)).toBeInTheDocument();
    expect(within(okItem).getByText('Hochgeladen')).toBeInTheDocument();
    // Each can be dismissed.
    await userEvent.setup().click(within(bigItem).getByRole('button', { name: 'Meldung zu „Riesig.pdf“ ausblenden' }));
    expect(within(screen.getByRole('list', { name: 'Uploads' })).getAllByRole('listitem')).toHaveLength(3);
  });

  it('refreshes the token once and retries an upload answered with 401', async () => {
    const server = fakeFetch(
      documentRoutes({
        [`POST ${Routes.auth.refresh}`]: [() => json(200, session(makeUser(), 'token-1')), () => json(200, session(makeUser(), 'token-2'))],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}/ordner/${FOLDER_ID}`);

    await user.upload(await screen.findByTestId('file-input'), [pdf('Bericht.pdf')]);
    const first = FakeXhr.instances[0] as FakeXhr;
    act(() => {
      first.respond(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x', correlationId: 'c' });
    });
    await waitFor(() => {
      expect(FakeXhr.instances).toHaveLength(2);
    });
    const retry = FakeXhr.instances[1] as FakeXhr;
    expect(retry.headers.Authorization).toBe('Bearer token-2');
    expect(retry.headers['Idempotency-Key']).toBe(first.headers['Idempotency-Key']);
    expect(server.callsTo(`POST ${Routes.auth.refresh}`)).toHaveLength(2);
    act(() => {
      retry.respond(201, makeDocument({ name: 'Bericht.pdf' }));
    });
    expect(await screen.findByText('Hochgeladen')).toBeInTheDocument();
  });

  it('accepts files dropped on the visible drop zone', async () => {
    vi.stubGlobal('fetch', fakeFetch(documentRoutes()).fetch);
    renderApp(`/dokumente/${SPACE_ID}/ordner/${FOLDER_ID}`);

    const zone = await screen.findByTestId('drop-zone');
    const file = pdf('Gezogen.pdf');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(zone, { dataTransfer });
    expect(zone).toHaveClass('drop-zone--active');
    expect(within(zone).getByText('Zum Hochladen loslassen')).toBeInTheDocument();
    fireEvent.dragOver(zone, { dataTransfer });
    fireEvent.drop(zone, { dataTransfer });
    expect(zone).not.toHaveClass('drop-zone--active');
    expect(FakeXhr.instances).toHaveLength(1);
    expect(FakeXhr.instances[0]?.file()?.name).toBe('Gezogen.pdf');
    expect(screen.getByRole('progressbar', { name: 'Upload von „Gezogen.pdf“' })).toBeInTheDocument();
  });
});

describe('documents: a document', () => {
  const THREE_VERSIONS = makeDocument({
    version: 3,
    versions: [
      makeVersion(3, { size: 3000, restoredFrom: null }),
      makeVersion(2, { size: 2048, uploadedBy: makeDocumentSummary().createdBy, restoredFrom: null }),
      makeVersion(1, { size: 1_258_291 }),
    ],
  });
  const pdfBytes = () => new Response(new Uint8Array([37, 80, 68, 70]), { status: 200, headers: { 'Content-Type': 'application/pdf' } });

  it('shows the version history and restores an old version', async () => {
    const restored = makeDocument({
      version: 4,
      versions: [makeVersion(4, { restoredFrom: 1 }), ...THREE_VERSIONS.versions],
    });
    const server = fakeFetch(
      documentRoutes({
        [`GET ${Routes.documents.one(DOCUMENT_ID)}`]: () => json(200, THREE_VERSIONS),
        [`GET ${Routes.documents.download(DOCUMENT_ID)}`]: () => pdfBytes(),
        [`POST ${Routes.documents.restoreVersion(DOCUMENT_ID, 1)}`]: () => json(201, restored),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}/dokument/${DOCUMENT_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Protokoll.pdf' })).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Pfad' });
    expect(await within(crumbs).findByRole('link', { name: 'Protokolle' })).toHaveAttribute(
      'href',
      `/dokumente/${SPACE_ID}/ordner/${FOLDER_ID}`,
    );
    const versions = screen.getByRole('region', { name: 'Versionen' });
    const rows = within(versions).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const [v3, , v1] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(v3).getByText('aktuell')).toBeInTheDocument();
    expect(within(v3).queryByRole('button', { name: 'Version 3 wiederherstellen' })).toBeNull();
    expect(within(v1).getByText('1,2 MB')).toBeInTheDocument();
    expect(within(v1).getByText('Anna Schmidt')).toBeInTheDocument();
    expect(within(v1).getByText('1f2a9c0d1e2b…')).toHaveAttribute('title', makeVersion(1).sha256);
    expect(within(v1).getByRole('button', { name: 'Version 1 herunterladen' })).toBeInTheDocument();

    await user.click(within(v1).getByRole('button', { name: 'Version 1 wiederherstellen' }));
    expect(await screen.findByText('Version 1 ist jetzt als Version 4 die aktuelle.')).toBeInTheDocument();
    expect(server.callsTo(`POST ${Routes.documents.restoreVersion(DOCUMENT_ID, 1)}`)).toHaveLength(1);
    expect(within(screen.getByRole('region', { name: 'Versionen' })).getAllByRole('row')).toHaveLength(5);
    expect(screen.getByText('(aus Version 1 wiederhergestellt)')).toBeInTheDocument();
  });

  it('downloads through an object URL fetched with the token, previews the PDF and revokes its URL on leaving', async () => {
    const server = fakeFetch(
      documentRoutes({
        [`GET ${Routes.documents.one(DOCUMENT_ID)}`]: () => json(200, THREE_VERSIONS),
        [`GET ${Routes.documents.download(DOCUMENT_ID)}`]: () => pdfBytes(),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const user = userEvent.setup();
    const { unmount } = renderApp(`/dokumente/${SPACE_ID}/dokument/${DOCUMENT_ID}`);

    // Preview: the inline variant, as an object URL in an iframe.
    const frame = await screen.findByTitle('Vorschau: Protokoll.pdf');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', 'blob:fake-1');
    const previewCall = server.callsTo(`GET ${Routes.documents.download(DOCUMENT_ID)}`)[0];
    expect(previewCall?.authorization).toBe('Bearer token-1');
    expect(previewCall?.query.get('inline')).toBe('true');
    expect(previewCall?.query.get('version')).toBe('3');

    await user.click(screen.getByRole('button', { name: 'Herunterladen' }));
    await waitFor(() => {
      expect(clicks).toHaveLength(1);
    });
    const downloadCall = server.callsTo(`GET ${Routes.documents.download(DOCUMENT_ID)}`)[1];
    expect(downloadCall?.authorization).toBe('Bearer token-1');
    expect(downloadCall?.query.get('inline')).toBeNull();
    expect(createObjectURL).toHaveBeenCalledTimes(2);
    expect(createObjectURL.mock.calls[1]?.[0]).toMatchObject({ size: 4, type: 'application/pdf' });
    expect(clicks[0]?.getAttribute('href')).toBe('blob:fake-2');
    expect(clicks[0]?.download).toBe('Protokoll.pdf');

    await user.click(screen.getByRole('button', { name: 'Version 2 herunterladen' }));
    await waitFor(() => {
      expect(clicks).toHaveLength(2);
    });
    expect(server.callsTo(`GET ${Routes.documents.download(DOCUMENT_ID)}`)[2]?.query.get('version')).toBe('2');

    unmount();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:fake-1');
  });

  it('previews images as a data: URL and offers a new tab when the CSP refuses to frame a PDF', async () => {
    const png = makeDocument({
      id: 'doc-img',
      name: 'Foto.png',
      contentType: 'image/png',
      versions: [makeVersion(1, { contentType: 'image/png' })],
    });
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        documentRoutes({
          [`GET ${Routes.documents.one('doc-img')}`]: () => json(200, png),
          [`GET ${Routes.documents.download('doc-img')}`]: () =>
            new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } }),
          [`GET ${Routes.documents.one(DOCUMENT_ID)}`]: () => json(200, THREE_VERSIONS),
          [`GET ${Routes.documents.download(DOCUMENT_ID)}`]: () => pdfBytes(),
        }),
      ).fetch,
    );
    const { unmount } = renderApp(`/dokumente/${SPACE_ID}/dokument/doc-img`);
    const image = await screen.findByRole('img', { name: 'Vorschau: Foto.png' });
    expect(image).toHaveAttribute('src', 'data:image/png;base64,iVBORw==');
    unmount();

    renderApp(`/dokumente/${SPACE_ID}/dokument/${DOCUMENT_ID}`);
    await screen.findByTitle('Vorschau: Protokoll.pdf');
    const violation = Object.assign(new Event('securitypolicyviolation'), { effectiveDirective: 'frame-src', blockedURI: 'blob' });
    act(() => {
      document.dispatchEvent(violation);
    });
    expect(await screen.findByRole('link', { name: 'PDF in neuem Tab öffnen' })).toHaveAttribute('href', 'blob:fake-1');
    expect(screen.getByText(/Diese Vorschau kann hier nicht eingebettet werden/)).toBeInTheDocument();
  });

  it('uploads a new version with progress', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        documentRoutes({
          [`GET ${Routes.documents.one(DOCUMENT_ID)}`]: () =>
            json(200, makeDocument({ contentType: 'text/plain', versions: [makeVersion(1)] })),
        }),
      ).fetch,
    );
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}/dokument/${DOCUMENT_ID}`);

    expect(await screen.findByText('Für diesen Dateityp gibt es keine Vorschau. Bitte laden Sie die Datei herunter.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neue Version hochladen' })).toBeInTheDocument();
    await user.upload(screen.getByTestId('version-input'), pdf('Protokoll-v2.pdf'));
    const xhr = FakeXhr.instances[0] as FakeXhr;
    expect(xhr.url).toBe(Routes.documents.versions(DOCUMENT_ID));
    act(() => {
      xhr.progress(30, 60);
    });
    expect(screen.getByRole('progressbar', { name: 'Upload von „Protokoll-v2.pdf“' })).toHaveAttribute('value', '50');
    act(() => {
      xhr.respond(201, makeDocument({ version: 2, contentType: 'text/plain', versions: [makeVersion(2), makeVersion(1)] }));
    });
    expect(await screen.findByText('Version 2 wurde hochgeladen.', { selector: '[role="status"]' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Versionen' })).getAllByRole('row')).toHaveLength(3);
  });

  it('moves a document to the trash after confirming and returns to its folder', async () => {
    const server = fakeFetch(
      documentRoutes({
        [`GET ${Routes.documents.one(DOCUMENT_ID)}`]: () => json(200, makeDocument({ contentType: 'text/plain' })),
        [`DELETE ${Routes.documents.one(DOCUMENT_ID)}`]: () => json(204),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}/dokument/${DOCUMENT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'In den Papierkorb' }));
    const dialog = screen.getByRole('dialog', { name: 'In den Papierkorb legen?' });
    await user.click(within(dialog).getByRole('button', { name: 'In den Papierkorb' }));
    expect(await screen.findByText('„Protokoll.pdf“ liegt jetzt im Papierkorb.')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/dokumente/${SPACE_ID}/ordner/${FOLDER_ID}`);
    expect(server.callsTo(`DELETE ${Routes.documents.one(DOCUMENT_ID)}`)).toHaveLength(1);
  });
});

describe('documents: trash', () => {
  it('lists deleted items with who, when and purge date, and restores one', async () => {
    const server = fakeFetch(
      documentRoutes({
        [`GET ${Routes.spaces.trash(SPACE_ID)}`]: [
          () =>
            json(200, {
              items: [makeTrashItem(), makeTrashItem({ kind: 'folder', id: 'folder-9', name: 'Archiv 2024', size: null, deletedBy: null })],
              nextCursor: null,
            }),
          () =>
            json(200, {
              items: [makeTrashItem({ kind: 'folder', id: 'folder-9', name: 'Archiv 2024', size: null, deletedBy: null })],
              nextCursor: null,
            }),
        ],
        [`POST ${Routes.documents.restore(DOCUMENT_ID)}`]: () => json(201, makeDocument({ name: 'Alt.pdf' })),
        [`POST ${Routes.folders.restore('folder-9')}`]: () => apiError(409, 'PARENT_IN_TRASH'),
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp(`/dokumente/${SPACE_ID}/papierkorb`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Papierkorb – Anerkennung' })).toBeInTheDocument();
    const row = (await screen.findByText('Alt.pdf')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Gelöscht von Berta Beispiel')).toBeInTheDocument();
    expect(within(row).getByText('2 KB')).toBeInTheDocument();
    expect(within(row).getByText(/20\.12\.2026/)).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Endgültig gelöscht am' })).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: '„Alt.pdf“ wiederherstellen' }));
    expect(await screen.findByText('„Alt.pdf“ wurde wiederhergestellt.')).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByText('Alt.pdf')).toBeNull();
    });

    await user.click(screen.getByRole('button', { name: '„Archiv 2024“ wiederherstellen' }));
    expect(
      await screen.findByText('Der übergeordnete Ordner liegt im Papierkorb. Bitte stellen Sie ihn zuerst wieder her.'),
    ).toBeInTheDocument();
  });
});

describe('documents: sizes', () => {
  it('formats sizes the German and the English way', () => {
    const bytes = (count: number) => `${String(count)} Bytes`;
    expect(formatSize(1_258_291, 'de', bytes)).toBe('1,2 MB');
    expect(formatSize(1_258_291, 'en', bytes)).toBe('1.2 MB');
    expect(formatSize(512, 'de', bytes)).toBe('512 Bytes');
    expect(formatSize(2048, 'de', bytes)).toBe('2 KB');
    expect(formatSize(5 * 1024 ** 3, 'de', bytes)).toBe('5 GB');
  });
});

describe('forum space page', () => {
  it('links to the space’s documents', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        ...baseRoutes(),
        [`GET ${Routes.spaces.one(SPACE_ID)}`]: () => json(200, makeSpace()),
        [`GET ${Routes.spaces.threads(SPACE_ID)}`]: () => json(200, { items: [], nextCursor: null }),
      }).fetch,
    );
    renderApp(`/forum/${SPACE_ID}`);
    expect(await screen.findByRole('link', { name: 'Dokumente dieses Bereichs' })).toHaveAttribute('href', `/dokumente/${SPACE_ID}`);
  });
});
