import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { loadConfig, type AppConfig } from '../../src/common/config/app-config.js';
import { AppConfigModule } from '../../src/common/config/config.module.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { EventsModule } from '../../src/common/events/events.module.js';
import { AccessModule } from '../../src/modules/access/access.module.js';
import { AuditModule } from '../../src/modules/audit/audit.module.js';
import { IdempotencyModule } from '../../src/modules/idempotency/idempotency.module.js';
import { MailModule } from '../../src/modules/mail/mail.module.js';
import type { TestDatabase } from '../../../../test/support/database.js';

/** A Nest module graph on a real database: the feature modules under test plus the global infrastructure. */
export async function integrationModule(
  db: TestDatabase,
  metadata: ModuleMetadata,
  overrides: Partial<AppConfig> = {},
): Promise<TestingModule> {
  const config = loadConfig(
    {},
    { dataDir: mkdtempSync(join(tmpdir(), 'treffpunkt-int-')), jwtSecret: 'x'.repeat(40), ...overrides, databaseUrl: db.url },
  );
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot(config),
      DatabaseModule.forRoot(db.url),
      EventsModule,
      AuditModule,
      AccessModule,
      IdempotencyModule,
      MailModule,
      ...(metadata.imports ?? []),
    ],
    providers: metadata.providers ?? [],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}
