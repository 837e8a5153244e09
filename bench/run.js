/**
 * Runs the ratio benchmarks against the built API and bare baselines on the same machine.
 *
 *   npm run bench                      every benchmark at scale 1, results to bench/results/<date>.md
 *   npm run bench -- thread-list       one (or several) by name
 *   npm run bench:smoke                every benchmark at scale 0.01, a few seconds each: proves the
 *                                      harness works, asserts nothing about speed, fails on errors
 * Options: --scale <f>  --runs <n>  --seconds <s> (of load per measured run)  --smoke  --no-write
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openDataset, undoingWrites } from './lib/dataset.js';
import { markdownReport, printTable } from './lib/report.js';
import { API_MAIN, ROOT } from './lib/proc.js';

const ORDER = ['framework', 'startup', 'thread-list', 'thread-page', 'reply', 'search', 'fanout', 'documents', 'mixed'];

function parseArgs(argv) {
  const options = { names: [], smoke: false, scale: null, runs: null, seconds: null, write: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--smoke') options.smoke = true;
    else if (arg === '--no-write') options.write = false;
    else if (arg === '--scale') options.scale = Number(argv[++i]);
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--seconds') options.seconds = Number(argv[++i]);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.names.push(arg);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const available = readdirSync(join(ROOT, 'bench'))
    .filter((f) => f.endsWith('.bench.js'))
    .map((f) => f.replace(/\.bench\.js$/, ''));
  const names = options.names.length ? options.names : ORDER.filter((n) => available.includes(n));
  for (const name of names) if (!available.includes(name)) throw new Error(`no benchmark "${name}" (have: ${available.join(', ')})`);
  if (!existsSync(API_MAIN)) throw new Error('Build first: npm run build');

  const smoke = options.smoke;
  const scale = options.scale ?? (smoke ? 0.01 : 1);
  const ctx = {
    smoke,
    scale,
    runs: options.runs ?? (smoke ? 1 : 3),
    /** seconds of load per measured run, and of warm-up */
    seconds: options.seconds ?? (smoke ? 0.5 : 10),
    warmupSeconds: options.seconds ? Math.max(1, options.seconds / 2) : smoke ? 0.25 : 5,
    notes: [],
    cleanups: [],
    log: (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args),
  };
  const started = new Date();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  ctx.log(`benchmarks: ${names.join(', ')} — scale ${scale}, ${ctx.runs} run(s)${smoke ? ', smoke' : ''}`);
  ctx.db = await openDataset(scale, { log: ctx.log });
  ctx.manifest = ctx.db.manifest;

  const rows = [];
  const failures = [];
  try {
    for (const name of names) {
      const bench = (await import(join(ROOT, 'bench', `${name}.bench.js`))).default;
      ctx.log(`── ${name}: ${bench.description}`);
      const t = performance.now();
      try {
        // what a benchmark wrote (replies, notifications) is taken out again: every benchmark sees the data as generated
        const result = await undoingWrites(ctx, () => bench.run(ctx));
        rows.push(...result);
        for (const row of result) {
          if (row.errors) failures.push(`${name} / ${row.case}: ${row.errors}`);
        }
      } catch (error) {
        failures.push(`${name}: ${error.stack ?? error}`);
        ctx.log(`${name} failed: ${error.stack ?? error}`);
      } finally {
        for (const cleanup of ctx.cleanups.splice(0)) await cleanup();
      }
      ctx.log(`── ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await ctx.db.stop();
  }
  console.log('');
  printTable(rows);
  for (const note of ctx.notes) console.log(`note: ${note}`);
  if (options.write && !smoke) {
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${started.toISOString().slice(0, 10)}.md`);
    writeFileSync(file, markdownReport({ rows, notes: ctx.notes, scale, runs: ctx.runs, started, finished: new Date(), load }));
    console.log(`\nwritten to ${file}`);
  }
  if (failures.length) {
    console.error(`\n${failures.length} benchmark error(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  if (smoke) console.log('\nbench:smoke: every benchmark ran without errors');
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exit(1);
});
