import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DemoSeedService } from '../../apps/api/src/modules/seed/demo-seed.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  expectNoCspViolations,
  launchBrowser,
  openPage,
  requireBuiltSpa,
  signInThroughForm,
  unexpectedProblems,
  type BrowserSession,
} from '../support/browser.js';

jest.setTimeout(60_000);

const PASSWORD = 'demo-treffpunkt';

describe('consultation statistics in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    const webDistDir = requireBuiltSpa();
    t = await startTestApp({ seedDemo: true, webDistDir });
    await t.app.get(DemoSeedService).seedIfEmpty();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email: string): Promise<BrowserSession> {
    const s = await openPage(browser, t.url);
    sessions.push(s);
    await s.page.goto('/login');
    await signInThroughForm(s.page, email, PASSWORD);
    await s.page.getByRole('heading', { level: 1, name: /^Willkommen/ }).waitFor();
    return s;
  }

  /** "1.234" → 1234 */
  const total = async (page: Page) => Number((await page.getByTestId('consultation-total').innerText()).replace(/\./g, ''));

  it('lets an advisor record a consultation through the form and see the count change on the dashboard', async () => {
    const { page, problems } = await signedIn('beratung@treffpunkt.demo');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Statistik', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Beratungsstatistik' }).waitFor();
    await page.getByText('Sie sehen die Zahlen Ihrer Servicestelle: Servicestelle Anerkennung Magdeburg.').waitFor();
    await page.getByRole('table', { name: 'Beratungen pro Monat' }).waitFor();
    const before = await total(page);
    expect(before).toBeGreaterThan(100);
    const perMonth = page.getByRole('table', { name: 'Beratungen pro Monat' });
    const thisMonth = perMonth.locator('tbody tr').last();
    const monthBefore = await thisMonth.locator('td').innerText();

    await page.getByRole('link', { name: 'Beratung erfassen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beratung erfassen' }).waitFor();
    // the defaults: today, the advisor's own service point
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    expect(await page.getByLabel('Datum der Beratung').inputValue()).toBe(today);
    const servicePoint = page.getByLabel('Servicestelle');
    await servicePoint.locator('option:checked', { hasText: 'Servicestelle Anerkennung Magdeburg' }).waitFor({ state: 'attached' });
    await page.getByLabel('Thema').selectOption({ label: 'Anerkennung ausländischer Berufsabschlüsse' });
    await page.getByLabel('Beratungsweg').selectOption({ label: 'Telefon' });
    await page.getByLabel('Beratungssprache').selectOption({ label: 'Dari' });
    await page.getByLabel('Land des Berufsabschlusses').selectOption({ label: 'Afghanistan' });
    await page.getByLabel('Ergebnis').selectOption({ label: 'Weitervermittelt' });
    await page.getByLabel('Vermittelt an').selectOption({ label: 'Caritas Migrationsdienst Halle' });
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    await page.getByText('Die Beratung wurde erfasst.').waitFor();
    const [row] = await t.db.query<{ topic: string; channel: string; language: string; country_of_qualification: string }>(
      "SELECT c.topic, c.channel, c.language, c.country_of_qualification FROM consultations c JOIN users u ON u.id = c.author_id WHERE u.email = 'beratung@treffpunkt.demo' ORDER BY c.created_at DESC LIMIT 1",
    );
    expect(row).toEqual({ topic: 'recognition', channel: 'phone', language: 'prs', country_of_qualification: 'AF' });
    // the form is ready for the next consultation
    expect(await page.getByLabel('Thema').inputValue()).toBe('');

    await page.getByRole('link', { name: 'Zur Statistik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beratungsstatistik' }).waitFor();
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="consultation-total"]')?.textContent?.replace(/\./g, '') === String(expected),
      before + 1,
    );
    expect(await total(page)).toBe(before + 1);
    const monthAfter = await page.getByRole('table', { name: 'Beratungen pro Monat' }).locator('tbody tr').last().locator('td').innerText();
    if (monthBefore !== '<5' && monthBefore !== '•')
      expect(Number(monthAfter.replace(/\./g, ''))).toBe(Number(monthBefore.replace(/\./g, '')) + 1);
    expectNoCspViolations(problems);
    expect(unexpectedProblems(problems)).toEqual([]);
  });

  it('shows coordinators every service point with charts, tables and "<5", and no statistics to partners', async () => {
    const { page, problems } = await signedIn('koordination@treffpunkt.demo');
    await page.goto('/statistik');
    await page.getByRole('heading', { level: 1, name: 'Beratungsstatistik' }).waitFor();
    for (const name of [
      'Beratungen pro Monat',
      'Beratungen pro Servicestelle und Monat',
      'Beratungen nach Thema',
      'Beratungen nach Beratungsweg',
      'Vermittlungen an Partnerorganisationen',
    ]) {
      await page.getByRole('table', { name }).waitFor();
      await expect(page.getByRole('img', { name: `Diagramm: ${name}. Die Zahlen stehen in der Tabelle.` }).isVisible()).resolves.toBe(true);
    }
    const bySp = page.getByRole('table', { name: 'Beratungen pro Servicestelle und Monat' });
    for (const sp of [
      'Servicestelle Anerkennung Magdeburg',
      'Servicestelle Beratung Dessau-Roßlau',
      'Servicestelle Faire Integration Halle',
    ])
      await expect(bySp.getByRole('columnheader', { name: sp }).isVisible()).resolves.toBe(true);
    // the small service point has months below 5
    await expect(bySp.getByText('<5').first().isVisible()).resolves.toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Beratungen nach Thema als CSV herunterladen' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^beratungen-nach-thema_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
    await page.waitForTimeout(300); // charts settle (animation is off; layout may still resize once)
    await page.screenshot({ path: '/tmp/treffpunkt-statistics.png', fullPage: true });
    expectNoCspViolations(problems);
    expect(unexpectedProblems(problems)).toEqual([]);

    const partner = await signedIn('partner@treffpunkt.demo');
    await expect(
      partner.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Statistik' }).count(),
    ).resolves.toBe(0);
    await partner.page.goto('/statistik');
    await partner.page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
  });
});
