/**
 * Writes a migration with the difference between the entities and the migrated schema.
 *   npm run migration:generate -- <Name>
 * Uses DATABASE_URL if set, otherwise a throw-away embedded PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'treffpunkt-gen-'));
const db = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(dir, { database: 'generate' });
const dataSource = new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? db!.url));
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes: the schema matches the entities.');
  } else {
    const stamp = Date.now();
    const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
    const lines = (qs: typeof sql.upQueries) =>
      qs
        .map((q) => {
          const params = q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : '';
          return `    await queryRunner.query(\`${esc(q.query)}\`${params});`;
        })
        .join('\n');
    const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`;
    const file = resolve(process.cwd(), 'migrations', `${stamp}-${name}.ts`);
    writeFileSync(file, source);
    console.log(`Wrote ${file} — add ${name}${stamp} to migrations/index.ts`);
  }
} finally {
  await dataSource.destroy().catch(() => undefined);
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
}
