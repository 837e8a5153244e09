import type { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in one transaction, then the `after` callbacks (domain events) only once it committed. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager, afterCommit: (fn: () => void | Promise<void>) => void) => Promise<T>,
): Promise<T> {
  const after: Array<() => void | Promise<void>> = [];
  const result = await dataSource.transaction((manager) => work(manager, (fn) => after.push(fn)));
  for (const fn of after) await fn();
  return result;
}
