import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DemoSeedService } from '../../apps/api/src/modules/seed/demo-seed.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser, requireBuiltSpa } from '../support/browser.js';
import { DEMO, forumProblems, signedIn, type ForumSession } from '../support/browser-forum.js';
import { pngBytes, sha256 } from '../support/documents.js';
import { uniqueWord } from '../support/forum.js';

jest.setTimeout(90_000);

const NETWORK = 'Netzwerk-Forum';

/** A PDF of about `size` bytes (comment lines as padding), unique per call. */
function bigPdf(size: number, label: string): Buffer {
  const head = Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${label}\n`,
  );
  const line = `% ${uniqueWord('fuellung')} ${'x'.repeat(100)}\n`;
  const padding = Buffer.from(line.repeat(Math.ceil(size / line.length)));
  return Buffer.concat([head, padding, Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n')]);
}

/**
 * The SPA frames PDF previews from an object URL (the download needs the bearer token). While the
 * app's CSP has no `frame-src blob:`, Chromium refuses that frame and the page offers a new tab
 * instead; these console lines are that refusal, nothing else is tolerated.
 */
const PDF_FRAME_REFUSED = [
  /^console: Framing 'blob:http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+' violates/,
  /^console: Content Security Policy violation: frame-src blocked blob$/,
];

describe('documents in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sessions: ForumSession[] = [];
  let spaceId = '';
  const downloads = mkdtempSync(join(tmpdir(), 'treffpunkt-downloads-'));

  beforeAll(async () => {
    const webDistDir = requireBuiltSpa();
    t = await startTestApp({ seedDemo: true, webDistDir });
    expect(await t.app.get(DemoSeedService).seedIfEmpty()).toBe(true);
    const [space] = await t.db.query<{ id: string }>('SELECT id FROM spaces WHERE name = $1', [NETWORK]);
    spaceId = space!.id;
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    sessions = [];
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function as(): Promise<ForumSession> {
    const s = await signedIn(browser, t.url, DEMO.koordination);
    sessions.push(s);
    return s;
  }

  function expectClean(s: ForumSession): void {
    const problems = forumProblems(s).filter((p) => !PDF_FRAME_REFUSED.some((pattern) => pattern.test(p)));
    expect(problems).toEqual([]);
  }

  /** Through the main navigation to the space, then a new folder, opened from the tree. */
  async function openNewFolder(page: Page, name: string): Promise<string> {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Dokumente', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dokumente' }).waitFor();
    await page.getByRole('link', { name: NETWORK, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Dokumente in „${NETWORK}“` }).waitFor();
    await page.getByRole('button', { name: 'Neuer Ordner', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuen Ordner anlegen' });
    await dialog.getByLabel('Name des Ordners').fill(name);
    await dialog.getByRole('button', { name: 'Anlegen', exact: true }).click();
    await page.getByText(`Der Ordner „${name}“ wurde angelegt.`).waitFor();
    await page.getByRole('navigation', { name: 'Ordnerstruktur' }).getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Pfad' }).getByRole('link').allInnerTexts()).resolves.toEqual(['Dokumente', NETWORK]);
    const folderId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(page.url()).toBe(`${t.url}/dokumente/${spaceId}/ordner/${folderId}`);
    return folderId;
  }

  /** Slows uploads down (bytes per second) so progress can be watched; -1 lifts the limit. */
  async function throttleUploads(page: Page, bytesPerSecond: number): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: bytesPerSecond,
    });
  }

  it('uploads two files with a progress bar each, downloads one, uploads a new version, trashes and restores it', async () => {
    const s = await as();
    const { page } = s;
    const folderName = `Protokolle ${uniqueWord('ordner')}`;
    const folderId = await openNewFolder(page, folderName);

    const pdf = bigPdf(800_000, 'Version 1');
    const png = pngBytes(200_000);
    await throttleUploads(page, 400_000);
    await page.getByTestId('file-input').setInputFiles([
      { name: 'Protokoll Netzwerktreffen.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'Lageplan.png', mimeType: 'image/png', buffer: png },
    ]);
    // Each file has its own labelled progress bar; the PDF's is seen part-way.
    const pdfBar = page.getByRole('progressbar', { name: 'Upload von „Protokoll Netzwerktreffen.pdf“' });
    await pdfBar.waitFor();
    await page.getByRole('progressbar', { name: 'Upload von „Lageplan.png“' }).waitFor();
    await page.waitForFunction(() => {
      const bar = document.querySelector('progress[aria-label="Upload von „Protokoll Netzwerktreffen.pdf“"]');
      const value = Number(bar?.getAttribute('value'));
      return value > 0 && value < 100;
    });
    await expect(pdfBar.getAttribute('max')).resolves.toBe('100');
    await page.screenshot({ path: '/tmp/treffpunkt-documents-uploading.png', fullPage: true });
    await throttleUploads(page, -1);

    const uploads = page.getByRole('list', { name: 'Uploads' });
    await uploads
      .getByRole('listitem')
      .filter({ hasText: 'Protokoll Netzwerktreffen.pdf' })
      .getByText('Hochgeladen')
      .waitFor({ timeout: 30_000 });
    await uploads.getByRole('listitem').filter({ hasText: 'Lageplan.png' }).getByText('Hochgeladen').waitFor();
    const contents = page.getByRole('region', { name: 'Inhalt' });
    await contents.getByRole('link', { name: 'Lageplan.png', exact: true }).waitFor();
    const pdfRow = contents.getByRole('row').filter({ hasText: 'Protokoll Netzwerktreffen.pdf' });
    await expect(pdfRow.innerText()).resolves.toMatch(/PDF-Dokument[\s\S]*\d+,\d KB/);
    const stored = await t.db.query<{ name: string; sha256: string }>(
      `SELECT d.name, v.blob_sha256 AS sha256 FROM documents d JOIN document_versions v ON v.document_id = d.id
        WHERE d.folder_id = $1 ORDER BY d.name`,
      [folderId],
    );
    expect(stored).toEqual([
      { name: 'Lageplan.png', sha256: sha256(png) },
      { name: 'Protokoll Netzwerktreffen.pdf', sha256: sha256(pdf) },
    ]);
    await page.screenshot({ path: '/tmp/treffpunkt-documents-folder.png', fullPage: true });

    // The document: preview, download with the same bytes.
    await contents.getByRole('link', { name: 'Protokoll Netzwerktreffen.pdf', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Protokoll Netzwerktreffen.pdf' }).waitFor();
    const documentId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page
      .locator('iframe[title="Vorschau: Protokoll Netzwerktreffen.pdf"], .documents-document__preview a:text("PDF in neuem Tab öffnen")')
      .first()
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Herunterladen', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Protokoll Netzwerktreffen.pdf');
    await download.saveAs(join(downloads, 'v1.pdf'));
    expect(sha256(readFileSync(join(downloads, 'v1.pdf')))).toBe(sha256(pdf));

    // A new version: listed on top, the old one still downloadable with its own bytes.
    const pdf2 = bigPdf(300_000, 'Version 2');
    await page.getByTestId('version-input').setInputFiles({ name: 'Protokoll v2.pdf', mimeType: 'application/pdf', buffer: pdf2 });
    await page.locator('.upload-list').getByText('Hochgeladen').waitFor({ timeout: 30_000 });
    const versions = page.getByRole('region', { name: 'Versionen' });
    await versions.getByRole('row').nth(2).waitFor();
    await expect(versions.getByRole('row').nth(1).innerText()).resolves.toMatch(/Version 2\s*aktuell/);
    await expect(versions.getByRole('row').nth(2).innerText()).resolves.toContain(sha256(pdf).slice(0, 12));
    const [old] = await Promise.all([
      page.waitForEvent('download'),
      versions.getByRole('button', { name: 'Version 1 herunterladen', exact: true }).click(),
    ]);
    await old.saveAs(join(downloads, 'old.pdf'));
    expect(sha256(readFileSync(join(downloads, 'old.pdf')))).toBe(sha256(pdf));
    const [current] = await t.db.query<{ current_version: number }>('SELECT current_version FROM documents WHERE id = $1', [documentId]);
    expect(current?.current_version).toBe(2);
    await page.screenshot({ path: '/tmp/treffpunkt-documents-document.png', fullPage: true });

    // To the trash and back.
    await page.getByRole('button', { name: 'In den Papierkorb', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'In den Papierkorb legen?' })
      .getByRole('button', { name: 'In den Papierkorb', exact: true })
      .click();
    await page.getByText('„Protokoll Netzwerktreffen.pdf“ liegt jetzt im Papierkorb.').waitFor();
    expect(page.url()).toBe(`${t.url}/dokumente/${spaceId}/ordner/${folderId}`);
    await contents.getByRole('link', { name: 'Protokoll Netzwerktreffen.pdf' }).waitFor({ state: 'detached' });
    const [trashed] = await t.db.query<{ deleted_at: Date | null }>('SELECT deleted_at FROM documents WHERE id = $1', [documentId]);
    expect(trashed?.deleted_at).toBeInstanceOf(Date);

    await page.getByRole('link', { name: 'Papierkorb', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Papierkorb – ${NETWORK}` }).waitFor();
    const trashRow = page.getByRole('row').filter({ hasText: 'Protokoll Netzwerktreffen.pdf' });
    await expect(trashRow.innerText()).resolves.toContain(`Gelöscht von ${DEMO.koordination.displayName}`);
    await page.screenshot({ path: '/tmp/treffpunkt-documents-trash.png', fullPage: true });
    await trashRow.getByRole('button', { name: '„Protokoll Netzwerktreffen.pdf“ wiederherstellen', exact: true }).click();
    await page.getByText('„Protokoll Netzwerktreffen.pdf“ wurde wiederhergestellt.').waitFor();
    const [restored] = await t.db.query<{ deleted_at: Date | null }>('SELECT deleted_at FROM documents WHERE id = $1', [documentId]);
    expect(restored?.deleted_at).toBeNull();

    await page.getByRole('navigation', { name: 'Ordnerstruktur' }).getByRole('link', { name: folderName, exact: true }).click();
    await contents.getByRole('link', { name: 'Protokoll Netzwerktreffen.pdf', exact: true }).waitFor();
    expectClean(s);
  });

  it('cancels an upload: the bar goes, nothing is stored', async () => {
    const s = await as();
    const { page } = s;
    const folderId = await openNewFolder(page, `Abbruch ${uniqueWord('ordner')}`);

    await throttleUploads(page, 50_000);
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'Gross.pdf', mimeType: 'application/pdf', buffer: bigPdf(1_000_000, 'abbruch') });
    const bar = page.getByRole('progressbar', { name: 'Upload von „Gross.pdf“' });
    await bar.waitFor();
    await page.getByRole('button', { name: 'Upload von „Gross.pdf“ abbrechen', exact: true }).click();
    await page.locator('.upload-list').getByText('Abgebrochen', { exact: true }).waitFor();
    await expect(bar.count()).resolves.toBe(0);
    await throttleUploads(page, -1);
    await page.getByText('Dieser Ordner ist leer.').waitFor();
    const rows = await t.db.query('SELECT id FROM documents WHERE folder_id = $1', [folderId]);
    expect(rows).toEqual([]);
    expectClean(s);
  });
});
