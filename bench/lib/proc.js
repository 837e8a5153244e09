/** Child processes under test: the built API and the bare baselines, with readiness and RSS. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built API; BENCH_API_MAIN points at another build (e.g. a private copy in apps/api/dist-x). */
export const API_MAIN = process.env.BENCH_API_MAIN
  ? resolve(ROOT, process.env.BENCH_API_MAIN)
  : join(ROOT, 'apps/api/dist/apps/api/src/main.js');

/**
 * Ports of the benchmarks (BENCH_PORT_BASE, default 3240, and the 19 after it), handed out in turn
 * and checked to be free.
 */
const PORT_FIRST = Number(process.env.BENCH_PORT_BASE ?? 3240);
const PORT_LAST = PORT_FIRST + 19;
let nextPort = PORT_FIRST;
export async function takePort() {
  for (let tries = 0; tries < 20; tries++) {
    const port = nextPort;
    nextPort = nextPort >= PORT_LAST ? PORT_FIRST : nextPort + 1;
    const free = await new Promise((res) => {
      const srv = createServer()
        .once('error', () => res(false))
        .listen(port, '127.0.0.1', () => srv.close(() => res(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${PORT_FIRST}–${PORT_LAST}`);
}

export function procStatus(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

/** Samples a process's RSS every 50 ms until `stop()`; returns the peak. */
export function sampleRss(pid, everyMs = 50) {
  let peak = 0;
  const read = () => {
    try {
      peak = Math.max(peak, procStatus(pid).rss);
    } catch {
      /* gone */
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns `node <script>` and waits until `readyPath` answers 200. Returns the process with its
 * base URL, the time from spawn to the first 200 (ms) and `stop()`.
 */
export async function startNode(
  script,
  { env = {}, port, readyPath = '/', args = [], nodeArgs = [], label = script, timeoutMs = 120_000 },
) {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  const base = `http://127.0.0.1:${port}`;
  let readyMs = null;
  while (readyMs === null) {
    if (exited) throw new Error(`${label} exited (${exited.code ?? exited.signal}) before it was ready:\n${output.slice(-3000)}`);
    try {
      const res = await fetch(base + readyPath);
      await res.arrayBuffer();
      if (res.status === 200) readyMs = performance.now() - started;
    } catch {
      /* not listening yet */
    }
    if (readyMs === null) {
      if (performance.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        throw new Error(`${label} not ready after ${timeoutMs} ms:\n${output.slice(-3000)}`);
      }
      await sleep(5);
    }
  }
  return {
    child,
    pid: child.pid,
    base,
    port,
    readyMs,
    output: () => output,
    rss: () => procStatus(child.pid).rss,
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/**
 * Node options for the API child: BENCH_API_ARGS (space-separated, e.g. `--max-semi-space-size=4`)
 * and BENCH_CPU_PROF=<dir> (a V8 CPU profile per API process, written when it stops).
 */
function apiNodeArgs() {
  const args = (process.env.BENCH_API_ARGS ?? '').split(/\s+/).filter(Boolean);
  if (process.env.BENCH_CPU_PROF) args.push('--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`);
  return args;
}

/** The built production API on `databaseUrl`, with its data directory, logging at warn and no request cap. */
export function startApi({ databaseUrl, dataDir, port, env = {}, nodeArgs = [] }) {
  if (!existsSync(API_MAIN)) throw new Error('Build first: npm run build');
  return startNode(API_MAIN, {
    port,
    readyPath: '/api/health/ready',
    label: 'API',
    nodeArgs: [...apiNodeArgs(), ...nodeArgs],
    env: {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      // one client IP sends everything: the per-IP cap would measure the limiter, not the app
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
  });
}

export function startBaseline(name, { port, env = {} }) {
  return startNode(join(ROOT, 'bench/baselines', `${name}.js`), { port, env, readyPath: '/health', label: `baseline ${name}` });
}
