import type { DataSource } from 'typeorm';

/** Arbitrary but fixed key: only one instance migrates at a time. */
const MIGRATION_LOCK_KEY = 727_113_001;

/** Runs pending migrations under a session-level advisory lock, so several instances can start together. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
