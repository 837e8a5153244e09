import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
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

/** A login whose body is only half sent until `finish()`: a request the server is certainly handling. */
function partialLogin(port: number, email: string, password: string) {
  const body = JSON.stringify({ email, password });
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const status = new Promise<number>((done, fail) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
  });
  const headersSent = new Promise<void>((done) => req.write(body.slice(0, 10), () => done()));
  return { status, headersSent, finish: () => req.end(body.slice(10)) };
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

    // Requests in flight when SIGTERM arrives still get their answers. To be sure they are in flight
    // (and not still in the kernel's accept queue on a busy machine), each login sends its headers and
    // half its body, the server waits for the rest; SIGTERM comes in between.
    const inFlight = Array.from({ length: 3 }, () => partialLogin(port, 'koordination@treffpunkt.demo', 'demo-treffpunkt'));
    await Promise.all(inFlight.map((r) => r.headersSent));
    await new Promise((r) => setTimeout(r, 500));
    first.child.kill('SIGTERM');
    await waitFor(first, 'SIGTERM received');
    for (const r of inFlight) r.finish();
    expect(await Promise.all(inFlight.map((r) => r.status))).toEqual([200, 200, 200]);
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
