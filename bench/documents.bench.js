/**
 * Document upload/download throughput through the real, built API process, against bare baselines
 * on the same machine in the same run:
 *   - `dd` writing the same number of bytes with fsync (what the disk can take),
 *   - a bare Node stream copy file → file with fsync (what Node streaming costs without HTTP/DB),
 * the API process's peak RSS for a 1 MiB and a 1 GiB upload (it must not grow with file size), and
 * 100 × 10 MiB uploads at concurrency 10 (vs 100 Node stream copies at concurrency 10).
 *
 *   npm run bench -- documents                          (part of `npm run bench`)
 *   npm run build && npm run bench:documents            (alone; BENCH_SIZE_MIB=1024 by default)
 *
 * Starts the server as a child process with its own DATA_DIR and embedded PostgreSQL (the demo
 * network, not the large data set); cleans up every big file it wrote.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { API_MAIN as MAIN } from './lib/proc.js';

const ROOT = resolve(import.meta.dirname, '..');
const MiB = 1024 * 1024;

const freePort = () =>
  new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const mibps = (bytes, s) => bytes / MiB / s;

function procStatus(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

/** Polls the API's RSS while `work` runs; returns its result and the highest RSS seen. */
async function withRssSampling(pid, work) {
  let peak = procStatus(pid).rss;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, procStatus(pid).rss);
    } catch {
      /* process gone */
    }
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, procStatus(pid).rss);
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

async function json(base, method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/** Streams a file from disk as a multipart upload (never in memory), returns the response body. */
function uploadFile(base, token, folderId, file, size) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((res, rej) => {
    const req = request(`${base}/api/folders/${folderId}/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + size + tail.length),
      },
    });
    req.on('error', rej);
    req.on('response', (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString());
        if (response.statusCode !== 201) rej(new Error(`upload: ${response.statusCode} ${JSON.stringify(body)}`));
        else res(body);
      });
    });
    req.write(head);
    const src = createReadStream(file, { highWaterMark: MiB });
    src.on('error', rej);
    src.on('end', () => req.end(tail));
    src.pipe(req, { end: false });
  });
}

/** Downloads into a file (with fsync, like the baselines) and returns its SHA-256. */
function downloadFile(base, token, documentId, target) {
  return new Promise((res, rej) => {
    const req = request(`${base}/api/documents/${documentId}/download`, { headers: { authorization: `Bearer ${token}` } });
    req.on('error', rej);
    req.on('response', (response) => {
      if (response.statusCode !== 200) return rej(new Error(`download: ${response.statusCode}`));
      const hash = createHash('sha256');
      response.on('data', (c) => hash.update(c));
      pipeline(response, createWriteStream(target, { flush: true })).then(() => res(hash.digest('hex')), rej);
    });
    req.end();
  });
}

/** A file of `size` bytes from a repeated random 1 MiB block, and its SHA-256. */
async function makeSource(path, size) {
  const block = randomBytes(MiB);
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += MiB) {
    const chunk = block.subarray(0, Math.min(MiB, size - written));
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return hash.digest('hex');
}

function dropCaches() {
  try {
    execFileSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Copies `count` files of `size` bytes with `concurrency` streams at a time (fsync); returns seconds. */
async function parallelCopies(work, source, count, concurrency) {
  const start = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const target = join(work, `copy-${next++}.bin`);
        await pipeline(createReadStream(source, { highWaterMark: MiB }), createWriteStream(target, { flush: true }));
        rmSync(target);
      }
    }),
  );
  return seconds(start);
}

/**
 * Runs the whole measurement; `sizeMiB` for the big file, `many` × `manyMiB` at `concurrency`.
 * Returns the timings (s) and RSS figures (bytes).
 */
export async function measureDocuments({ sizeMiB, many, manyMiB, concurrency, port }) {
  const SIZE_MIB = sizeMiB;
  const BIG = SIZE_MIB * MiB;
  if (!existsSync(MAIN)) throw new Error('Build first: npm run build');
  const work = mkdtempSync(join(tmpdir(), 'treffpunkt-bench-'));
  // embedded PostgreSQL runs initdb as another user when started as root
  chmodSync(work, 0o755);
  const dataDir = join(work, 'data');
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  port ??= await freePort();
  const nodeArgs = (process.env.BENCH_API_ARGS ?? '').split(/\s+/).filter(Boolean);
  if (process.env.BENCH_CPU_PROF) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`);
  const server = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      UPLOAD_MAX_BYTES: String(BIG + MiB),
      SPACE_QUOTA_BYTES: String(4 * BIG + 2 * many * manyMiB * MiB + 100 * MiB),
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health/ready`)).ok) break;
      } catch {
        /* not yet */
      }
      if (i > 600) throw new Error('server did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
    const { accessToken: token } = await json(base, 'POST', '/api/auth/login', null, {
      email: 'admin@treffpunkt.demo',
      password: 'demo-treffpunkt',
    });
    const space = await json(base, 'POST', '/api/spaces', token, {
      name: `Bench ${Date.now()}`,
      description: 'bench',
      visibility: 'staff',
    });
    const folder = await json(base, 'POST', `/api/spaces/${space.id}/folders`, token, { name: 'bench' });

    const small = join(work, 'small.bin');
    const big = join(work, 'big.bin');
    await makeSource(small, MiB);
    const bigSha = await makeSource(big, BIG);
    const rssIdle = procStatus(server.pid).rss;

    // warm-up (JIT, connection pool) and the 1 MiB figure
    await uploadFile(base, token, folder.id, small, MiB);
    const smallRun = await withRssSampling(server.pid, () => uploadFile(base, token, folder.id, small, MiB));
    const hwmAfterSmall = procStatus(server.pid).hwm;

    const cold = dropCaches();
    let start = process.hrtime.bigint();
    const bigRun = await withRssSampling(server.pid, () => uploadFile(base, token, folder.id, big, BIG));
    const uploadS = seconds(start);
    if (bigRun.result.sha256 !== bigSha) throw new Error('uploaded hash differs');
    const hwmAfterBig = procStatus(server.pid).hwm;

    dropCaches();
    const downloaded = join(work, 'downloaded.bin');
    start = process.hrtime.bigint();
    const dl = await withRssSampling(server.pid, () => downloadFile(base, token, bigRun.result.id, downloaded));
    const downloadS = seconds(start);
    if (dl.result !== bigSha) throw new Error('downloaded hash differs');
    rmSync(downloaded);

    // baselines on the same disk
    dropCaches();
    start = process.hrtime.bigint();
    execFileSync('dd', ['if=/dev/zero', `of=${join(work, 'dd.bin')}`, 'bs=1M', `count=${SIZE_MIB}`, 'conv=fsync'], { stdio: 'ignore' });
    const ddS = seconds(start);
    rmSync(join(work, 'dd.bin'));

    dropCaches();
    start = process.hrtime.bigint();
    await pipeline(createReadStream(big, { highWaterMark: MiB }), createWriteStream(join(work, 'copy.bin'), { flush: true }));
    const copyS = seconds(start);
    if (statSync(join(work, 'copy.bin')).size !== BIG) throw new Error('copy size differs');
    rmSync(join(work, 'copy.bin'));

    // many medium files at once: API vs the same number of Node stream copies
    const medium = join(work, 'medium.bin');
    await makeSource(medium, manyMiB * MiB);
    dropCaches();
    start = process.hrtime.bigint();
    const manyRun = await withRssSampling(server.pid, async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < many) {
            next++;
            await uploadFile(base, token, folder.id, medium, manyMiB * MiB);
          }
        }),
      );
    });
    const manyS = seconds(start);
    dropCaches();
    const manyCopyS = await parallelCopies(work, medium, many, concurrency);

    return {
      sizeMiB,
      cold,
      uploadS,
      downloadS,
      ddS,
      copyS,
      manyS,
      manyCopyS,
      rssIdle,
      smallPeak: smallRun.peak,
      bigPeak: bigRun.peak,
      downloadPeak: dl.peak,
      manyPeak: manyRun.peak,
      hwmAfterSmall,
      hwmAfterBig,
    };
  } finally {
    await stop();
    cleanup();
  }
}

function printStandalone(m) {
  const BIG = m.sizeMiB * MiB;
  const row = (name, s) => `${name.padEnd(34)} ${s.toFixed(2).padStart(7)} s ${mibps(BIG, s).toFixed(0).padStart(6)} MiB/s`;
  const mb = (b) => `${(b / MiB).toFixed(0)} MiB`;
  console.log(`\nDocuments benchmark — ${m.sizeMiB} MiB, ${m.cold ? 'page cache dropped before each run' : 'warm page cache'}`);
  console.log(row('API upload (stream+SHA-256+fsync)', m.uploadS));
  console.log(row('API download (to file, fsync)', m.downloadS));
  console.log(row('dd if=/dev/zero conv=fsync', m.ddS));
  console.log(row('Node stream copy (fsync)', m.copyS));
  console.log(`upload / dd ${(m.ddS / m.uploadS).toFixed(2)}×, upload / node copy ${(m.copyS / m.uploadS).toFixed(2)}×`);
  console.log(`download / dd ${(m.ddS / m.downloadS).toFixed(2)}×, download / node copy ${(m.copyS / m.downloadS).toFixed(2)}×`);
  console.log(`many uploads ${m.manyS.toFixed(2)} s vs node copies ${m.manyCopyS.toFixed(2)} s: ${(m.manyCopyS / m.manyS).toFixed(2)}×`);
  console.log(
    `API RSS: idle ${mb(m.rssIdle)}; peak during 1 MiB upload ${mb(m.smallPeak)}; during ${m.sizeMiB} MiB upload ${mb(m.bigPeak)}; during download ${mb(m.downloadPeak)}; during the many uploads ${mb(m.manyPeak)}`,
  );
  console.log(
    `API VmHWM (peak since start): after 1 MiB upload ${mb(m.hwmAfterSmall)}, after ${m.sizeMiB} MiB upload ${mb(m.hwmAfterBig)}`,
  );
}

export default {
  name: 'documents',
  description: '1 GiB upload and download, 100 × 10 MiB at concurrency 10, peak RSS; vs dd and a Node stream copy',
  async run(ctx) {
    const { median, resultRow } = await import('./lib/harness.js');
    const { takePort } = await import('./lib/proc.js');
    const options = ctx.smoke
      ? { sizeMiB: 16, many: 10, manyMiB: 1, concurrency: 5 }
      : { sizeMiB: 1024, many: 100, manyMiB: 10, concurrency: 10 };
    const runs = [];
    for (let run = 0; run < ctx.runs; run++) runs.push(await measureDocuments({ ...options, port: await takePort() }));
    const mibs = (bytes, list) => list.map((s) => bytes / MiB / s);
    const big = options.sizeMiB * MiB;
    const upload = resultRow({
      bench: 'documents',
      case: `${options.sizeMiB} MiB upload`,
      unit: 'MiB/s',
      subject: mibs(
        big,
        runs.map((m) => m.uploadS),
      ),
      baseline: mibs(
        big,
        runs.map((m) => m.copyS),
      ),
      baselineName: `Node stream copy; dd ${median(
        mibs(
          big,
          runs.map((m) => m.ddS),
        ),
      ).toFixed(0)} MiB/s`,
      target: '≥ 0.85×',
      errors: 0,
    });
    upload.met = upload.ratio >= 0.85;
    const download = resultRow({
      bench: 'documents',
      case: `${options.sizeMiB} MiB download`,
      unit: 'MiB/s',
      subject: mibs(
        big,
        runs.map((m) => m.downloadS),
      ),
      baseline: mibs(
        big,
        runs.map((m) => m.copyS),
      ),
      baselineName: 'Node stream copy',
      target: '≥ 0.9×',
      errors: 0,
    });
    download.met = download.ratio >= 0.9;
    const total = options.many * options.manyMiB * MiB;
    const manyRow = resultRow({
      bench: 'documents',
      case: `${options.many} × ${options.manyMiB} MiB uploads, concurrency ${options.concurrency}`,
      unit: 'MiB/s',
      subject: mibs(
        total,
        runs.map((m) => m.manyS),
      ),
      baseline: mibs(
        total,
        runs.map((m) => m.manyCopyS),
      ),
      baselineName: 'Node stream copies, same concurrency',
      target: 'reported',
      met: null,
      errors: 0,
    });
    const rss = resultRow({
      bench: 'documents',
      case: `peak RSS: 1 MiB upload vs ${options.sizeMiB} MiB upload`,
      unit: 'MiB',
      subject: runs.map((m) => m.bigPeak / MiB),
      baseline: runs.map((m) => m.smallPeak / MiB),
      baselineName: 'API, 1 MiB upload',
      target: 'independent of file size (≤ 1.25×)',
      errors: 0,
    });
    rss.met = rss.ratio <= 1.25;
    ctx.notes.push(
      `documents: page cache ${runs[0].cold ? 'dropped before each step' : 'not dropped (not root)'}; peak RSS during the many uploads ${median(runs.map((m) => m.manyPeak / MiB)).toFixed(0)} MiB, during the big download ${median(runs.map((m) => m.downloadPeak / MiB)).toFixed(0)} MiB`,
    );
    return [upload, download, manyRow, rss];
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizeMiB = Number(process.env.BENCH_SIZE_MIB ?? 1024);
  measureDocuments({ sizeMiB, many: 100, manyMiB: 10, concurrency: 10 }).then(printStandalone, (error) => {
    console.error(error);
    process.exit(1);
  });
}
