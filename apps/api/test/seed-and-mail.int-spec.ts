import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { verifyPassword } from '../src/modules/auth/password-hasher.js';
import { MailService } from '../src/modules/mail/mail.service.js';
import { DEMO_PASSWORD } from '../src/modules/seed/demo-data.js';
import { DemoSeedService } from '../src/modules/seed/demo-seed.service.js';
import { SeedModule } from '../src/modules/seed/seed.module.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { integrationModule } from './support/module.js';

describe('demo seed', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, { imports: [SeedModule] });
  });

  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  it('creates the demo network once and is idempotent', async () => {
    const seed = moduleRef.get(DemoSeedService);
    expect(await seed.seedIfEmpty()).toBe(true);
    const count = async () =>
      (await db.query<{ n: string }>('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM organisations) AS n'))[0]!.n;
    const before = await count();
    expect(await seed.seedIfEmpty()).toBe(false);
    await seed.seed();
    expect(await count()).toBe(before);
  });

  it('has the four documented logins with their roles and handles, all with the demo password', async () => {
    const rows = await db.query<{ email: string; role: string; handle: string; password_hash: string }>(
      "SELECT email, role, handle, password_hash FROM users WHERE email IN ('admin@treffpunkt.demo','koordination@treffpunkt.demo','beratung@treffpunkt.demo','partner@treffpunkt.demo') ORDER BY email",
    );
    expect(rows.map((r) => [r.email, r.role, r.handle])).toEqual([
      ['admin@treffpunkt.demo', 'admin', 'admin'],
      ['beratung@treffpunkt.demo', 'advisor', 'beratung'],
      ['koordination@treffpunkt.demo', 'coordinator', 'koordination'],
      ['partner@treffpunkt.demo', 'partner', 'partner'],
    ]);
    for (const row of rows) expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('covers every organisation type, with at least three service points, and the partner in a partner organisation', async () => {
    const types = await db.query<{ type: string; n: string }>('SELECT type, count(*) AS n FROM organisations GROUP BY type');
    const byType = Object.fromEntries(types.map((t) => [t.type, Number(t.n)]));
    for (const type of ['service_point', 'business', 'welfare', 'migrant_org', 'education', 'public_admin', 'other'])
      expect(byType[type]).toBeGreaterThan(0);
    expect(byType.service_point).toBeGreaterThanOrEqual(3);
    const partner = await db.query<{ type: string }>(
      "SELECT o.type FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = 'partner@treffpunkt.demo'",
    );
    expect(partner[0]!.type).not.toBe('service_point');
  });
});

describe('demo seed: spaces and forum', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await integrationModule(db, { imports: [SeedModule] });
    await moduleRef.get(DemoSeedService).seed();
  });

  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  it('has spaces of every visibility with threads, a pinned announcement and a pseudonymised case', async () => {
    const spaces = await db.query<{ visibility: string; threads: string }>(
      'SELECT s.visibility, count(t.id) AS threads FROM spaces s LEFT JOIN threads t ON t.space_id = s.id GROUP BY s.visibility ORDER BY s.visibility',
    );
    expect(spaces.map((s) => s.visibility)).toEqual(['network', 'private', 'staff']);
    expect(spaces.every((s) => Number(s.threads) > 0)).toBe(true);
    const pinned = await db.query("SELECT 1 FROM threads WHERE kind = 'announcement' AND pinned");
    expect(pinned).toHaveLength(1);
    const cases = await db.query<{ pseudonym_code: string }>("SELECT pseudonym_code FROM threads WHERE kind = 'case'");
    expect(cases[0]?.pseudonym_code).toMatch(/^F-\d{4}-\d{4}$/);
  });

  it('does not duplicate spaces or threads when run again', async () => {
    const count = async () =>
      (await db.query<{ n: string }>('SELECT (SELECT count(*) FROM spaces) + (SELECT count(*) FROM posts) AS n'))[0]!.n;
    const before = await count();
    await moduleRef.get(DemoSeedService).seed();
    expect(await count()).toBe(before);
  });
});

describe('mail outbox', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('records mail without SMTP_URL and never fails the caller', async () => {
    const moduleRef = await integrationModule(db, {});
    try {
      const mail = moduleRef.get(MailService);
      expect(mail.deliversMail).toBe(false);
      await mail.enqueue({ to: 'a@example.org', subject: 'Hallo', text: 'Link: https://x/y' });
      await mail.drain();
      const rows = await db.query<{ status: string; sent_at: Date | null }>(
        "SELECT status, sent_at FROM mail_outbox WHERE recipient = 'a@example.org'",
      );
      expect(rows).toEqual([{ status: 'recorded', sent_at: expect.any(Date) }]);
    } finally {
      await moduleRef.close();
    }
  });

  it('keeps a mail pending with a back-off when the SMTP server is unreachable', async () => {
    const moduleRef = await integrationModule(db, {}, { smtpUrl: 'smtp://127.0.0.1:1' });
    try {
      const mail = moduleRef.get(MailService);
      await mail.enqueue({ to: 'b@example.org', subject: 'Hallo', text: 'x' });
      await mail.drain();
      const rows = await db.query<{ status: string; attempts: number; last_error: string; later: boolean }>(
        "SELECT status, attempts, last_error, next_attempt_at > now() AS later FROM mail_outbox WHERE recipient = 'b@example.org'",
      );
      expect(rows[0]).toMatchObject({ status: 'pending', attempts: 1, later: true });
      expect(rows[0]!.last_error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await moduleRef.close();
    }
  });
});
