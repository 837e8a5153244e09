import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';

const names = new Map<string, string>();

/** One name per statement text (a prepared statement's name must always mean the same text). */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `tp_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A frequent statement as a named prepared statement: PostgreSQL parses it once per connection and,
 * after a few executions have shown that its plan does not depend on the values, stops planning it
 * (`plan_cache_mode = auto`). Planning was a third of the database's time for a page of posts.
 *
 * Only for statements whose best plan is the same whatever the values (key lookups, keyset pages,
 * access facts) — never for search, whose plan depends on how common the words are. With a manager
 * in a transaction, the statement runs on that transaction's connection.
 */
export async function queryPrepared<T>(source: DataSource | EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const config = { name: nameOf(text), text, values };
  const runner = source instanceof DataSource ? undefined : (source.queryRunner as { connect(): Promise<pg.PoolClient> } | undefined);
  if (runner) return (await (await runner.connect()).query<T & pg.QueryResultRow>(config)).rows;
  const dataSource = source instanceof DataSource ? source : source.connection;
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  return (await pool.query<T & pg.QueryResultRow>(config)).rows;
}
