/**
 * The data the benchmarks run on: data set M from `npm run seed:large` (bench/lib/large-db.js,
 * at the requested --scale), described by its manifest (see bench/README.md "Large data set").
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { largeDataPaths, openLargeDatabase, readManifest } from './large-db.js';
import { ROOT } from './proc.js';

/**
 * Opens the large database of `scale` (generating it first when there is none yet) and returns
 * `{manifest, url, dataDir, stop}`.
 */
export async function openDataset(scale, { log = console.log } = {}) {
  if (!existsSync(largeDataPaths(scale).manifest)) {
    // (the runner has checked that the API is built, which is all the generator needs)
    log(`No data set at scale ${scale} yet: generating it (npm run seed:large -- --scale ${scale})`);
    execFileSync(process.execPath, ['bench/seed-large.js', '--scale', String(scale)], { cwd: ROOT, stdio: 'inherit' });
  }
  const manifest = readManifest(scale);
  const db = await openLargeDatabase({ scale });
  return { manifest, url: db.url, dataDir: db.dataDir, stop: () => db.stop() };
}

/** A short-lived pg pool for set-up queries against the data set. */
export function setupPool(url) {
  return new pg.Pool({ connectionString: url, max: 2 });
}

/**
 * Runs `work` and then takes out what it wrote into the data set — replies, their mentions,
 * notifications and e-mails, the threads' counters and read markers — so every later benchmark
 * (and the next run) sees the data as generated. Without this, a search for a common word walking
 * the newest posts first would pass thousands of identical benchmark replies before real posts.
 * The audit log is append-only and keeps its rows.
 */
export async function undoingWrites(ctx, work) {
  const pool = setupPool(ctx.db.url);
  try {
    const {
      rows: [{ since }],
    } = await pool.query('SELECT now() AS since');
    try {
      return await work();
    } finally {
      await undoWritesSince(pool, since);
    }
  } finally {
    await pool.end();
  }
}

/** Takes out what was written into the data set since `since` (see undoingWrites). */
export async function undoWritesSince(pool, since) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM notifications WHERE created_at >= $1', [since]);
    await client.query('DELETE FROM mail_outbox WHERE created_at >= $1', [since]);
    const { rows } = await client.query(
      `WITH d AS (DELETE FROM posts WHERE created_at >= $1 RETURNING thread_id, deleted_at)
       SELECT thread_id, count(*) FILTER (WHERE deleted_at IS NULL)::int AS live FROM d GROUP BY thread_id`,
      [since],
    );
    if (rows.length > 0) {
      // the counters go back by what was taken out; the thread's last activity is its last remaining post
      await client.query(
        `UPDATE threads t SET post_count = t.post_count - d.live,
                last_seq = (SELECT coalesce(max(p.seq), 0) FROM posts p WHERE p.thread_id = t.id),
                last_post_at = coalesce((SELECT max(p.created_at) FROM posts p WHERE p.thread_id = t.id), t.created_at)
           FROM unnest($1::uuid[], $2::int[]) AS d(thread_id, live) WHERE t.id = d.thread_id`,
        [rows.map((r) => r.thread_id), rows.map((r) => r.live)],
      );
      await client.query(
        `UPDATE thread_reads r SET last_read_seq = t.last_seq FROM threads t
          WHERE r.thread_id = t.id AND t.id = ANY($1::uuid[]) AND r.last_read_seq > t.last_seq`,
        [rows.map((r) => r.thread_id)],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
