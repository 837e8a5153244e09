import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/app.factory.js';
import { loadConfig, type AppConfig } from '../../apps/api/src/common/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  db: TestDatabase;
  config: AppConfig;
  /** Every log line the app wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** The production app on its own database and a random port, with its logs captured. */
export async function startTestApp(overrides: Partial<AppConfig> = {}, options: { db?: TestDatabase } = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'treffpunkt-app-'));
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config = loadConfig(
    {},
    {
      dataDir,
      jwtSecret: randomBytes(32).toString('hex'),
      logLevel: 'info',
      rateLimitPerMinute: 100_000,
      seedDemo: false,
      ...overrides,
      databaseUrl: db.url,
    },
  );
  const app = await createApp({ ...config, databaseUrl: db.url }, { logStream });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    db,
    config: { ...config, port },
    logs,
    close: async () => {
      await app.close();
      if (!options.db) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
