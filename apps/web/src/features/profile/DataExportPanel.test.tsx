import { Routes, type DataExportDto } from '@treffpunkt/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { apiError, fakeFetch, json, session } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const STATE = `GET ${Routes.privacy.myExport}`;
const START = `POST ${Routes.privacy.myExport}`;
const id = '33333333-3333-4333-8333-333333333333';
const DOWNLOAD = `GET ${Routes.privacy.exportDownload(id)}`;

const exportIn = (status: DataExportDto['status']): DataExportDto => ({
  id,
  status,
  createdAt: '2026-11-24T09:00:00.000Z',
  finishedAt: status === 'ready' ? '2026-11-24T09:00:05.000Z' : null,
  expiresAt: status === 'ready' ? '2026-12-01T09:00:05.000Z' : null,
  sizeBytes: status === 'ready' ? 1_572_864 : null,
  downloadUrl: status === 'ready' ? Routes.privacy.exportDownload(id) : null,
});

const panel = async () => within((await screen.findByRole('heading', { name: 'Meine Daten' })).closest('section')!);

afterEach(() => {
  api.clearSession();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('DataExportPanel', () => {
  it('starts an export, shows its progress while it runs and then the download with its expiry', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.refresh}`]: () => json(200, session()),
      [STATE]: [
        () => json(200, { latest: null }),
        () => json(200, { latest: exportIn('running') }),
        () => json(200, { latest: exportIn('ready') }),
      ],
      [START]: () => json(202, exportIn('queued')),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/profil');

    const section = await panel();
    await user.click(await section.findByRole('button', { name: 'Meine Daten herunterladen' }));
    expect(await section.findByText('Ihr Archiv wird vorbereitet …')).toHaveAttribute('role', 'status');
    expect(section.getByRole('progressbar')).toBeInTheDocument();
    expect(section.queryByRole('button', { name: 'Meine Daten herunterladen' })).not.toBeInTheDocument();

    // polled until the job is done (every 2 s)
    expect(await section.findByText('Ihr Archiv wird erstellt …', {}, { timeout: 4000 })).toBeInTheDocument();
    const download = await section.findByRole('button', { name: 'Archiv herunterladen (ZIP, 1,5 MB)' }, { timeout: 4000 });
    expect(download).toBeEnabled();
    expect(section.getByText(/^Verfügbar bis 01\.12\.2026, 10:00\. Danach wird das Archiv gelöscht\.$/)).toBeInTheDocument();
    expect(section.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(server.callsTo(START)).toHaveLength(1);
  }, 15_000);

  it('downloads the archive with the session token', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.refresh}`]: () => json(200, session()),
      [STATE]: () => json(200, { latest: exportIn('ready') }),
      [DOWNLOAD]: () =>
        new Response(new Uint8Array([80, 75, 5, 6]), {
          status: 200,
          headers: { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="treffpunkt-daten-2026-11-24.zip"' },
        }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const createObjectURL = vi.fn(() => 'blob:archive');
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true, writable: true });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderApp('/profil');

    const section = await panel();
    await user.click(await section.findByRole('button', { name: /^Archiv herunterladen/ }));
    await vi.waitFor(() => {
      expect(click).toHaveBeenCalledTimes(1);
    });
    expect(server.callsTo(DOWNLOAD)[0]?.authorization).toMatch(/^Bearer /);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('says when the archive expired and offers a new one; a 410 on download is explained', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.refresh}`]: () => json(200, session()),
      [STATE]: [() => json(200, { latest: exportIn('ready') }), () => json(200, { latest: exportIn('expired') })],
      [DOWNLOAD]: () => apiError(410, 'EXPORT_EXPIRED'),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/profil');

    const section = await panel();
    await user.click(await section.findByRole('button', { name: /^Archiv herunterladen/ }));
    expect(await section.findByRole('alert')).toHaveTextContent(
      'Dieses Archiv ist abgelaufen und wurde gelöscht. Bitte erstellen Sie ein neues.',
    );
    expect(await section.findByText('Ihr letztes Archiv ist abgelaufen und wurde gelöscht.')).toBeInTheDocument();
    expect(section.getByRole('button', { name: 'Meine Daten herunterladen' })).toBeEnabled();
  });

  it('explains the daily limit', async () => {
    const server = fakeFetch({
      [`POST ${Routes.auth.refresh}`]: () => json(200, session()),
      [STATE]: () => json(200, { latest: null }),
      [START]: () => apiError(429, 'TOO_MANY_REQUESTS', { 'Retry-After': '3600' }),
    });
    vi.stubGlobal('fetch', server.fetch);
    const user = userEvent.setup();
    renderApp('/profil');

    const section = await panel();
    await user.click(await section.findByRole('button', { name: 'Meine Daten herunterladen' }));
    expect(await section.findByRole('alert')).toHaveTextContent('Zu viele Versuche. Bitte warten Sie einen Moment.');
  });
});
