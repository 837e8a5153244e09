import { resolve } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './common/config/app-config.js';
import type { RunningDatabase } from './database/embedded-postgres.js';
import { createApp } from './app.factory.js';
import { DemoSeedService } from './modules/seed/demo-seed.service.js';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/seed/demo-data.js';
import { join } from 'node:path';

let config: AppConfig;
try {
  config = loadConfig(process.env, {
    webDistDir: resolve(process.env.WEB_DIST_DIR ?? resolve(import.meta.dirname, '../../../../../web/dist')),
  });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

let database: RunningDatabase | null = null;
if (!config.databaseUrl) {
  console.log(`Starting the embedded PostgreSQL (data in ${join(config.dataDir, 'postgres')}) …`);
  // loaded only when needed: with DATABASE_URL the embedded server's package is never imported
  const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
  database = await startEmbeddedPostgres(join(config.dataDir, 'postgres'));
}
const app = await createApp({ ...config, databaseUrl: config.databaseUrl ?? database!.url });
if (config.seedDemo) await app.get(DemoSeedService).seedIfEmpty();
await app.listen({ port: config.port, host: config.host });

const demo = DEMO_USERS.slice(0, 4)
  .map((u) => `    ${u.email.padEnd(32)} (${u.role})`)
  .join('\n');
console.log(
  `\nTreffpunkt is running at ${config.publicUrl}\n\n  Demo logins (password "${DEMO_PASSWORD}"):\n${demo}\n\n  API docs: ${config.publicUrl}/api/docs\n  Stop with Ctrl-C.\n`,
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal} received: finishing open requests and stopping …`);
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  try {
    // Stop accepting connections and let in-flight requests finish before Nest tears down
    // providers (its destroy hooks run before it closes the HTTP server).
    const server = app.getHttpServer();
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeIdleConnections();
    });
    await app.close();
  } finally {
    await database?.stop();
  }
  process.exit(0);
}
// embedded-postgres installs its own SIGINT/SIGTERM handlers that stop the database at once and
// exit; ours drain HTTP first and stop the database last.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
