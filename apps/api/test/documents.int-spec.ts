import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import type { AuthUser } from '../src/common/auth/auth-user.js';
import { type DomainError } from '../src/common/errors/domain-error.js';
import { BlobStore } from '../src/modules/documents/blob-store.js';
import { DocumentsMaintenanceService } from '../src/modules/documents/documents-maintenance.service.js';
import { DocumentsModule } from '../src/modules/documents/documents.module.js';
import { DocumentsService } from '../src/modules/documents/documents.service.js';
import type { UploadSource } from '../src/modules/documents/upload-source.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { sha256 } from '../../../test/support/documents.js';
import { makeOrganisation, makeUser } from '../../../test/support/factories.js';
import { integrationModule } from './support/module.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const QUOTA = 1_000_000;

/** An upload as the HTTP layer would hand it over, from bytes in memory (optionally in slow chunks). */
function source(bytes: Buffer, filename = 'datei.bin', chunkDelayMs = 0): UploadSource {
  return {
    declaredBytes: null,
    open: () =>
      Promise.resolve({
        filename,
        stream: Readable.from(
          (async function* () {
            for (let i = 0; i < bytes.length; i += 16 * 1024) {
              if (chunkDelayMs) await new Promise((r) => setTimeout(r, chunkDelayMs));
              yield bytes.subarray(i, i + 16 * 1024);
            }
          })(),
        ),
        truncated: () => false,
        failed: () => false,
      }),
  };
}

describe('documents store, trash purge and sweeper on a real database', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let documents: DocumentsService;
  let maintenance: DocumentsMaintenanceService;
  let store: BlobStore;
  let coordinator: AuthUser;
  let spaceId: string;

  const ctx = () => ({ user: coordinator, ip: '127.0.0.1' });
  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;
  const insertSpace = async () => {
    const id = randomUUID();
    await db.query(`INSERT INTO spaces (id, name, slug, visibility) VALUES ($1, $2, $3, 'staff')`, [
      id,
      `Team ${id.slice(0, 6)}`,
      `t-${id.slice(0, 8)}`,
    ]);
    return id;
  };
  /** Pretends something was put in the trash `days` ago. */
  const age = (table: 'documents' | 'folders', id: string, days: number) =>
    db.query(`UPDATE ${table} SET deleted_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
  const tempFiles = () => (existsSync(store.tempDir) ? readdirSync(store.tempDir) : []);

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, { imports: [DocumentsModule] }, { spaceQuotaBytes: QUOTA, documentTrashDays: 30 });
    documents = moduleRef.get(DocumentsService);
    maintenance = moduleRef.get(DocumentsMaintenanceService);
    store = moduleRef.get(BlobStore);
    const org = await makeOrganisation(db);
    const user = await makeUser(db, { role: 'coordinator', organisationId: org.id });
    coordinator = { id: user.id, role: 'coordinator', organisationId: org.id };
    spaceId = await insertSpace();
  });

  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  it('purges the trash only after DOCUMENT_TRASH_DAYS, with its versions and now unreferenced files', async () => {
    const folder = await documents.createFolder(ctx(), spaceId, { name: 'Ablage' });
    const shared = randomBytes(5000);
    const keep = await documents.upload(ctx(), folder.id, source(shared, 'bleibt.bin'));
    const goes = await documents.upload(ctx(), folder.id, source(randomBytes(5000), 'geht.bin'));
    await documents.uploadVersion(ctx(), goes.id, source(shared, 'geht-v2.bin'));
    const only = (await documents.getDocument(coordinator, goes.id)).versions.find((v) => v.version === 1)!.sha256;
    await documents.deleteDocument(ctx(), goes.id);
    await age('documents', goes.id, 0);

    const now = new Date();
    expect(await maintenance.purgeTrash(new Date(now.getTime() + 29 * DAY_MS))).toBe(0);
    expect(await count('documents WHERE id = $1', [goes.id])).toBe(1);

    expect(await maintenance.purgeTrash(new Date(now.getTime() + 31 * DAY_MS))).toBe(1);
    expect(await count('documents WHERE id = $1', [goes.id])).toBe(0);
    expect(await count('document_versions WHERE document_id = $1', [goes.id])).toBe(0);
    expect(await count("audit_log WHERE action = 'document.purge' AND entity_id = $1", [goes.id])).toBe(1);
    // its own bytes are gone; the bytes it shared with a live document stay
    expect(await count('blobs WHERE sha256 = $1', [only])).toBe(0);
    expect(existsSync(store.pathOf(only))).toBe(false);
    expect(await count('blobs WHERE sha256 = $1', [sha256(shared)])).toBe(1);
    expect(existsSync(store.pathOf(sha256(shared)))).toBe(true);
    expect((await documents.getDocument(coordinator, keep.id)).sha256).toBe(sha256(shared));
  });

  it('purges a trashed folder with everything below it', async () => {
    const top = await documents.createFolder(ctx(), spaceId, { name: 'Alt' });
    const sub = await documents.createFolder(ctx(), spaceId, { name: 'Älter', parentId: top.id });
    const inner = await documents.upload(ctx(), sub.id, source(randomBytes(3000), 'tief.bin'));
    await documents.deleteFolder(ctx(), top.id);
    await age('folders', top.id, 40);
    expect(await maintenance.purgeTrash(new Date())).toBe(1);
    expect(await count('folders WHERE id = ANY($1::uuid[])', [[top.id, sub.id]])).toBe(0);
    expect(await count('documents WHERE id = $1', [inner.id])).toBe(0);
    expect(existsSync(store.pathOf(inner.sha256))).toBe(false);
    expect(await count("audit_log WHERE action = 'folder.purge' AND entity_id = $1", [top.id])).toBe(1);
  });

  it('sweeps unreferenced blobs, files whose row never committed and stale temp files — after a grace period', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 2 * HOUR_MS);
    const place = (sha: string, bytes: Buffer, mtime: Date) => {
      const path = store.pathOf(sha);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      utimesSync(path, mtime, mtime);
    };
    // a blob row no version references (its document was purged by hand)
    const unreferenced = randomBytes(100);
    place(sha256(unreferenced), unreferenced, now);
    await db.query(`INSERT INTO blobs (sha256, size, content_type) VALUES ($1, 100, 'application/octet-stream')`, [sha256(unreferenced)]);
    // renamed into place, then the process died before the row committed
    const orphanOld = randomBytes(100);
    place(sha256(orphanOld), orphanOld, old);
    const orphanFresh = randomBytes(100);
    place(sha256(orphanFresh), orphanFresh, now);
    // temp files of dead and of running uploads
    mkdirSync(store.tempDir, { recursive: true });
    const staleTemp = join(store.tempDir, `${randomUUID()}.part`);
    writeFileSync(staleTemp, 'halb');
    utimesSync(staleTemp, old, old);
    const liveTemp = join(store.tempDir, `${randomUUID()}.part`);
    writeFileSync(liveTemp, 'läuft');
    // a live document must survive all of it
    const folder = await documents.createFolder(ctx(), spaceId, { name: 'Lebendig' });
    const live = await documents.upload(ctx(), folder.id, source(randomBytes(2000), 'lebt.bin'));
    utimesSync(store.pathOf(live.sha256), old, old);

    const result = await maintenance.sweep(now);
    expect(result).toEqual({ blobs: 1, orphanFiles: 1, tempFiles: 1 });
    expect(existsSync(store.pathOf(sha256(unreferenced)))).toBe(false);
    expect(await count('blobs WHERE sha256 = $1', [sha256(unreferenced)])).toBe(0);
    expect(existsSync(store.pathOf(sha256(orphanOld)))).toBe(false);
    expect(existsSync(store.pathOf(sha256(orphanFresh)))).toBe(true);
    expect(existsSync(staleTemp)).toBe(false);
    expect(existsSync(liveTemp)).toBe(true);
    expect(existsSync(store.pathOf(live.sha256))).toBe(true);
    expect(sha256(Buffer.concat(await documents.download(coordinator, live.id).then((f) => f.open().toArray() as Promise<Buffer[]>)))).toBe(
      live.sha256,
    );
    // a later run (past the grace period) takes the fresh orphan too
    expect((await maintenance.sweep(new Date(now.getTime() + 2 * HOUR_MS))).orphanFiles).toBeGreaterThanOrEqual(1);
    expect(existsSync(store.pathOf(sha256(orphanFresh)))).toBe(false);
    expect(existsSync(liveTemp)).toBe(false);
  });

  it('stores identical bytes uploaded at the same time once', async () => {
    const folder = await documents.createFolder(ctx(), spaceId, { name: 'Gleich' });
    const bytes = randomBytes(50_000);
    const results = await Promise.all([1, 2, 3].map((n) => documents.upload(ctx(), folder.id, source(bytes, `kopie-${n}.bin`, 2))));
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha256(bytes)]));
    expect(await count('blobs WHERE sha256 = $1', [sha256(bytes)])).toBe(1);
    expect(await count('document_versions WHERE blob_sha256 = $1', [sha256(bytes)])).toBe(3);
    expect(tempFiles()).toEqual([]);
  });

  it('lets only one of two concurrent uploads squeeze into the last room of the quota', async () => {
    const tight = await insertSpace();
    const folder = await documents.createFolder(ctx(), tight, { name: 'Eng' });
    await documents.upload(ctx(), folder.id, source(randomBytes(QUOTA - 150_000), 'gross.bin'));
    const outcomes = await Promise.allSettled([
      documents.upload(ctx(), folder.id, source(randomBytes(100_000), 'a.bin', 2)),
      documents.upload(ctx(), folder.id, source(randomBytes(100_000), 'b.bin', 2)),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected')!;
    expect((rejected.reason as DomainError).status).toBe(507);
    expect(await count('documents WHERE space_id = $1', [tight])).toBe(2);
    // the refused upload's bytes are not in the store
    expect(await count('blobs b WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.blob_sha256 = b.sha256)')).toBe(0);
  });
});
