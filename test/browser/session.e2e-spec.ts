import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DemoSeedService } from '../../apps/api/src/modules/seed/demo-seed.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  expectNoCspViolations,
  eventually,
  launchBrowser,
  openPage,
  requireBuiltSpa,
  signInThroughForm,
  unexpectedProblems,
  type BrowserSession,
} from '../support/browser.js';
import { makeUser } from '../support/factories.js';

jest.setTimeout(60_000);

const ADMIN_EMAIL = 'admin@treffpunkt.demo';
const ADMIN_PASSWORD = 'demo-treffpunkt';
const ADMIN_NAME = 'Sabine Hoffmann';

describe('signing in, language, profile and signing out in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    const webDistDir = requireBuiltSpa();
    t = await startTestApp({ seedDemo: true, webDistDir });
    expect(await t.app.get(DemoSeedService).seedIfEmpty()).toBe(true);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  // Tests share the demo admin: put back what an earlier test may have changed.
  beforeEach(async () => {
    await t.db.query("UPDATE users SET locale = 'de', display_name = $2, handle = 'admin' WHERE email = $1", [ADMIN_EMAIL, ADMIN_NAME]);
  });

  async function open(path: string): Promise<BrowserSession> {
    const s = await openPage(browser, t.url);
    sessions.push(s);
    await s.page.goto(path);
    return s;
  }

  async function signedInAsAdmin(): Promise<BrowserSession> {
    const s = await open('/login');
    await signInThroughForm(s.page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await s.page.getByRole('heading', { level: 1, name: `Willkommen, ${ADMIN_NAME}!` }).waitFor();
    return s;
  }

  it('shows the demo admin the German layout with every section including Verwaltung', async () => {
    const { page, problems } = await signedInAsAdmin();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const label of ['Forum', 'Dokumente', 'Termine', 'Verzeichnis', 'Verwaltung']) {
      await expect(nav.getByRole('link', { name: label, exact: true }).isVisible()).resolves.toBe(true);
    }
    const userMenu = page.getByRole('navigation', { name: 'Benutzermenü' });
    await expect(userMenu.getByText(ADMIN_NAME).isVisible()).resolves.toBe(true);
    await expect(userMenu.getByRole('link', { name: 'Profil', exact: true }).isVisible()).resolves.toBe(true);
    await expect(userMenu.getByRole('button', { name: 'Abmelden', exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Sprache').inputValue()).toBe('de');
    await expect(page.title()).resolves.toBe('Start – Treffpunkt');

    await page.screenshot({ path: '/tmp/treffpunkt-layout.png', fullPage: true });

    // the server recorded the login
    const [admin] = await t.db.query<{ last_login_at: Date | null }>('SELECT last_login_at FROM users WHERE email = $1', [ADMIN_EMAIL]);
    expect(admin!.last_login_at).not.toBeNull();
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('switches to English, stores the choice on the account and keeps it after a reload', async () => {
    const { page, problems } = await signedInAsAdmin();
    await page.getByLabel('Sprache').selectOption('en');

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Documents', exact: true }).waitFor();
    await expect(nav.getByRole('link', { name: 'Administration', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN_NAME}!` }).isVisible()).resolves.toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const rows = await eventually(
      () => t.db.query<{ locale: string }>('SELECT locale FROM users WHERE email = $1', [ADMIN_EMAIL]),
      (r) => r[0]?.locale === 'en',
    );
    expect(rows[0]!.locale).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN_NAME}!` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.getByRole('link', { name: 'Documents', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Sign out', exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Sprache').inputValue()).toBe('en');
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('saves a changed display name and handle from the profile page', async () => {
    const { page, problems } = await signedInAsAdmin();
    await page.getByRole('navigation', { name: 'Benutzermenü' }).getByRole('link', { name: 'Profil', exact: true }).click();
    await page.waitForURL('**/profil');
    await page.getByRole('heading', { level: 1, name: 'Profil' }).waitFor();

    const displayName = page.getByLabel('Anzeigename', { exact: true });
    const handle = page.getByLabel('Kürzel (Handle)', { exact: true });
    expect(await displayName.inputValue()).toBe(ADMIN_NAME);
    expect(await handle.inputValue()).toBe('admin');
    await displayName.fill('Sabine Hoffmann-Weiß');
    await handle.fill('sabine.hw');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();

    await page.getByRole('status').filter({ hasText: 'Ihr Profil wurde gespeichert.' }).waitFor();
    await expect(page.getByRole('alert').filter({ hasText: /\S/ }).count()).resolves.toBe(0);
    // the header follows the new name
    await page.getByRole('navigation', { name: 'Benutzermenü' }).getByText('Sabine Hoffmann-Weiß').waitFor();

    const [row] = await t.db.query<{ display_name: string; handle: string; locale: string }>(
      'SELECT display_name, handle, locale FROM users WHERE email = $1',
      [ADMIN_EMAIL],
    );
    expect(row).toEqual({ display_name: 'Sabine Hoffmann-Weiß', handle: 'sabine.hw', locale: 'de' });

    // and it is what the server gives back after a reload
    await page.reload();
    expect(await page.getByLabel('Anzeigename', { exact: true }).inputValue()).toBe('Sabine Hoffmann-Weiß');
    expect(await page.getByLabel('Kürzel (Handle)', { exact: true }).inputValue()).toBe('sabine.hw');
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('signs out to the login page, ends the session on the server and a reload does not bring it back', async () => {
    const user = await makeUser(t.db, { role: 'coordinator', displayName: 'Karla Abmeldung' });
    const { page, problems } = await open('/login');
    await signInThroughForm(page, user.email, user.password);
    await page.getByRole('heading', { level: 1, name: 'Willkommen, Karla Abmeldung!' }).waitFor();
    const before = await t.db.query('SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
    expect(before.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).resolves.toBe(0);

    const active = await t.db.query('SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
    expect(active).toHaveLength(0);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE actor_id = $1 AND action = 'auth.logout'", [user.id]);
    expect(audit).toHaveLength(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).waitFor();
    await expect(page.getByText('Karla Abmeldung').count()).resolves.toBe(0);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('sends a signed-out visitor of /profil to the login page and back to /profil after signing in', async () => {
    const { page, problems } = await open('/profil');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/profil');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

    await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/profil');
    await page.getByRole('heading', { level: 1, name: 'Profil' }).waitFor();
    expect(await page.getByLabel('Anzeigename', { exact: true }).inputValue()).toBe(ADMIN_NAME);
    // the silent session restore answers 401 while signed out; nothing else may go wrong
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('does not show Verwaltung to an advisor, and the page itself refuses them', async () => {
    const advisor = await makeUser(t.db, { role: 'advisor', displayName: 'Ali Berater' });
    const { page, problems } = await open('/login');
    await signInThroughForm(page, advisor.email, advisor.password);
    await page.getByRole('heading', { level: 1, name: 'Willkommen, Ali Berater!' }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'Dokumente', exact: true }).isVisible()).resolves.toBe(true);
    // advisors record consultations, so they see "Statistik" — but not the administration
    await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual(['Forum', 'Dokumente', 'Termine', 'Verzeichnis', 'Statistik']);
    await expect(page.getByRole('link', { name: 'Verwaltung' }).count()).resolves.toBe(0);

    await page.goto('/verwaltung');
    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
    await expect(page.getByRole('button', { name: 'Einladung senden' }).count()).resolves.toBe(0);
    const [row] = await t.db.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [advisor.id]);
    expect(row!.role).toBe('advisor');
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('runs under the strict Content Security Policy without any violation', async () => {
    const s = await open('/login');
    const response = await s.page.goto('/login');
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/style-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

    await signInThroughForm(s.page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await s.page.getByRole('heading', { level: 1, name: `Willkommen, ${ADMIN_NAME}!` }).waitFor();
    const nav = s.page.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const [label, heading] of [
      ['Forum', 'Forum'],
      ['Dokumente', 'Dokumente'],
      ['Termine', 'Termine'],
      ['Verzeichnis', 'Verzeichnis'],
      ['Verwaltung', 'Verwaltung'],
    ] as const) {
      await nav.getByRole('link', { name: label, exact: true }).click();
      await s.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await s.page.getByRole('link', { name: 'Profil', exact: true }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Profil' }).waitFor();
    // the stylesheet really applied (blocked, the skip link would sit visibly at the top of the page)
    const skipLinkTop = await s.page.locator('.skip-link').evaluate((el) => getComputedStyle(el).top);
    expect(skipLinkTop).toBe('-100px');

    expectNoCspViolations(s.problems);
    expect(unexpectedProblems(s.problems)).toEqual([]);
  });
});
