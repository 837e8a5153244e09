/**
 * `pgbench -f` runs of the statements the API sends (captured by sql-capture.js): the database
 * floor of an endpoint. Latencies come from pgbench's per-transaction log, so p95 is exact.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './load.js';

export const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';
export const pgbenchAvailable = () => existsSync(PGBENCH);

const literal = (value) => (value === null ? 'NULL' : `'${String(value).replace(/'/g, "''")}'`);

/**
 * One pgbench statement from a captured `{sql, params}`: $n become literals, or pgbench variables
 * where `variables(value, index)` names one (e.g. the id of the post inserted earlier in the script).
 */
export function renderStatement({ sql, params }, variables = () => null) {
  const text = sql.replace(/\$(\d+)/g, (_, n) => {
    const value = params[Number(n) - 1];
    const variable = variables(value, Number(n) - 1);
    return variable ?? literal(value);
  });
  return text.trim().replace(/;\s*$/, '');
}

/** A pgbench script: one statement per entry, each ending in `;` or a meta-command like `\gset`. */
export function script(statements) {
  return statements.map((s) => (s.meta ? `${s.text}\n${s.meta}` : `${s.text};`)).join('\n') + '\n';
}

/**
 * Runs `pgbench -f` with the script for `seconds` (or `transactions` per client), optionally at a
 * fixed `rate`; returns {tps, p50, p95, mean, count, failed}.
 */
export async function runPgbench(url, text, { clients = 1, seconds, transactions, rate } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'treffpunkt-pgbench-'));
  try {
    // several scripts: pgbench picks one at random for each transaction
    const files = (Array.isArray(text) ? text : [text]).map((t, i) => {
      const file = join(dir, `script${i}.sql`);
      writeFileSync(file, t);
      return file;
    });
    const args = [
      '-n',
      '-M',
      'simple',
      ...files.flatMap((f) => ['-f', f]),
      '-c',
      String(clients),
      '-j',
      String(Math.min(clients, 2)),
      '-l',
      `--log-prefix=${join(dir, 'log')}`,
    ];
    if (transactions) args.push('-t', String(transactions));
    else args.push('-T', String(Math.max(1, Math.round(seconds))));
    if (rate) args.push('-R', String(rate));
    args.push(url);
    const stdout = await new Promise((resolve, reject) =>
      execFile(PGBENCH, args, { maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
        error ? reject(new Error(`pgbench failed: ${err || error.message}\n${String(text).slice(0, 2000)}`)) : resolve(out + err),
      ),
    );
    const latencies = [];
    for (const name of readdirSync(dir).filter((f) => f.startsWith('log'))) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        const fields = line.trim().split(/\s+/);
        // client_id transaction_no time script_no time_epoch time_us [schedule_lag]; "skipped" never with no -L
        if (fields.length < 6) continue;
        // with -R the time counts from the scheduled start (like the open-loop HTTP generator)
        const lag = rate && fields[6] ? Number(fields[6]) : 0;
        latencies.push((Number(fields[2]) + lag) / 1000);
      }
    }
    const sorted = Float64Array.from(latencies).sort();
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    return {
      tps,
      count: latencies.length,
      failed,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      mean: latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
