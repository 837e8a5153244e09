import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { InvitationDto } from '@treffpunkt/contracts';
import type { Browser, Locator } from 'playwright-core';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  expectNoCspViolations,
  launchBrowser,
  openPage,
  requireBuiltSpa,
  unexpectedProblems,
  type BrowserSession,
} from '../support/browser.js';
import { makeOrganisation, makeUser, type MadeOrganisation, type MadeUser } from '../support/factories.js';
import { bearer, login } from '../support/http.js';

jest.setTimeout(60_000);

describe('invitation and keyboard use in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: MadeUser;
  let partnerOrg: MadeOrganisation;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    const webDistDir = requireBuiltSpa();
    // plain http: an https public URL would make the app send HSTS, upgrade-insecure-requests and Secure cookies
    t = await startTestApp({ webDistDir, publicUrl: 'http://treffpunkt.example' });
    const home = await makeOrganisation(t.db, { type: 'other', name: 'Koordinierungsstelle Test' });
    partnerOrg = await makeOrganisation(t.db, { type: 'business', name: 'Pflegedienst Sonnenschein GmbH' });
    admin = await makeUser(t.db, { role: 'admin', organisationId: home.id, displayName: 'Sabine Admin' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  async function open(path: string): Promise<BrowserSession> {
    const s = await openPage(browser, t.url);
    sessions.push(s);
    await s.page.goto(path);
    return s;
  }

  /** The link points at config.publicUrl; the browser has to reach this test app instead. */
  function localLink(link: string): string {
    const url = new URL(link);
    expect(url.origin).toBe('http://treffpunkt.example');
    return `${t.url}${url.pathname}`;
  }

  it('accepts an invitation with display name and password and lands signed in on the start page', async () => {
    const { accessToken } = await login(t.url, admin.email, admin.password);
    const res = await request(t.url)
      .post('/api/invitations')
      .set(...bearer(accessToken))
      .send({ email: 'mira.neumann@example.org', role: 'advisor', organisationId: partnerOrg.id });
    expect(res.status).toBe(201);
    const link = localLink((res.body as InvitationDto).link!);
    expect(new URL(link).pathname).toMatch(/^\/einladung\/[A-Za-z0-9_-]{40,}$/);

    const { page, problems } = await open(link);
    await page.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    // who invites whom, as what and where
    const summary = page.getByText('Sabine Admin lädt Sie (mira.neumann@example.org) als Berater*in');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('„Pflegedienst Sonnenschein GmbH“');

    await page.getByLabel('Anzeigename', { exact: true }).fill('Mira Neumann');
    await page.getByLabel('Passwort', { exact: true }).fill('mira-sicheres-passwort');
    await page.getByLabel('Passwort bestätigen', { exact: true }).fill('mira-sicheres-passwort');
    await page.getByRole('button', { name: 'Einladung annehmen', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Willkommen, Mira Neumann!' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText('Sie sind als Berater*in bei „Pflegedienst Sonnenschein GmbH“ angemeldet.').waitFor();
    await page.getByRole('navigation', { name: 'Benutzermenü' }).getByText('Mira Neumann').waitFor();

    const users = await t.db.query<{ id: string; display_name: string; role: string; organisation_id: string; status: string }>(
      'SELECT id, display_name, role, organisation_id, status FROM users WHERE email = $1',
      ['mira.neumann@example.org'],
    );
    expect(users).toEqual([
      { id: expect.any(String), display_name: 'Mira Neumann', role: 'advisor', organisation_id: partnerOrg.id, status: 'active' },
    ]);
    const [invitation] = await t.db.query<{ accepted_user_id: string | null }>(
      'SELECT accepted_user_id FROM invitations WHERE email = $1',
      ['mira.neumann@example.org'],
    );
    expect(invitation!.accepted_user_id).toBe(users[0]!.id);
    // the password typed in the browser is the one stored
    await expect(login(t.url, 'mira.neumann@example.org', 'mira-sicheres-passwort')).resolves.toMatchObject({
      body: { user: { id: users[0]!.id } },
    });

    // the session is real: it survives a reload (refresh cookie)
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Willkommen, Mira Neumann!' }).waitFor();

    // the same link a second time, in a fresh browser: already used
    const again = await open(link);
    await again.page
      .getByRole('alert')
      .filter({ hasText: 'Diese Einladung wurde bereits angenommen. Sie können sich anmelden.' })
      .waitFor();
    await expect(again.page.getByRole('button', { name: 'Einladung annehmen' }).count()).resolves.toBe(0);
    await again.page.getByRole('link', { name: 'Zur Anmeldung' }).click();
    await again.page.waitForURL('**/login');
    expect(await t.db.query('SELECT 1 FROM users WHERE email = $1', ['mira.neumann@example.org'])).toHaveLength(1);

    expectNoCspViolations([...problems, ...again.problems]);
    expect(unexpectedProblems(problems)).toEqual([]);
    // the only console error allowed for the used link is the API's 410/409 answer itself
    expect(again.problems.filter((p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p))).toEqual([]);
  });

  it('works with the keyboard alone: skip link first, then the fields, Enter signs in', async () => {
    const user = await makeUser(t.db, { role: 'partner', organisationId: partnerOrg.id, displayName: 'Tim Tastatur' });
    const { page, problems } = await open('/login');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

    const focused = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
        return `${el.tagName.toLowerCase()}:${(label ?? el.textContent ?? '').trim()}`;
      });
    const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement);

    // the natural tab order of the page
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['a:Zum Inhalt springen', 'a:Treffpunkt', 'select:Sprache', 'input:E-Mail', 'input:Passwort', 'button:Anmelden']);

    // again from the top, using the skip link
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' });
    expect(await isFocused(skipLink)).toBe(true);
    // focused, it becomes visible
    expect(await skipLink.isVisible()).toBe(true);
    const box = await skipLink.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect(isFocused(page.locator('main'))).resolves.toBe(true);

    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('E-Mail', { exact: true }))).toBe(true);
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Passwort', { exact: true }))).toBe(true);
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Willkommen, Tim Tastatur!' }).waitFor();
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE actor_id = $1 AND action = 'auth.login'", [user.id]);
    expect(audit).toHaveLength(1);
    expectNoCspViolations(problems);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
