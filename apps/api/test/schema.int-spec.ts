import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { runMigrationsLocked } from '../src/database/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';

describe('database schema', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('matches the entities exactly (generating a migration would yield nothing)', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has nothing pending and migrating again under the lock is a no-op', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    await Promise.all([runMigrationsLocked(dataSource), runMigrationsLocked(dataSource)]);
    const rows = await db.query<{ count: string }>('SELECT count(*) FROM migrations');
    expect(Number(rows[0]?.count)).toBe(dataSource.migrations.length);
  });

  it('reverts every migration cleanly and applies them again', async () => {
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
    const tables = await db.query<{ table_name: string }>(
      // migrations and typeorm_metadata (expressions of generated columns) are TypeORM's own bookkeeping
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')",
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
