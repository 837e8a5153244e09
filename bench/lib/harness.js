/** What every benchmark shares: settings, the API under test, logins, SQL capture and interleaved runs. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestJson } from './load.js';
import { startApi, takePort } from './proc.js';
import { startSqlCapture } from './sql-capture.js';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A work directory under the OS temp dir, removed by `ctx.cleanup()`. */
export function workDir(ctx, name) {
  const dir = mkdtempSync(join(tmpdir(), `treffpunkt-bench-${name}-`));
  ctx.cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Starts the built API on the data set. With `capture: true` its database connections go through
 * the SQL capture proxy (used for the short set-up phase that records the statements of each
 * case; the measured API is started again without it).
 */
export async function startApiOn(ctx, { capture = false, env = {}, nodeArgs = [] } = {}) {
  const port = await takePort();
  let proxy = null;
  let databaseUrl = ctx.db.url;
  if (capture) {
    proxy = await startSqlCapture(ctx.db.url, await takePort());
    databaseUrl = proxy.url;
  }
  const api = await startApi({ databaseUrl, dataDir: ctx.db.dataDir, port, env, nodeArgs });
  return {
    ...api,
    capture: proxy,
    async stop() {
      await api.stop();
      await proxy?.stop();
    },
  };
}

/** Access tokens live 15 minutes: each benchmark logs in anew. */
export async function login(base, ctx, who) {
  const email = ctx.manifest.users[who]?.email ?? ctx.manifest.users[who];
  const password = ctx.manifest.users[who]?.password ?? ctx.manifest.password;
  const { accessToken } = await requestJson(base, 'POST', '/api/auth/login', { body: { email, password } });
  return accessToken;
}

/**
 * The statements the API runs for one request (after two warm-up requests, so caches are as in a
 * steady state): `[{sql, params}]`, background jobs left out.
 */
export async function captureRequest(api, send) {
  await send();
  await send();
  await sleep(300);
  api.capture.take();
  const result = await send();
  await sleep(300);
  return { statements: api.capture.take(), result };
}

export function writeJson(dir, name, value) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/**
 * Runs `steps` ({name: async (run) => value}) `ctx.runs` times, interleaved, the order turned
 * round every run, so drift on the shared machine hits every side alike. Returns {name: [values]}.
 */
export async function interleave(ctx, steps) {
  const names = Object.keys(steps);
  const out = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < ctx.runs; run++) {
    const order = run % 2 === 0 ? names : [...names].reverse();
    for (const name of order) out[name].push(await steps[name](run));
  }
  return out;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * One result line. `subject`/`baseline` are per-run values of `metric`; `p95`/`baselineP95` the
 * per-run p95 latencies (ms) where there are any; `met` the verdict against the target (null when
 * the target is not about this line or could not be measured).
 */
export function resultRow(fields) {
  const s = fields.subject ?? [];
  const b = fields.baseline ?? [];
  const ratio = b.length && s.length ? median(s) / median(b) : null;
  return { ratio, ...fields };
}
