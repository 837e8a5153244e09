import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CreateThreadResponse, SpaceDto } from '@treffpunkt/contracts';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { makeOrganisation, makeUser, type MadeUser } from '../support/factories.js';
import { bearer, login } from '../support/http.js';
import { closeAll, connect, disconnected, nextEvent } from '../support/sockets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'apps/api/dist/apps/api/src/main.js');

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

interface Instance {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const deadline = Date.now() + 60_000;
  while (!out.includes('Treffpunkt is running at')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`instance did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, child, output: () => out, exited };
}

/** Two separate API processes on one database, as behind a load balancer. */
describe('two API processes on one database', () => {
  let db: TestDatabase;
  let dataDir: string;
  let a: Instance;
  let b: Instance;
  let coordinator: MadeUser;
  let advisor: MadeUser;
  let admin: MadeUser;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'treffpunkt-two-'));
    chmodSync(dataDir, 0o755);
    const env = {
      DATABASE_URL: db.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    const org = await makeOrganisation(db);
    coordinator = await makeUser(db, { role: 'coordinator', organisationId: org.id });
    advisor = await makeUser(db, { role: 'advisor', organisationId: org.id });
    admin = await makeUser(db, { role: 'admin', organisationId: org.id });
  }, 120_000);

  afterAll(async () => {
    closeAll();
    for (const instance of [a, b]) {
      if (instance && instance.child.exitCode === null) {
        instance.child.kill('SIGTERM');
        await instance.exited;
      }
    }
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('relays live events caused on instance A to a socket on instance B, and disabling on A disconnects on B', async () => {
    const writer = await login(a.url, coordinator.email, coordinator.password);
    const reader = await login(b.url, advisor.email, advisor.password);
    const space = (
      await request(a.url)
        .post('/api/spaces')
        .set(...bearer(writer.accessToken))
        .send({ name: `Zwei Prozesse ${randomBytes(3).toString('hex')}`, description: '', visibility: 'staff' })
    ).body as SpaceDto;
    const created = (
      await request(a.url)
        .post(`/api/spaces/${space.id}/threads`)
        .set(...bearer(writer.accessToken))
        .send({ title: 'Relais über PostgreSQL', body: 'Erster Beitrag' })
    ).body as CreateThreadResponse;

    const socket = await connect(b.url, reader.accessToken);
    expect(await new Promise((r) => socket.emit('thread:join', { threadId: created.thread.id }, r))).toEqual({ ok: true });

    const postCreated = nextEvent(socket, 'thread:post-created', { timeoutMs: 10_000 });
    const notification = nextEvent(socket, 'notification:new', { timeoutMs: 10_000 });
    const res = await request(a.url)
      .post(`/api/threads/${created.thread.id}/posts`)
      .set(...bearer(writer.accessToken))
      .send({ body: `Hallo @${advisor.handle}, über Prozess A geschrieben` });
    expect(res.status).toBe(201);
    const [event] = await postCreated;
    expect(event.threadId).toBe(created.thread.id);
    const [note] = await notification;
    expect(note.type).toBe('mention');

    // disabling through A ends the session on B at once
    const adminSession = await login(a.url, admin.email, admin.password);
    const closed = disconnected(socket, 10_000);
    await request(a.url)
      .patch(`/api/users/${advisor.id}`)
      .set(...bearer(adminSession.accessToken))
      .send({ status: 'disabled' })
      .expect(200);
    await closed;
    expect(
      (
        await request(b.url)
          .get('/api/auth/me')
          .set(...bearer(reader.accessToken))
      ).status,
    ).toBe(401);
  }, 60_000);

  it('both processes stop cleanly', async () => {
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
  }, 30_000);
});
