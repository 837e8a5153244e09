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
