import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LoginResponse } from '@treffpunkt/contracts';
import request from 'supertest';

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

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => out, exited };
}

async function waitFor(running: Running, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}"; output:\n${running.output()}`);
    if (running.child.exitCode !== null) throw new Error(`server exited (${running.child.exitCode}):\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the server process (npm start)', () => {
  let dataDir: string;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
    dataDir = mkdtempSync(join(tmpdir(), 'treffpunkt-start-'));
    chmodSync(dataDir, 0o755);
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh data dir with embedded PostgreSQL and demo data, finishes in-flight work on SIGTERM, and reuses the data next time', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const first = start(env);
    await waitFor(first, 'Treffpunkt is running at');
    expect(first.output()).toContain('admin@treffpunkt.demo');
    expect(first.output()).toContain('demo-treffpunkt');
    const base = `http://127.0.0.1:${port}`;

    for (const email of ['admin@treffpunkt.demo', 'koordination@treffpunkt.demo', 'beratung@treffpunkt.demo', 'partner@treffpunkt.demo']) {
      const res = await request(base).post('/api/auth/login').send({ email, password: 'demo-treffpunkt' });
      expect([email, res.status]).toEqual([email, 200]);
      expect((res.body as LoginResponse).user.handle).toBe(email.split('@')[0]);
    }
    const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);

    // requests in flight when SIGTERM arrives still get their answers (six logins keep argon2 busy for a while)
    const inFlight = Promise.all(
      Array.from({ length: 6 }, () =>
        request(base)
          .post('/api/auth/login')
          .send({ email: 'koordination@treffpunkt.demo', password: 'demo-treffpunkt' })
          .then((r) => r.status),
      ),
    );
    await new Promise((r) => setTimeout(r, 25));
    first.child.kill('SIGTERM');
    expect(await inFlight).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(first.output()).not.toContain('demo-treffpunkt"}'); // no request bodies logged

    const second = start(env);
    await waitFor(second, 'Treffpunkt is running at');
    const again = await request(base).post('/api/auth/login').send({ email: 'admin@treffpunkt.demo', password: 'demo-treffpunkt' });
    expect(again.status).toBe(200);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(secret);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('refuses a bad configuration value with a one-line error', async () => {
    const bad = start({ DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toBe('Configuration error: PORT must be a whole number, got "eighty"');
  });
});
