import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataExportDto, ErrorBody, LatestDataExportResponse, LoginResponse, PostDto, ThreadDto } from '@treffpunkt/contracts';
import request from 'supertest';
import yauzl from 'yauzl';
import { DataExportWorker } from '../../apps/api/src/modules/privacy/data-export.worker.js';
import { EXPORT_COVERAGE, EXPORT_SECTIONS } from '../../apps/api/src/modules/privacy/export-sections.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFolder, pdfBytes, download, upload, uploadRequest } from '../support/documents.js';
import { makeOrganisation } from '../support/factories.js';
import { as, createPost, createSpace, createThread, makeActor, type Actor } from '../support/forum.js';
import { bearer } from '../support/http.js';
import { createMeeting } from '../support/meetings.js';
import { closeAll, connect, disconnected, eventually } from '../support/sockets.js';

/** Every entry of a ZIP archive, read with an independent reader (yauzl). */
function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

type ExportData = Record<string, unknown> & {
  profile: Record<string, unknown>;
  posts: Array<{ id: string; body: string; revisions: Array<{ revision: number; body: string }> }>;
  documents: Array<{ id: string; versions: Array<{ version: number; file: string | null; sha256: string }> }>;
};

async function exportUntilDone(t: TestApp, actor: Actor): Promise<DataExportDto> {
  const worker = t.app.get(DataExportWorker);
  return eventually(
    async () => {
      await worker.drain();
      const res = await as(t, actor).get('/api/users/me/export');
      const dto = (res.body as LatestDataExportResponse).latest;
      return dto?.status === 'ready' || dto?.status === 'failed' ? dto : null;
    },
    20_000,
    'the export to finish',
  );
}

/** Columns through which a row belongs to a person: foreign keys to users(id) and the usual names. */
async function personColumns(t: TestApp): Promise<string[]> {
  const rows = await t.db.query<{ col: string }>(
    `SELECT DISTINCT c.table_name || '.' || c.column_name AS col
     FROM information_schema.columns c
     JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
     WHERE c.table_schema = 'public' AND (
       c.column_name ~ '(^|_)user_id$' OR c.column_name ~ '^(author|actor|owner|recipient_user|editor|creator)_id$'
       OR c.column_name ~ '_by(_id)?$' OR c.column_name ~ '^uploaded_by' OR c.column_name ~ '(^|_)email$' OR c.column_name = 'recipient'
       OR EXISTS (
         SELECT 1 FROM information_schema.key_column_usage k
         JOIN information_schema.referential_constraints r ON r.constraint_name = k.constraint_name AND r.constraint_schema = k.constraint_schema
         JOIN information_schema.key_column_usage u ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
         WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name
           AND u.table_name = 'users' AND u.column_name = 'id'))
     ORDER BY 1`,
  );
  return rows.map((r) => r.col);
}

/** Deliberately not in the export, each with the reason. */
const NOT_EXPORTED: Record<string, string> = {
  'users.email': 'exported as profile.email (the row itself is the profile)',
  'organisations.email': "the organisation's address, not a person's",
  'login_attempts.email': 'throttling counters keyed by whatever address was typed, also by others; no user id; deleted on erasure',
  'invitations.email': "the invitees' addresses are other people's data; the person's own invitation is exported by accepted_user_id",
  'notifications.actor_id': "other people's inboxes; what the person did is exported itself (posts, documents, meetings)",
  'notification_unread_counts.user_id': 'a count derived from the notifications, which are exported themselves (0 after erasure)',
  'idempotency_keys.user_id': 'a 24-hour retry cache holding copies of responses already exported; deleted on erasure',
};

describe('GDPR self-service: data export and erasure', () => {
  let t: TestApp;
  let admin: Actor;
  let coordinator: Actor;
  let advisor: Actor;
  let partner: Actor;
  let owner: Actor;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const home = await makeOrganisation(t.db);
    [admin, coordinator, advisor, partner, owner] = await Promise.all([
      makeActor(t, { role: 'admin', organisationId: home.id }),
      makeActor(t, { role: 'coordinator', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
      makeActor(t, { role: 'partner' }),
      makeActor(t, { role: 'advisor', organisationId: home.id }),
    ]);
    spaceId = (await createSpace(t, coordinator, { visibility: 'network' })).id;
  }, 30_000);

  afterAll(async () => {
    closeAll();
    await t?.close();
  });

  describe('data export', () => {
    let exported: DataExportDto;
    let zip: Map<string, Buffer>;
    let data: ExportData;
    let postId: string;
    let documentId: string;
    const firstBytes = pdfBytes();
    const secondBytes = Buffer.from(`Zweite Fassung ${randomBytes(8).toString('hex')}\n`.repeat(50));

    beforeAll(async () => {
      const thread = await createThread(t, owner, spaceId, { title: 'Anerkennung Pflege', body: 'Erste Fassung des Beitrags' });
      postId = thread.post.id;
      expect((await as(t, owner).patch(`/api/posts/${postId}`, { body: 'Zweite Fassung des Beitrags' })).status).toBe(200);
      await createPost(t, coordinator, thread.thread.id, { body: `Danke @${owner.handle}` });
      const folder = await createFolder(t, owner, spaceId, 'Unterlagen');
      const document = await upload(t, owner, folder.id, firstBytes, 'Merkblatt: Anerkennung?.pdf', 'application/pdf');
      documentId = document.id;
      const version = await uploadRequest(t, owner, `/api/documents/${documentId}/versions`, secondBytes, 'merkblatt.txt', 'text/plain');
      expect(version.status).toBe(201);
      const meeting = await createMeeting(t, coordinator, { spaceId });
      expect((await as(t, owner).put(`/api/meetings/${meeting.id}/rsvp`, { status: 'going' })).status).toBe(200);
      expect((await as(t, owner).post('/api/calendar/feed')).status).toBeLessThan(300);
    }, 30_000);

    it('queues the export (202) as a job and finishes it in the background', async () => {
      const res = await as(t, owner).post('/api/users/me/export');
      expect(res.status).toBe(202);
      const queued = res.body as DataExportDto;
      expect(queued).toMatchObject({ id: expect.any(String), status: expect.stringMatching(/^(queued|running|ready)$/) });
      exported = await exportUntilDone(t, owner);
      expect(exported).toMatchObject({
        id: queued.id,
        status: 'ready',
        sizeBytes: expect.any(Number),
        downloadUrl: `/api/users/me/export/${queued.id}/download`,
      });
      const expiresIn = Date.parse(exported.expiresAt!) - Date.parse(exported.finishedAt!);
      expect(Math.round(expiresIn / 86_400_000)).toBe(7);
      expect(existsSync(join(t.config.dataDir, 'exports', `${exported.id}.zip`))).toBe(true);
      const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'user.export_request' AND actor_id = $1", [owner.id]);
      expect(audit).toHaveLength(1);
    }, 30_000);

    it('streams the ZIP as an attachment with data.json, a German README and the uploaded files', async () => {
      const res = await download(t, owner, exported.downloadUrl!);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="treffpunkt-daten-\d{4}-\d{2}-\d{2}\.zip"/);
      expect(res.headers['cache-control']).toContain('no-store');
      expect(Number(res.headers['content-length'])).toBe(exported.sizeBytes);
      zip = await readZip(res.body as Buffer);
      data = JSON.parse(zip.get('data.json')!.toString('utf8')) as ExportData;
      expect(zip.get('README.txt')!.toString('utf8')).toContain('Ihre Daten aus Treffpunkt');
    });

    it('contains the profile, every revision of the posts, the threads, the RSVP and the notifications', () => {
      expect(data.profile).toMatchObject({ id: owner.id, email: owner.email, handle: owner.handle });
      expect(data).not.toHaveProperty('profile.passwordHash');
      const post = data.posts.find((p) => p.id === postId)!;
      expect(post.body).toBe('Zweite Fassung des Beitrags');
      expect(post.revisions.map((r) => r.body)).toContain('Erste Fassung des Beitrags');
      expect(data.threadsStarted).toEqual([expect.objectContaining({ title: 'Anerkennung Pflege' })]);
      expect(data.rsvps).toEqual([expect.objectContaining({ status: 'going' })]);
      expect(data.notifications).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'mention' })]));
      expect(data.mentionsOfYou).toHaveLength(1);
      expect(data.calendarFeed).toMatchObject({ exists: true });
      expect(JSON.stringify(data.calendarFeed)).not.toMatch(/token/i);
      expect(data.sessions).toEqual([expect.objectContaining({ createdAt: expect.any(String), lastUsedAt: expect.any(String) })]);
      expect(JSON.stringify(data)).not.toMatch(/token_?hash|\$argon2/i);
      expect(data.auditEntries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'user.export_request' })]));
    });

    it('puts the bytes of every version the person uploaded under files/', () => {
      const document = data.documents.find((d) => d.id === documentId)!;
      expect(document.versions.map((v) => v.version)).toEqual([1, 2]);
      const [first, second] = document.versions;
      expect(first!.file).toBe(`files/${documentId}/1-Merkblatt_ Anerkennung_.pdf`);
      expect(zip.get(first!.file!)).toEqual(firstBytes);
      expect(zip.get(second!.file!)).toEqual(secondBytes);
    });

    it('answers the running export while one is queued or running, also to parallel requests', async () => {
      const [a, b] = await Promise.all([as(t, advisor).post('/api/users/me/export'), as(t, advisor).post('/api/users/me/export')]);
      expect([a.status, b.status]).toEqual([202, 202]);
      expect((a.body as DataExportDto).id).toBe((b.body as DataExportDto).id);
      // a running one (claimed by a worker) is answered as well, without queueing another
      await exportUntilDone(t, advisor);
      const running = randomUUID();
      await t.db.query(`INSERT INTO data_exports (id, user_id, status, claimed_at, attempts) VALUES ($1, $2, 'running', now(), 1)`, [
        running,
        advisor.id,
      ]);
      const again = await as(t, advisor).post('/api/users/me/export');
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ id: running, status: 'running', downloadUrl: null });
      const rows = await t.db.query("SELECT 1 FROM data_exports WHERE user_id = $1 AND status IN ('queued','running')", [advisor.id]);
      expect(rows).toHaveLength(1);
      await t.db.query(`DELETE FROM data_exports WHERE id = $1`, [running]);
    }, 30_000);

    it('gives nobody but the owner the archive: 404 for others, 401 without a session', async () => {
      for (const other of [advisor, admin]) {
        const res = await as(t, other).get(exported.downloadUrl!);
        expect(res.status).toBe(404);
        expect((res.body as ErrorBody).code).toBe('NOT_FOUND');
      }
      expect((await request(t.url).get(exported.downloadUrl!)).status).toBe(401);
      expect((await request(t.url).post('/api/users/me/export')).status).toBe(401);
      expect((await as(t, owner).get(`/api/users/me/export/${randomUUID()}/download`)).status).toBe(404);
      expect((await as(t, owner).get('/api/users/me/export/not-a-uuid/download')).status).toBe(400);
    });

    it('limits how many exports a person may start per day (429 with Retry-After)', async () => {
      await t.db.query(`INSERT INTO data_exports (user_id, status, finished_at) SELECT $1, 'failed', now() FROM generate_series(1, 5)`, [
        partner.id,
      ]);
      const res = await as(t, partner).post('/api/users/me/export');
      expect(res.status).toBe(429);
      expect((res.body as ErrorBody).code).toBe('TOO_MANY_REQUESTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers 410 once the export expired, and the sweep deletes the file', async () => {
      await t.db.query(`UPDATE data_exports SET expires_at = now() - interval '1 minute' WHERE id = $1`, [exported.id]);
      const state = await as(t, owner).get('/api/users/me/export');
      expect((state.body as LatestDataExportResponse).latest).toMatchObject({
        id: exported.id,
        status: 'expired',
        downloadUrl: null,
        sizeBytes: null,
      });
      const gone = await as(t, owner).get(exported.downloadUrl!);
      expect(gone.status).toBe(410);
      expect((gone.body as ErrorBody).code).toBe('EXPORT_EXPIRED');
      expect(await t.app.get(DataExportWorker).sweep(new Date())).toBeGreaterThanOrEqual(1);
      expect(existsSync(join(t.config.dataDir, 'exports', `${exported.id}.zip`))).toBe(false);
      const [row] = await t.db.query<{ status: string }>('SELECT status FROM data_exports WHERE id = $1', [exported.id]);
      expect(row?.status).toBe('expired');
      expect((await as(t, owner).get(exported.downloadUrl!)).status).toBe(410);
    });

    it('covers every column that links a row to a person (a new table must be exported or excluded here)', async () => {
      const columns = await personColumns(t);
      // sanity: the detection finds the obvious ones
      expect(columns).toEqual(expect.arrayContaining(['posts.author_id', 'document_versions.uploaded_by_id', 'audit_log.actor_id']));
      const uncovered = columns.filter((c) => !EXPORT_COVERAGE.has(c) && !(c in NOT_EXPORTED));
      expect(uncovered).toEqual([]);
      // and nothing in the coverage list is stale
      const all = new Set(
        (
          await t.db.query<{ col: string }>(
            "SELECT table_name || '.' || column_name AS col FROM information_schema.columns WHERE table_schema = 'public'",
          )
        ).map((r) => r.col),
      );
      expect([...EXPORT_COVERAGE, ...Object.keys(NOT_EXPORTED)].filter((c) => !all.has(c))).toEqual([]);
      // every section is in the archive
      for (const section of EXPORT_SECTIONS) expect(data).toHaveProperty([section.key]);
    });
  });

  describe('erasure', () => {
    let canary: Actor;
    let other: Actor;
    const suffix = randomBytes(4).toString('hex');
    const displayName = `Zacharias Kanarienvogel ${suffix}`;
    const canaryText = `KANARIE-${randomBytes(6).toString('hex')}`;
    let threadId: string;
    let canaryPostId: string;
    let mentionPostId: string;

    beforeAll(async () => {
      const home = await makeOrganisation(t.db);
      // the canary joins by invitation: the first one is replaced by a second, which they accept
      const canaryEmail = `Kanarie.${suffix}@Example.org`;
      const invite = () => as(t, admin).post('/api/invitations', { email: canaryEmail, role: 'coordinator', organisationId: home.id });
      expect((await invite()).status).toBe(201);
      const link = ((await invite()).body as { link: string }).link;
      const token = link.slice(link.lastIndexOf('/') + 1);
      const password = 'correct-horse-battery';
      const accepted = await request(t.url).post(`/api/invitations/${token}/accept`).send({ displayName, password });
      expect(accepted.status).toBe(200);
      const session = accepted.body as LoginResponse;
      canary = {
        id: session.user.id,
        email: session.user.email,
        password,
        handle: session.user.handle,
        role: 'coordinator',
        organisationId: home.id,
        token: session.accessToken,
      };
      other = await makeActor(t, { role: 'advisor', organisationId: home.id });
      const me = as(t, canary);
      expect(
        (await me.patch('/api/users/me', { bio: `Über mich: ${canaryText}`, phone: '+49 391 555 0101', languages: ['Dari'] })).status,
      ).toBe(200);
      // posts, mentions and is mentioned (mails with the name go to others and to them)
      const thread = await createThread(t, canary, spaceId, { title: `Frage ${suffix}`, body: `Hallo @${other.handle}, eine Frage.` });
      threadId = thread.thread.id;
      canaryPostId = thread.post.id;
      const reply = await request(t.url)
        .post(`/api/threads/${threadId}/posts`)
        .set(...bearer(canary.token))
        .set('Idempotency-Key', randomUUID())
        .send({ body: 'Nachtrag mit Schlüssel' });
      expect(reply.status).toBe(201);
      mentionPostId = (await createPost(t, other, threadId, { body: `Antwort an @${canary.handle}: siehe Merkblatt` })).post.id;
      await as(t, canary).put(`/api/threads/${threadId}/subscription`, { level: 'watching' });
      await as(t, canary).put(`/api/spaces/${spaceId}/draft`, { title: 'Entwurf', body: `Entwurf ${canaryText}` });
      // a document, an RSVP, a calendar feed, a consultation, notification preferences
      const folder = await createFolder(t, canary, spaceId, `Ordner ${suffix}`);
      await upload(t, canary, folder.id, pdfBytes(), 'bericht.pdf', 'application/pdf');
      const meeting = await createMeeting(t, coordinator, { spaceId });
      expect((await me.put(`/api/meetings/${meeting.id}/rsvp`, { status: 'going' })).status).toBe(200);
      await me.post('/api/calendar/feed');
      const prefs = await me.put('/api/notifications/preferences', { items: [{ type: 'reply', email: 'immediate' }] });
      expect(prefs.status).toBeLessThan(300);
      // an invitation the canary sent and re-sent: the mails name them as the inviter
      const invitation = await me.post('/api/invitations', {
        email: `neu.${suffix}@example.org`,
        role: 'advisor',
        organisationId: home.id,
      });
      expect(invitation.status).toBe(201);
      expect((await me.post(`/api/invitations/${(invitation.body as { id: string }).id}/resend`)).status).toBeLessThan(300);
      // a failed login and a password reset request (audit rows, login attempts, a mail to them)
      expect(
        (await request(t.url).post('/api/auth/login').send({ email: canary.email.toUpperCase(), password: 'falsch-falsch-falsch' })).status,
      ).toBe(401);
      await request(t.url).post('/api/auth/password-reset').send({ email: canary.email });
      // an export with its file
      expect((await me.post('/api/users/me/export')).status).toBe(202);
      await exportUntilDone(t, canary);
    }, 60_000);

    it('keeps e-mail addresses out of the audit log: failed logins carry a keyed hash', async () => {
      const rows = await t.db.query<{ details: Record<string, unknown> }>(
        "SELECT details FROM audit_log WHERE action = 'auth.login_failed' AND entity_id = $1",
        [canary.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.details).toEqual({ emailHash: expect.stringMatching(/^[0-9a-f]{32}$/), reason: 'wrong_password' });
      const invitations = await t.db.query<{ details: Record<string, unknown> }>(
        "SELECT details FROM audit_log WHERE action = 'invitation.create' AND actor_id = $1",
        [canary.id],
      );
      expect(invitations[0]!.details).toMatchObject({ emailHash: expect.stringMatching(/^[0-9a-f]{32}$/) });
      expect(JSON.stringify(invitations[0]!.details)).not.toContain('@');
    });

    it('is for admins only: coordinators, advisors and partners get 403, nobody signed in 401', async () => {
      for (const actor of [coordinator, advisor, partner]) {
        const res = await as(t, actor).post(`/api/users/${canary.id}/erase`, { confirm: canary.handle });
        expect(res.status).toBe(403);
        expect((res.body as ErrorBody).code).toBe('FORBIDDEN');
      }
      expect((await request(t.url).post(`/api/users/${canary.id}/erase`).send({ confirm: canary.handle })).status).toBe(401);
      const [row] = await t.db.query<{ status: string }>('SELECT status FROM users WHERE id = $1', [canary.id]);
      expect(row?.status).toBe('active');
    });

    it('refuses a wrong confirmation (400), oneself (403) and unknown people (404)', async () => {
      const wrong = await as(t, admin).post(`/api/users/${canary.id}/erase`, { confirm: `${canary.handle}x` });
      expect(wrong.status).toBe(400);
      expect((wrong.body as ErrorBody).code).toBe('VALIDATION_FAILED');
      expect((await as(t, admin).post(`/api/users/${canary.id}/erase`, {})).status).toBe(400);
      expect((await as(t, admin).post(`/api/users/${canary.id}/erase`, { confirm: canary.handle, extra: 1 })).status).toBe(400);
      expect((await as(t, admin).post(`/api/users/${admin.id}/erase`, { confirm: admin.handle })).status).toBe(403);
      expect((await as(t, admin).post(`/api/users/${randomUUID()}/erase`, { confirm: 'niemand' })).status).toBe(404);
      const [row] = await t.db.query<{ status: string }>('SELECT status FROM users WHERE id = $1', [canary.id]);
      expect(row?.status).toBe('active');
    });

    it('erases the person: no trace of name, e-mail or profile text in any column of any table', async () => {
      const socket = await connect(t.url, canary.token);
      const gone = disconnected(socket);
      const exportFiles = await t.db.query<{ id: string }>('SELECT id FROM data_exports WHERE user_id = $1', [canary.id]);
      expect(exportFiles.length).toBeGreaterThan(0);

      const res = await as(t, admin).post(`/api/users/${canary.id}/erase`, { confirm: canary.handle });
      expect(res.status).toBe(204);
      await gone;

      const tables = await t.db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
      );
      expect(tables.length).toBeGreaterThan(30);
      const found: string[] = [];
      for (const { table_name: table } of tables) {
        for (const needle of [displayName, canary.email, canaryText, canary.handle]) {
          const rows = await t.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${table}" t WHERE strpos(lower(t::text), lower($1)) > 0`,
            [needle],
          );
          if (rows[0]!.n > 0) found.push(`${table}: ${needle}`);
        }
      }
      expect(found).toEqual([]);
      for (const { id } of exportFiles) expect(existsSync(join(t.config.dataDir, 'exports', `${id}.zip`))).toBe(false);
    });

    it('keeps their posts, shown as "Ehemaliges Mitglied", and others’ mentions no longer carry the old handle', async () => {
      const res = await as(t, other).get(`/api/threads/${threadId}/posts`);
      expect(res.status).toBe(200);
      const posts = (res.body as { items: PostDto[] }).items;
      const theirs = posts.find((p) => p.id === canaryPostId)!;
      expect(theirs.author).toMatchObject({
        id: canary.id,
        displayName: 'Ehemaliges Mitglied',
        handle: expect.stringMatching(/^ehemalig-[0-9a-f]{8}$/),
      });
      const mention = posts.find((p) => p.id === mentionPostId)!;
      expect(mention.body).toBe(`Antwort an @${theirs.author.handle}: siehe Merkblatt`);
      expect(mention.html).toContain(`data-user-id="${canary.id}">@${theirs.author.handle}</a>`);
      const thread = await as(t, other).get(`/api/threads/${threadId}`);
      expect((thread.body as ThreadDto).title).toBe(`Frage ${suffix}`);
    });

    it('ends every session: the old token, the refresh and the password no longer work', async () => {
      expect((await as(t, canary).get('/api/auth/me')).status).toBe(401);
      const login = await request(t.url).post('/api/auth/login').send({ email: canary.email, password: canary.password });
      expect(login.status).toBe(401);
      const [row] = await t.db.query<{ status: string; password_hash: string; phone: string | null; bio: string | null }>(
        'SELECT status, password_hash, phone, bio FROM users WHERE id = $1',
        [canary.id],
      );
      expect(row).toMatchObject({ status: 'erased', phone: null, bio: null });
      expect(row!.password_hash).not.toMatch(/^\$argon2/);
      for (const table of [
        'refresh_tokens',
        'notifications',
        'notification_preferences',
        'drafts',
        'calendar_feeds',
        'thread_subscriptions',
      ]) {
        const rows = await t.db.query(`SELECT 1 FROM ${table} WHERE user_id = $1`, [canary.id]);
        expect([table, rows.length]).toEqual([table, 0]);
      }
    });

    it('keeps who invited whom without the address, and names them anonymously in others’ notifications', async () => {
      const invitations = await t.db.query<{ email: string; invited_by_id: string }>(
        'SELECT email, invited_by_id FROM invitations WHERE accepted_user_id = $1',
        [canary.id],
      );
      expect(invitations).toEqual([{ email: expect.stringMatching(/^erased-[0-9a-f-]{36}@invalid$/), invited_by_id: admin.id }]);
      const notifications = await t.db.query<{ subject: string }>(
        "SELECT subject FROM notifications WHERE user_id = $1 AND type = 'invitation_accepted' AND actor_id = $2",
        [admin.id, canary.id],
      );
      expect(notifications).toEqual([{ subject: 'Ehemaliges Mitglied' }]);
    });

    it('records who erased whom, and nothing else', async () => {
      const rows = await t.db.query<{ actor_id: string; entity_type: string; details: Record<string, unknown> }>(
        "SELECT actor_id, entity_type, details FROM audit_log WHERE action = 'user.erase' AND entity_id = $1",
        [canary.id],
      );
      expect(rows).toEqual([{ actor_id: admin.id, entity_type: 'user', details: {} }]);
    });

    it('keeps the erased person out of the people directory and refuses a second erasure', async () => {
      const list = await as(t, other).get(`/api/users?limit=100`);
      expect(list.status).toBe(200);
      expect((list.body as { items: Array<{ id: string }> }).items.map((u) => u.id)).not.toContain(canary.id);
      const [row] = await t.db.query<{ handle: string }>('SELECT handle FROM users WHERE id = $1', [canary.id]);
      expect((await as(t, admin).post(`/api/users/${canary.id}/erase`, { confirm: row!.handle })).status).toBe(409);
    });
  });
});
