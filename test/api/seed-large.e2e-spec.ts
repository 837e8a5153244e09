import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page, PostDto, SearchHitDto, ThreadSummaryDto } from '@treffpunkt/contracts';
import { renderMarkdown } from '../../apps/api/src/modules/forum/markdown.renderer.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { api, bearer, login } from '../support/http.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SCALE = '0.005';

interface Manifest {
  scale: number;
  seed: number;
  database: string;
  databaseUrl: string;
  dataDir: string;
  password: string;
  users: Record<'admin' | 'coordinator' | 'advisor' | 'partner', string>;
  bigSpaceId: string;
  bigSpaceThreadCount: number;
  bigThreadId: string;
  bigThreadPostCount: number;
  typicalThreadIds: string[];
  replyThreadId: string;
  replyWatcherIds: string[];
  searchTerms: Record<'rare' | 'medium' | 'common', string[]>;
  searchTermPostCounts: Record<string, number>;
  documentIds: string[];
  counts: Record<string, number>;
  generatedInSeconds: number;
}

/** Runs the generator (the built one, like `npm run seed:large`) into the given test database. */
async function generate(db: TestDatabase, dataRoot: string, seed = 1): Promise<Manifest> {
  await promisify(execFile)(
    process.execPath,
    ['bench/seed-large.js', '--scale', SCALE, '--seed', String(seed), '--database', db.name, '--quiet'],
    { cwd: ROOT, env: { ...process.env, LARGE_DATABASE_URL: process.env.TEST_PG_ADMIN_URL, BENCH_DATA_DIR: dataRoot } },
  );
  return JSON.parse(readFileSync(join(dataRoot, `dataset-s${SCALE}.json`), 'utf8')) as Manifest;
}

const one = async <T>(db: TestDatabase, sql: string, params: unknown[] = []): Promise<T> =>
  (await db.query<Record<string, T>>(sql, params))[0]!.v!;

describe('the large data set generator (npm run seed:large)', () => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'treffpunkt-large-'));
  let db: TestDatabase;
  let manifest: Manifest;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    manifest = await generate(db, dataRoot);
    t = await startTestApp({ dataDir: manifest.dataDir }, { db });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('writes the planned number of rows and describes them in the manifest', async () => {
    // scale 0.005 of data set M, with the generator's floors (≥ 60 people, ≥ 6 spaces)
    expect(manifest.counts).toMatchObject({
      users: 60,
      organisations: 10,
      spaces: 6,
      threads: 250,
      posts: 5000,
      documents: 250,
      meetings: 25,
      consultations: 500,
    });
    for (const [table, key] of [
      ['users', 'users'],
      ['threads', 'threads'],
      ['posts', 'posts'],
      ['documents', 'documents'],
      ['meetings', 'meetings'],
      ['consultations', 'consultations'],
    ] as const) {
      expect(await one<number>(db, `SELECT count(*)::int AS v FROM ${table}`)).toBe(manifest.counts[key]);
    }
    expect(await one<number>(db, 'SELECT count(*)::int AS v FROM posts WHERE thread_id = $1', [manifest.bigThreadId])).toBe(100);
    expect(manifest.bigThreadPostCount).toBe(100);
    expect(await one<number>(db, 'SELECT count(*)::int AS v FROM threads WHERE space_id = $1', [manifest.bigSpaceId])).toBe(
      manifest.bigSpaceThreadCount,
    );
    expect(await one<number>(db, 'SELECT count(DISTINCT type)::int AS v FROM organisations')).toBe(7);
    expect(await one<number>(db, 'SELECT count(DISTINCT visibility)::int AS v FROM spaces')).toBe(3);
    expect(await one<number>(db, 'SELECT count(DISTINCT role)::int AS v FROM users')).toBe(4);
  });

  it('keeps every thread counter equal to what its posts say', async () => {
    const wrong = await db.query(
      `SELECT t.id FROM threads t
         JOIN (SELECT thread_id, max(seq) AS last_seq, count(*) AS n, count(*) FILTER (WHERE deleted_at IS NULL) AS live,
                      max(created_at) AS last_at, min(created_at) AS first_at
                 FROM posts GROUP BY thread_id) p ON p.thread_id = t.id
        WHERE t.last_seq <> p.last_seq OR p.n <> p.last_seq OR t.post_count <> p.live
           OR t.last_post_at <> p.last_at OR t.created_at <> p.first_at`,
    );
    expect(wrong).toEqual([]);
    // authors watch their threads and have read them at least up to their own last post
    const unwatched = await one<number>(
      db,
      `SELECT count(*)::int AS v FROM (SELECT thread_id, author_id, max(seq) AS seq FROM posts GROUP BY 1, 2) p
         LEFT JOIN thread_subscriptions s ON s.thread_id = p.thread_id AND s.user_id = p.author_id
         LEFT JOIN thread_reads r ON r.thread_id = p.thread_id AND r.user_id = p.author_id
        WHERE s.level IS DISTINCT FROM 'watching' OR r.last_read_seq IS NULL OR r.last_read_seq < p.seq`,
    );
    expect(unwatched).toBe(0);
    expect(
      await one<number>(
        db,
        'SELECT count(*)::int AS v FROM thread_reads r JOIN threads t ON t.id = r.thread_id WHERE r.last_read_seq > t.last_seq',
      ),
    ).toBe(0);
    // edits: one revision per edit, numbered from 1
    expect(
      await one<number>(
        db,
        `SELECT count(*)::int AS v FROM posts p WHERE p.revision_count <> (SELECT count(*) FROM post_revisions r WHERE r.post_id = p.id)
            OR (p.revision_count > 0) <> (p.edited_at IS NOT NULL)`,
      ),
    ).toBe(0);
  });

  it('gives case threads pseudonym codes, retention dates and a case sequence like the product does', async () => {
    const cases = await db.query<{ code: string; ok: boolean; visibility: string }>(
      `SELECT t.pseudonym_code AS code, s.visibility,
              t.retention_until = t.last_post_at + make_interval(months => s.case_retention_months) AS ok
         FROM threads t JOIN spaces s ON s.id = t.space_id WHERE t.kind = 'case'`,
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.code).toMatch(/^F-\d{4}-\d{4,}$/);
      expect(c.ok).toBe(true);
      expect(c.visibility).not.toBe('network');
    }
    const sequences = await db.query<{ year: number; last_value: number }>('SELECT year, last_value FROM case_sequences');
    for (const { year, last_value } of sequences) {
      expect(await one<number>(db, 'SELECT count(*)::int AS v FROM threads WHERE pseudonym_code LIKE $1', [`F-${year}-%`])).toBe(
        last_value,
      );
    }
  });

  it('stores exactly the HTML the product renders for each post', async () => {
    const posts = await db.query<{ body: string; body_html: string; mentions: Array<{ handle: string; userId: string }> | null }>(
      `SELECT p.body, p.body_html,
              (SELECT json_agg(json_build_object('handle', u.handle, 'userId', u.id)) FROM post_mentions m JOIN users u ON u.id = m.user_id
                WHERE m.post_id = p.id) AS mentions
         FROM posts p ORDER BY (EXISTS (SELECT 1 FROM post_mentions m WHERE m.post_id = p.id)) DESC, p.id LIMIT 300`,
    );
    expect(posts.some((p) => p.mentions)).toBe(true);
    for (const p of posts) expect(p.body_html).toBe(renderMarkdown(p.body, p.mentions ?? []));
  });

  it('writes every stored version into the content-addressed store with its hash and size', async () => {
    const blobs = await db.query<{ sha256: string; size: string }>('SELECT sha256, size FROM blobs');
    expect(blobs.length).toBeGreaterThanOrEqual(10);
    for (const blob of blobs) {
      const bytes = readFileSync(join(manifest.dataDir, 'files', blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256));
      expect(bytes.length).toBe(Number(blob.size));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(blob.sha256);
    }
    expect(
      await one<number>(
        db,
        'SELECT count(*)::int AS v FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id AND v.version = d.current_version)',
      ),
    ).toBe(0);
  });

  it('has a thread with exactly 50 watchers for the reply benchmark', async () => {
    const watchers = await db.query<{ user_id: string }>(
      "SELECT user_id FROM thread_subscriptions WHERE thread_id = $1 AND level = 'watching'",
      [manifest.replyThreadId],
    );
    expect(watchers).toHaveLength(50);
    expect(watchers.map((w) => w.user_id).sort()).toEqual([...manifest.replyWatcherIds].sort());
  });

  it('is served by the product: an advisor logs in, lists the big space, reads the big thread, searches and downloads', async () => {
    const { accessToken } = await login(t.url, manifest.users.advisor, manifest.password);
    const auth = bearer(accessToken);
    const threads = await api(t.url)
      .get(`/api/spaces/${manifest.bigSpaceId}/threads`)
      .query({ limit: 50 })
      .set(...auth);
    expect(threads.status).toBe(200);
    const page = threads.body as Page<ThreadSummaryDto>;
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await api(t.url)
      .get(`/api/spaces/${manifest.bigSpaceId}/threads`)
      .query({ limit: 50, cursor: page.nextCursor! })
      .set(...auth);
    expect(next.status).toBe(200);

    const posts = await api(t.url)
      .get(`/api/threads/${manifest.bigThreadId}/posts`)
      .query({ limit: 100 })
      .set(...auth);
    expect(posts.status).toBe(200);
    expect((posts.body as Page<PostDto>).items.map((p) => p.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));

    const term = manifest.searchTerms.common[0]!;
    const search = await api(t.url)
      .get('/api/search')
      .query({ q: term, type: 'posts' })
      .set(...auth);
    expect(search.status).toBe(200);
    expect((search.body as Page<SearchHitDto>).items.length).toBeGreaterThan(0);
    expect(manifest.searchTermPostCounts[term]).toBeGreaterThan(0);

    const documentId = manifest.documentIds[0]!;
    const download = await api(t.url)
      .get(`/api/documents/${documentId}/download`)
      .set(...auth)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    const sha = await one<string>(
      db,
      'SELECT v.blob_sha256 AS v FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version WHERE d.id = $1',
      [documentId],
    );
    expect(
      createHash('sha256')
        .update(download.body as Buffer)
        .digest('hex'),
    ).toBe(sha);
  });

  it('generates the same ids, texts and timestamps from the same seed', async () => {
    const fingerprint = (target: TestDatabase) =>
      one<string>(
        target,
        `SELECT md5(concat_ws('|',
           (SELECT string_agg(concat_ws(',', id, thread_id, seq, author_id, body, body_html, created_at), ';' ORDER BY id) FROM posts),
           (SELECT string_agg(concat_ws(',', id, title, last_post_at, pseudonym_code), ';' ORDER BY id) FROM threads),
           (SELECT string_agg(concat_ws(',', id, email, handle, role), ';' ORDER BY id) FROM users),
           (SELECT string_agg(concat_ws(',', user_id, thread_id, last_read_seq), ';' ORDER BY user_id, thread_id) FROM thread_reads),
           (SELECT string_agg(concat_ws(',', id, blob_sha256), ';' ORDER BY id) FROM document_versions))) AS v`,
      );
    const again = await createTestDatabase();
    const root = mkdtempSync(join(tmpdir(), 'treffpunkt-large-'));
    try {
      const repeat = await generate(again, root);
      expect(await fingerprint(again)).toBe(await fingerprint(db));
      const comparable = (m: Manifest) => ({ ...m, database: '', dataDir: '', databaseUrl: '', generatedInSeconds: 0 });
      expect(comparable(repeat)).toEqual(comparable(manifest));
    } finally {
      await again.drop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
