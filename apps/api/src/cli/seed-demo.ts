/**
 * Seeds the demo network into the configured database (idempotent).
 *   npm run seed:demo
 */
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { ConfigError, loadConfig } from '../common/config/app-config.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { DemoSeedService } from '../modules/seed/demo-seed.service.js';

try {
  const config = loadConfig(process.env, { logLevel: 'warn' });
  const database = config.databaseUrl ? null : await startEmbeddedPostgres(join(config.dataDir, 'postgres'));
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, databaseUrl: config.databaseUrl ?? database!.url }),
    {
      logger: ['error', 'warn'],
    },
  );
  try {
    await app.get(DemoSeedService).seed();
    console.log('Demo network seeded.');
  } finally {
    await app.close();
    await database?.stop();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
}
