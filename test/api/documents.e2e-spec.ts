import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  DocumentDto,
  DocumentSearchHitDto,
  DocumentSummaryDto,
  ErrorBody,
  FolderDetailDto,
  FolderListDto,
  NotificationDto,
  Page,
  SpaceDto,
  TrashItemDto,
} from '@treffpunkt/contracts';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFolder, download, filesUnder, pdfBytes, pngBytes, sha256, textBytes, upload, uploadRequest } from '../support/documents.js';
import { makeOrganisation } from '../support/factories.js';
import { bearer } from '../support/http.js';
import { as, countRows, createSpace, makeActor, uniqueWord, type Actor } from '../support/forum.js';

const MiB = 1024 * 1024;
const MAX = 1 * MiB;
const QUOTA = 3 * MiB;

/** A multipart body written by hand (for what form-data libraries refuse to produce). */
function multipart(parts: Array<{ headers: string; body: Buffer | string }>, boundary = `----tp${randomBytes(8).toString('hex')}`) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`), Buffer.from(part.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('documents over HTTP', () => {
  let t: TestApp;
  let coordinator: Actor;
  let advisor: Actor;
  let partner: Actor;
  let space: SpaceDto;
  let folder: FolderDetailDto;

  const tmpDir = () => join(t.config.dataDir, 'tmp');
  const filesDir = () => join(t.config.dataDir, 'files');
  const tempFiles = () => (existsSync(tmpDir()) ? readdirSync(tmpDir()) : []);

  beforeAll(async () => {
    t = await startTestApp({ uploadMaxBytes: MAX, spaceQuotaBytes: QUOTA });
    const home = await makeOrganisation(t.db);
    [coordinator, advisor, partner] = await Promise.all([
      makeActor(t, { role: 'coordinator', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'partner' }),
    ]);
    space = await createSpace(t, coordinator, { visibility: 'network', name: 'Dokumente Netzwerk' });
    folder = await createFolder(t, coordinator, space.id, 'Protokolle');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('folders', () => {
    it('nests folders, lists parents before children and shows the breadcrumb', async () => {
      const top = await createFolder(t, advisor, space.id, 'Arbeitsgruppe');
      const mid = await createFolder(t, advisor, space.id, 'Sitzungen', top.id);
      const leaf = await createFolder(t, advisor, space.id, '2026', mid.id);
      const list = (await as(t, partner).get(`/api/spaces/${space.id}/folders`)).body as FolderListDto;
      const ids = list.items.map((f) => f.id);
      expect(ids.indexOf(top.id)).toBeLessThan(ids.indexOf(mid.id));
      expect(ids.indexOf(mid.id)).toBeLessThan(ids.indexOf(leaf.id));
      const got = (await as(t, partner).get(`/api/folders/${leaf.id}`)).body as FolderDetailDto;
      expect(got.path).toEqual([
        { id: top.id, name: 'Arbeitsgruppe' },
        { id: mid.id, name: 'Sitzungen' },
      ]);
      expect(got.parentId).toBe(mid.id);
      const midDetail = (await as(t, partner).get(`/api/folders/${mid.id}`)).body as FolderDetailDto;
      expect(midDetail.folders.map((f) => f.id)).toEqual([leaf.id]);
      expect(midDetail.permissions).toEqual({ upload: true, edit: false });
    });

    it('renames and moves a folder within its space, but never into itself or below itself', async () => {
      const a = await createFolder(t, advisor, space.id, 'A');
      const b = await createFolder(t, advisor, space.id, 'B', a.id);
      const c = await createFolder(t, advisor, space.id, 'C');
      const renamed = await as(t, advisor).patch(`/api/folders/${c.id}`, { name: '  C neu  ' });
      expect(renamed.status).toBe(200);
      expect((renamed.body as FolderDetailDto).name).toBe('C neu');
      const moved = await as(t, advisor).patch(`/api/folders/${c.id}`, { parentId: b.id });
      expect((moved.body as FolderDetailDto).path.map((p) => p.id)).toEqual([a.id, b.id]);
      for (const target of [a.id, b.id, c.id]) {
        const res = await as(t, advisor).patch(`/api/folders/${a.id}`, { parentId: target });
        expect(res.status).toBe(409);
      }
      const top = await as(t, advisor).patch(`/api/folders/${c.id}`, { parentId: null });
      expect((top.body as FolderDetailDto).parentId).toBeNull();

      const other = await createSpace(t, coordinator, { visibility: 'network' });
      const elsewhere = await createFolder(t, coordinator, other.id, 'Anderswo');
      const across = await as(t, advisor).patch(`/api/folders/${c.id}`, { parentId: elsewhere.id });
      expect(across.status).toBe(400);
      const staffSpace = await createSpace(t, coordinator, { visibility: 'staff' });
      const hidden = await createFolder(t, coordinator, staffSpace.id, 'Intern');
      const partnerFolder = await createFolder(t, partner, space.id, 'Partnerordner');
      const leak = await as(t, partner).patch(`/api/folders/${partnerFolder.id}`, { parentId: hidden.id });
      expect(leak.status).toBe(404);
    });

    it('refuses unknown fields and blank names', async () => {
      expect((await as(t, advisor).post(`/api/spaces/${space.id}/folders`, { name: 'x', colour: 'red' })).status).toBe(400);
      expect((await as(t, advisor).post(`/api/spaces/${space.id}/folders`, { name: '   ' })).status).toBe(400);
      expect((await as(t, advisor).post(`/api/spaces/${space.id}/folders`, { name: 'x', parentId: randomUUID() })).status).toBe(404);
    });

    it('creates a folder once per Idempotency-Key', async () => {
      const key = `folder-${randomUUID()}`;
      const send = () =>
        request(t.url)
          .post(`/api/spaces/${space.id}/folders`)
          .set(...bearer(advisor.token))
          .set('Idempotency-Key', key)
          .send({ name: 'Einmalig' });
      const [first, second] = [await send(), await send()];
      expect(first.status).toBe(201);
      expect((second.body as FolderDetailDto).id).toBe((first.body as FolderDetailDto).id);
      expect(await countRows(t, 'folders', "space_id = $1 AND name = 'Einmalig'", [space.id])).toBe(1);
    });
  });

  describe('upload, versions and download', () => {
    it('keeps every version and downloads each with the SHA-256 it was uploaded with', async () => {
      const v1 = pngBytes(5000);
      const v2 = pdfBytes();
      const v3 = textBytes(200_000);
      const created = await upload(t, advisor, folder.id, v1, 'Bericht.png', 'image/png');
      expect(created).toMatchObject({ name: 'Bericht.png', version: 1, size: v1.length, sha256: sha256(v1), contentType: 'image/png' });
      for (const bytes of [v2, v3]) {
        const res = await uploadRequest(t, partner, `/api/documents/${created.id}/versions`, bytes, 'neu.bin');
        expect(res.status).toBe(201);
      }
      const doc = (await as(t, partner).get(`/api/documents/${created.id}`)).body as DocumentDto;
      expect(doc.version).toBe(3);
      expect(doc.name).toBe('Bericht.png');
      expect(doc.versions.map((v) => [v.version, v.sha256, v.size, v.contentType])).toEqual([
        [3, sha256(v3), v3.length, 'text/plain'],
        [2, sha256(v2), v2.length, 'application/pdf'],
        [1, sha256(v1), v1.length, 'image/png'],
      ]);
      expect(doc.versions[0]!.uploadedBy.id).toBe(partner.id);
      expect(doc.updatedBy.id).toBe(partner.id);
      const versions = await as(t, partner).get(`/api/documents/${created.id}/versions`);
      expect((versions.body as { items: unknown[] }).items).toHaveLength(3);

      for (const [n, bytes] of [
        [1, v1],
        [2, v2],
        [3, v3],
      ] as const) {
        const res = await download(t, partner, `/api/documents/${created.id}/download?version=${n}`);
        expect(res.status).toBe(200);
        expect(sha256(res.body as Buffer)).toBe(sha256(bytes));
      }
      const current = await download(t, partner, `/api/documents/${created.id}/download`);
      expect(sha256(current.body as Buffer)).toBe(sha256(v3));
      expect((await download(t, partner, `/api/documents/${created.id}/download?version=9`)).status).toBe(404);
    });

    it('restores an old version as the newest, reusing its stored bytes', async () => {
      const v1 = textBytes(3000);
      const created = await upload(t, advisor, folder.id, v1, 'Notizen.txt');
      await uploadRequest(t, advisor, `/api/documents/${created.id}/versions`, textBytes(3000), 'Notizen.txt');
      const res = await as(t, advisor).post(`/api/documents/${created.id}/versions/1/restore`);
      expect(res.status).toBe(201);
      const doc = res.body as DocumentDto;
      expect(doc.version).toBe(3);
      expect(doc.versions[0]).toMatchObject({ version: 3, restoredFrom: 1, sha256: sha256(v1) });
      expect(sha256((await download(t, advisor, `/api/documents/${created.id}/download`)).body as Buffer)).toBe(sha256(v1));
      expect(await countRows(t, 'audit_log', "action = 'document.version_restore' AND entity_id = $1", [created.id])).toBe(1);
      expect((await as(t, advisor).post(`/api/documents/${created.id}/versions/7/restore`)).status).toBe(404);
    });

    it('stores an upload once per Idempotency-Key and discards the bytes of the retry', async () => {
      const key = `upload-${randomUUID()}`;
      const bytes = randomBytes(10_000);
      const send = () => uploadRequest(t, advisor, `/api/folders/${folder.id}/documents`, bytes, 'einmal.bin').set('Idempotency-Key', key);
      const first = await send();
      const second = await send();
      expect(first.status).toBe(201);
      expect((second.body as DocumentDto).id).toBe((first.body as DocumentDto).id);
      expect(await countRows(t, 'documents', 'id = $1', [(first.body as DocumentDto).id])).toBe(1);
      expect(await countRows(t, 'document_versions', 'blob_sha256 = $1', [sha256(bytes)])).toBe(1);
      expect(tempFiles()).toEqual([]);
    });

    it('lists a folder by name with cursor pagination', async () => {
      const box = await createFolder(t, advisor, space.id, 'Liste');
      for (const name of ['c.txt', 'A.txt', 'b.txt']) await upload(t, advisor, box.id, textBytes(100), name);
      const first = (await as(t, partner).get(`/api/folders/${box.id}/documents?limit=2`)).body as Page<DocumentSummaryDto>;
      expect(first.items.map((d) => d.name)).toEqual(['A.txt', 'b.txt']);
      const rest = (await as(t, partner).get(`/api/folders/${box.id}/documents?limit=2&cursor=${first.nextCursor}`))
        .body as Page<DocumentSummaryDto>;
      expect(rest.items.map((d) => d.name)).toEqual(['c.txt']);
      expect(rest.nextCursor).toBeNull();
    });

    it('sends download headers: RFC 6266 name, detected type, strong ETag, length, nosniff, sandbox', async () => {
      const bytes = pngBytes(100);
      const doc = await upload(t, advisor, folder.id, bytes, 'Übersicht März.png');
      const res = await download(t, partner, `/api/documents/${doc.id}/download`);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Ubersicht Marz.png"; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.png`,
      );
      expect(res.headers.etag).toBe(`"${sha256(bytes)}"`);
      expect(res.headers['content-length']).toBe(String(bytes.length));
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // replaces the app-wide policy: nothing in a download runs, not even as our origin
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
      expect(res.headers['cache-control']).toBe('private, no-cache');

      const notModified = await request(t.url)
        .get(`/api/documents/${doc.id}/download`)
        .set(...bearer(partner.token))
        .set('If-None-Match', `"${sha256(bytes)}"`);
      expect(notModified.status).toBe(304);

      const inline = await download(t, partner, `/api/documents/${doc.id}/download?inline=true`);
      expect(inline.headers['content-disposition']).toMatch(/^inline; /);
      const text = await upload(t, advisor, folder.id, textBytes(50), 'seite.txt');
      const notInline = await download(t, partner, `/api/documents/${text.id}/download?inline=true`);
      expect(notInline.headers['content-disposition']).toMatch(/^attachment; /);
    });

    it('answers byte ranges with 206, ignores multiple ranges and refuses unsatisfiable ones with 416', async () => {
      const bytes = randomBytes(100_000);
      const doc = await upload(t, advisor, folder.id, bytes, 'daten.bin');
      const get = (range: string, extra: Record<string, string> = {}) => {
        const req = download(t, partner, `/api/documents/${doc.id}/download`).set('Range', range);
        for (const [k, v] of Object.entries(extra)) void req.set(k, v);
        return req;
      };
      const head = await get('bytes=0-9');
      expect(head.status).toBe(206);
      expect(head.headers['content-range']).toBe(`bytes 0-9/${bytes.length}`);
      expect(head.headers['content-length']).toBe('10');
      expect((head.body as Buffer).equals(bytes.subarray(0, 10))).toBe(true);
      const middle = await get('bytes=50000-50099');
      expect((middle.body as Buffer).equals(bytes.subarray(50_000, 50_100))).toBe(true);
      const tail = await get('bytes=-5');
      expect((tail.body as Buffer).equals(bytes.subarray(-5))).toBe(true);
      const rest = await get('bytes=99990-');
      expect((rest.body as Buffer).equals(bytes.subarray(99_990))).toBe(true);
      const beyond = await get('bytes=99990-200000');
      expect(beyond.headers['content-range']).toBe(`bytes 99990-99999/${bytes.length}`);

      const several = await get('bytes=0-1,5-6');
      expect(several.status).toBe(200);
      expect(sha256(several.body as Buffer)).toBe(sha256(bytes));

      const unsatisfiable = await get('bytes=100000-');
      expect(unsatisfiable.status).toBe(416);
      expect(unsatisfiable.headers['content-range']).toBe(`bytes */${bytes.length}`);
      expect(JSON.parse((unsatisfiable.body as Buffer).toString()) as ErrorBody).toMatchObject({ code: 'RANGE_NOT_SATISFIABLE' });

      const staleIfRange = await get('bytes=0-9', { 'If-Range': '"not-the-etag"' });
      expect(staleIfRange.status).toBe(200);
      const freshIfRange = await get('bytes=0-9', { 'If-Range': `"${sha256(bytes)}"` });
      expect(freshIfRange.status).toBe(206);
    });

    it('stores the same bytes once', async () => {
      const bytes = randomBytes(20_000);
      const a = await upload(t, advisor, folder.id, bytes, 'eins.bin');
      const b = await upload(t, partner, folder.id, bytes, 'zwei.bin');
      expect(a.sha256).toBe(b.sha256);
      expect(filesUnder(filesDir()).filter((f) => f.endsWith(a.sha256))).toEqual([
        `${a.sha256.slice(0, 2)}/${a.sha256.slice(2, 4)}/${a.sha256}`,
      ]);
      expect(await countRows(t, 'blobs', 'sha256 = $1', [a.sha256])).toBe(1);
      expect(await countRows(t, 'document_versions', 'blob_sha256 = $1', [a.sha256])).toBe(2);
    });

    it('renames and moves documents (owner or moderator only)', async () => {
      const doc = await upload(t, advisor, folder.id, textBytes(10), 'alt.txt');
      const target = await createFolder(t, advisor, space.id, 'Ziel');
      expect((await as(t, partner).patch(`/api/documents/${doc.id}`, { name: 'fremd.txt' })).status).toBe(403);
      const renamed = await as(t, advisor).patch(`/api/documents/${doc.id}`, { name: 'neu.txt', folderId: target.id });
      expect(renamed.body as DocumentDto).toMatchObject({ name: 'neu.txt', folderId: target.id });
      const moderated = await as(t, coordinator).patch(`/api/documents/${doc.id}`, { name: 'moderiert.txt' });
      expect(moderated.status).toBe(200);
      const other = await createSpace(t, coordinator, { visibility: 'network' });
      const elsewhere = await createFolder(t, coordinator, other.id, 'Anderswo');
      expect((await as(t, coordinator).patch(`/api/documents/${doc.id}`, { folderId: elsewhere.id })).status).toBe(400);
    });

    it('tells watchers of the space about a new document', async () => {
      const watched = await createSpace(t, coordinator, { visibility: 'network' });
      expect((await as(t, partner).put(`/api/spaces/${watched.id}/subscription`, { level: 'watching' })).status).toBe(200);
      const box = await createFolder(t, coordinator, watched.id, 'Neu');
      const name = `Einladung ${uniqueWord()}.pdf`;
      await upload(t, advisor, box.id, pdfBytes(), name);
      let found: NotificationDto | undefined;
      for (let i = 0; i < 50 && !found; i++) {
        const page = (await as(t, partner).get('/api/notifications')).body as Page<NotificationDto>;
        found = page.items.find((n) => n.type === 'document_added' && n.subject === name);
        if (!found) await new Promise((r) => setTimeout(r, 50));
      }
      expect(found).toMatchObject({ subject: name, spaceName: watched.name, actor: { id: advisor.id } });
    });
  });

  describe('what is refused', () => {
    const nothingLeft = async (before: { docs: number; blobs: number; files: number }) => {
      expect(tempFiles()).toEqual([]);
      expect(await countRows(t, 'documents')).toBe(before.docs);
      expect(await countRows(t, 'blobs')).toBe(before.blobs);
      expect(filesUnder(filesDir())).toHaveLength(before.files);
    };
    const snapshot = async () => ({
      docs: await countRows(t, 'documents'),
      blobs: await countRows(t, 'blobs'),
      files: filesUnder(filesDir()).length,
    });

    it('stores a PDF name with PNG bytes as image/png (the client does not decide the type)', async () => {
      const doc = await upload(t, advisor, folder.id, pngBytes(), 'bericht.pdf', 'application/pdf');
      expect(doc.contentType).toBe('image/png');
      const res = await download(t, advisor, `/api/documents/${doc.id}/download`);
      expect(res.headers['content-type']).toBe('image/png');
    });

    it('detects text formats: CSV, plain text, SVG without script', async () => {
      const csv = await upload(t, advisor, folder.id, Buffer.from('Monat;Beratungen\nJanuar;12\nFebruar;15\n'), 'x.bin');
      expect(csv.contentType).toBe('text/csv');
      const txt = await upload(t, advisor, folder.id, Buffer.from('Liebe Kolleginnen,\nbis morgen.\n'), 'x.bin');
      expect(txt.contentType).toBe('text/plain');
      const svg = await upload(
        t,
        advisor,
        folder.id,
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'),
        'a.svg',
      );
      expect(svg.contentType).toBe('image/svg+xml');
      const inline = await download(t, advisor, `/api/documents/${svg.id}/download?inline=true`);
      expect(inline.headers['content-disposition']).toMatch(/^attachment; /);
    });

    const denied: Array<[string, Buffer]> = [
      ['an ELF executable', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), randomBytes(600)])],
      ['a PE executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), randomBytes(600)])],
      ['an HTML page', Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
      ['HTML after some text', Buffer.from('Hallo Welt\n\n<p>nett</p><script>fetch("/api/users")</script>')],
      [
        'an SVG with a script',
        Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ],
      ['an SVG with an event handler', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')],
      ['a shell script', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ];
    it.each(denied)('refuses %s with 415 and keeps nothing', async (_what, bytes) => {
      const before = await snapshot();
      const res = await uploadRequest(t, advisor, `/api/folders/${folder.id}/documents`, bytes, 'harmlos.pdf', 'application/pdf');
      expect(res.status).toBe(415);
      expect((res.body as ErrorBody).code).toBe('FILE_TYPE_NOT_ALLOWED');
      await nothingLeft(before);
    });

    const hostile = [
      '../../etc/passwd',
      '..\\..\\windows\\system32\\cmd.exe',
      'bericht\u0000.pdf',
      'zeile\r\nSet-Cookie: x=1.pdf',
      `${'a'.repeat(300)}.pdf`,
      'rechnung\u202Efdp.exe',
      '"; filename=evil.html',
      '..',
      '   ',
    ];
    /* eslint-disable no-control-regex -- asserting that control characters are gone */
    const expectSafe = async (doc: DocumentDto) => {
      const stored = doc.name;
      expect(stored).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\]/);
      expect([...stored].length).toBeLessThanOrEqual(255);
      expect(stored.trim()).toBe(stored);
      expect(stored).not.toMatch(/^\.*$/);
      const file = await download(t, advisor, `/api/documents/${doc.id}/download`);
      const disposition = file.headers['content-disposition'] as string;
      expect(disposition).not.toMatch(/[\r\n\u0000]/);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
      const [, ascii] = /filename="([^"]*)"/.exec(disposition)!;
      expect(ascii).not.toMatch(/[";\\]/);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(stored);
      expect(file.headers['set-cookie']).toBeUndefined();
      // the store holds files by hash only
      expect(filesUnder(filesDir()).every((f) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))).toBe(true);
    };
    /* eslint-enable no-control-regex */

    it.each(hostile)('stores the hostile upload name %j as a safe display name', async (name) => {
      const { body, contentType } = multipart([
        {
          headers: `Content-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: text/plain`,
          body: 'Inhalt',
        },
      ]);
      const res = await request(t.url)
        .post(`/api/folders/${folder.id}/documents`)
        .set(...bearer(advisor.token))
        .set('Content-Type', contentType)
        .send(body);
      if (/[\r\n]/.test(name)) {
        // the multipart parser drops a part whose name carries a line break: nothing is stored
        expect(res.status).toBe(400);
        return;
      }
      expect(res.status).toBe(201);
      await expectSafe(res.body as DocumentDto);
      if (name.startsWith('../')) expect((res.body as DocumentDto).name).not.toContain('..');
    });

    it('treats a line break injected into the part header as the end of the name', async () => {
      const { body, contentType } = multipart([
        { headers: 'Content-Disposition: form-data; name="file"; filename="zeile.txt"\r\nSet-Cookie: x=1', body: 'Inhalt' },
      ]);
      const res = await request(t.url)
        .post(`/api/folders/${folder.id}/documents`)
        .set(...bearer(advisor.token))
        .set('Content-Type', contentType)
        .send(body);
      expect(res.status).toBe(201);
      await expectSafe(res.body as DocumentDto);
    });

    it.each(hostile.filter((n) => n.trim() !== ''))('renames to the hostile name %j safely', async (name) => {
      const doc = await upload(t, advisor, folder.id, textBytes(20), 'harmlos.txt');
      const res = await as(t, advisor).patch(`/api/documents/${doc.id}`, { name });
      if (name.length > 255) {
        // an explicit rename is validated, an upload's name is shortened
        expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
        return;
      }
      expect(res.status).toBe(200);
      await expectSafe(res.body as DocumentDto);
    });

    it('refuses requests that are not one file in the field "file" with 400', async () => {
      const before = await snapshot();
      const path = `/api/folders/${folder.id}/documents`;
      const send = (contentType: string, body: Buffer | string) =>
        request(t.url)
          .post(path)
          .set(...bearer(advisor.token))
          .set('Content-Type', contentType)
          .send(body);
      const json = await as(t, advisor).post(path, { file: 'abc' });
      expect(json.status).toBe(400);
      const wrongField = multipart([{ headers: 'Content-Disposition: form-data; name="upload"; filename="a.txt"', body: 'x' }]);
      expect((await send(wrongField.contentType, wrongField.body)).status).toBe(400);
      const onlyText = multipart([{ headers: 'Content-Disposition: form-data; name="note"', body: 'kein Datei' }]);
      expect((await send(onlyText.contentType, onlyText.body)).status).toBe(400);
      const open = multipart([{ headers: 'Content-Disposition: form-data; name="file"; filename="a.txt"', body: textBytes(50_000) }]);
      const cut = open.body.subarray(0, open.body.length - 30_000);
      const truncated = await send(open.contentType, cut);
      expect(truncated.status).toBe(400);
      expect((await send('multipart/form-data', 'garbage')).status).toBe(400);
      const noBoundary = await send('multipart/form-data; boundary=nothing-like-it', 'just text, no parts at all');
      expect(noBoundary.status).toBe(400);
      expect((await send('application/octet-stream', randomBytes(100))).status).toBe(415);
      await nothingLeft(before);
    });

    it('refuses a file over the limit with 413 and leaves no temp file, blob or row', async () => {
      const before = await snapshot();
      const path = `/api/folders/${folder.id}/documents`;
      // just over: only the stream can tell
      const over = await uploadRequest(t, advisor, path, randomBytes(MAX + 1), 'gross.bin');
      expect(over.status).toBe(413);
      expect((over.body as ErrorBody).code).toBe('PAYLOAD_TOO_LARGE');
      // far over: refused from Content-Length
      const farOver = await uploadRequest(t, advisor, path, randomBytes(3 * MAX), 'riesig.bin');
      expect(farOver.status).toBe(413);
      // no Content-Length at all (chunked)
      const { body, contentType } = multipart([
        { headers: 'Content-Disposition: form-data; name="file"; filename="strom.bin"', body: randomBytes(2 * MAX) },
      ]);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(`${t.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked', Authorization: `Bearer ${advisor.token}` },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
        req.end();
      });
      expect(status).toBe(413);
      await nothingLeft(before);
      // exactly the limit is fine
      expect((await uploadRequest(t, advisor, path, randomBytes(MAX), 'genau.bin')).status).toBe(201);
    });

    it('leaves nothing behind when the client breaks off mid-upload', async () => {
      const before = await snapshot();
      const { body, contentType } = multipart([
        { headers: 'Content-Disposition: form-data; name="file"; filename="abbruch.bin"', body: randomBytes(MAX - 1000) },
      ]);
      const req = http.request(`${t.url}/api/folders/${folder.id}/documents`, {
        method: 'POST',
        headers: { 'Content-Type': contentType, 'Content-Length': String(body.length), Authorization: `Bearer ${advisor.token}` },
      });
      req.on('error', () => undefined);
      req.write(body.subarray(0, 300_000));
      for (let i = 0; i < 100 && tempFiles().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(tempFiles()).toHaveLength(1);
      req.destroy();
      for (let i = 0; i < 100 && tempFiles().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      await nothingLeft(before);
    });

    it('enforces the space quota (every version counts) with 507 QUOTA_EXCEEDED', async () => {
      const small = await createSpace(t, coordinator, { visibility: 'network' });
      const box = await createFolder(t, coordinator, small.id, 'Voll');
      const first = await upload(t, advisor, box.id, randomBytes(MAX), 'a.bin');
      await upload(t, advisor, box.id, randomBytes(MAX), 'b.bin');
      await upload(t, advisor, box.id, randomBytes(MAX - 10), 'c.bin');
      const before = await snapshot();
      const res = await uploadRequest(t, advisor, `/api/folders/${box.id}/documents`, randomBytes(100), 'd.bin');
      expect(res.status).toBe(507);
      expect((res.body as ErrorBody).code).toBe('QUOTA_EXCEEDED');
      const version = await uploadRequest(t, advisor, `/api/documents/${first.id}/versions`, randomBytes(100), 'a2.bin');
      expect(version.status).toBe(507);
      expect((await as(t, advisor).post(`/api/documents/${first.id}/versions/1/restore`)).status).toBe(507);
      await nothingLeft(before);
      // still fits exactly
      expect((await uploadRequest(t, advisor, `/api/folders/${box.id}/documents`, randomBytes(10), 'e.bin')).status).toBe(201);
      // other spaces are unaffected
      expect((await uploadRequest(t, advisor, `/api/folders/${folder.id}/documents`, randomBytes(100), 'f.bin')).status).toBe(201);
    });
  });

  describe('trash', () => {
    it('moves a document to the trash and restores it, with audit rows', async () => {
      const doc = await upload(t, advisor, folder.id, textBytes(500), 'Müll.txt');
      expect((await as(t, partner).delete(`/api/documents/${doc.id}`)).status).toBe(403);
      expect((await as(t, advisor).delete(`/api/documents/${doc.id}`)).status).toBe(204);
      expect((await as(t, advisor).get(`/api/documents/${doc.id}`)).status).toBe(404);
      expect((await as(t, advisor).get(`/api/documents/${doc.id}/download`)).status).toBe(404);
      const list = (await as(t, advisor).get(`/api/folders/${folder.id}/documents?limit=100`)).body as Page<DocumentSummaryDto>;
      expect(list.items.some((d) => d.id === doc.id)).toBe(false);
      const trash = (await as(t, partner).get(`/api/spaces/${space.id}/trash`)).body as Page<TrashItemDto>;
      const item = trash.items.find((i) => i.id === doc.id)!;
      expect(item).toMatchObject({ kind: 'document', name: 'Müll.txt', parentId: folder.id, size: 500, deletedBy: { id: advisor.id } });
      expect(new Date(item.purgeAfter).getTime() - new Date(item.deletedAt).getTime()).toBe(30 * 86_400_000);
      expect((await as(t, partner).post(`/api/documents/${doc.id}/restore`)).status).toBe(403);
      const restored = await as(t, advisor).post(`/api/documents/${doc.id}/restore`);
      expect(restored.status).toBe(201);
      expect((await as(t, advisor).post(`/api/documents/${doc.id}/restore`)).status).toBe(409);
      expect((await download(t, advisor, `/api/documents/${doc.id}/download`)).status).toBe(200);
      expect(await countRows(t, 'audit_log', "entity_id = $1 AND action IN ('document.delete', 'document.restore')", [doc.id])).toBe(2);
    });

    it('trashes a folder with everything below it; restore brings it all back', async () => {
      const top = await createFolder(t, advisor, space.id, 'Projekt');
      const sub = await createFolder(t, advisor, space.id, 'Unterordner', top.id);
      const doc = await upload(t, advisor, sub.id, textBytes(100), `Plan ${uniqueWord()}.txt`);
      const lone = await upload(t, advisor, sub.id, textBytes(100), 'einzeln.txt');
      expect((await as(t, advisor).delete(`/api/documents/${lone.id}`)).status).toBe(204);
      expect((await as(t, advisor).delete(`/api/folders/${top.id}`)).status).toBe(204);
      for (const path of [
        `/api/folders/${top.id}`,
        `/api/folders/${sub.id}`,
        `/api/documents/${doc.id}`,
        `/api/folders/${sub.id}/documents`,
      ]) {
        expect((await as(t, advisor).get(path)).status).toBe(404);
      }
      const folders = (await as(t, advisor).get(`/api/spaces/${space.id}/folders`)).body as FolderListDto;
      expect(folders.items.some((f) => f.id === top.id || f.id === sub.id)).toBe(false);
      expect(await uploadRequest(t, advisor, `/api/folders/${sub.id}/documents`, textBytes(10), 'x.txt').then((r) => r.status)).toBe(404);
      // a document deleted on its own waits for its folder
      const early = await as(t, advisor).post(`/api/documents/${lone.id}/restore`);
      expect(early.status).toBe(409);
      expect((early.body as ErrorBody).code).toBe('PARENT_IN_TRASH');
      expect((await as(t, advisor).post(`/api/folders/${sub.id}/restore`)).status).toBe(409);

      expect((await as(t, advisor).post(`/api/folders/${top.id}/restore`)).status).toBe(201);
      expect((await as(t, advisor).get(`/api/documents/${doc.id}`)).status).toBe(200);
      expect((await as(t, advisor).get(`/api/folders/${sub.id}`)).status).toBe(200);
      expect((await as(t, advisor).post(`/api/documents/${lone.id}/restore`)).status).toBe(201);
      expect(await countRows(t, 'audit_log', "entity_id = $1 AND action IN ('folder.delete', 'folder.restore')", [top.id])).toBe(2);
    });
  });

  describe('search', () => {
    it('finds documents by name (words and parts of words) in visible spaces only, not in the trash', async () => {
      const word = uniqueWord('anerkennung');
      const visible = await upload(t, advisor, folder.id, textBytes(10), `Leitfaden_${word}_2026.pdf`);
      const staffSpace = await createSpace(t, coordinator, { visibility: 'staff' });
      const staffFolder = await createFolder(t, coordinator, staffSpace.id, 'Intern');
      const hidden = await upload(t, coordinator, staffFolder.id, textBytes(10), `Intern ${word}.txt`);
      const trashed = await upload(t, advisor, folder.id, textBytes(10), `Alt ${word}.txt`);
      await as(t, advisor).delete(`/api/documents/${trashed.id}`);

      const search = (actor: Actor, q: string) =>
        as(t, actor)
          .get(`/api/search?type=documents&q=${encodeURIComponent(q)}`)
          .then((r) => (r.body as Page<DocumentSearchHitDto>).items.map((i) => i.documentId));
      expect(await search(partner, word)).toEqual([visible.id]);
      expect((await search(advisor, word)).sort()).toEqual([visible.id, hidden.id].sort());
      expect(await search(partner, word.slice(3, 12))).toEqual([visible.id]);
      const hit = ((await as(t, partner).get(`/api/search?type=documents&q=${word}`)).body as Page<DocumentSearchHitDto>).items[0]!;
      expect(hit).toMatchObject({
        type: 'documents',
        folderId: folder.id,
        spaceId: space.id,
        spaceName: space.name,
        contentType: 'text/plain',
      });
      expect(hit.snippet).toContain('<mark>');
      expect((await as(t, partner).get(`/api/search?type=documents&q=${word}&spaceId=${staffSpace.id}`)).status).toBe(404);
      expect(await search(partner, '%')).not.toContain(hidden.id);
    });
  });
});
