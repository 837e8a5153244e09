import type { DataSource } from 'typeorm';

/**
 * Runs `job` only if no other instance is running the job with the same key right now
 * (a session-level advisory lock on a dedicated connection). Returns false when skipped.
 */
export async function runExclusive(dataSource: DataSource, lockKey: number, job: () => Promise<void>): Promise<boolean> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rows = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [lockKey])) as Array<{ locked: boolean }>;
    if (!rows[0]?.locked) return false;
    try {
      await job();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [lockKey]);
    }
    return true;
  } finally {
    await runner.release();
  }
}
