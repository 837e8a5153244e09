import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { MIGRATIONS } from '../../migrations/index.js';

/** Named after the migrations, so a long-lived server (TEST_DATABASE_URL) never serves a stale template. */
export const TEMPLATE_DATABASE = `treffpunkt_tpl_${createHash('sha256')
  .update(MIGRATIONS.map((m) => m.name).join(','))
  .digest('hex')
  .slice(0, 12)}`;
const TEMPLATE_LOCK = 727_113_002;

function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error('TEST_PG_ADMIN_URL is not set: run through jest (global setup starts PostgreSQL)');
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  /** Runs SQL directly (assertions on rows, time travel, fault injection). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of this test file's own, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await ensureTemplate(admin);
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
        break;
      } catch (error) {
        // another file may be cloning the template at this very moment
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // an idle helper connection closed by the server (e.g. DROP … WITH (FORCE)) must not crash the run
  pool.on('error', () => undefined);
  // TypeORM files the expressions of generated columns under the database's name; a clone carries the template's
  await pool.query(
    `DO $$ BEGIN IF to_regclass('typeorm_metadata') IS NOT NULL THEN UPDATE typeorm_metadata SET database = current_database(); END IF; END $$`,
  );
  return {
    url: url.toString(),
    name,
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    drop: async () => {
      await pool.end();
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
    },
  };
}

/** Migrates the template once per test run; files racing for it wait on an advisory lock. */
async function ensureTemplate(admin: pg.Client): Promise<void> {
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = $1', [TEMPLATE_DATABASE]);
    if (rows.length > 0) return;
    const building = `${TEMPLATE_DATABASE}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const url = new URL(adminUrl());
    url.pathname = `/${building}`;
    const dataSource = await new DataSource(dataSourceOptions(url.toString())).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}
