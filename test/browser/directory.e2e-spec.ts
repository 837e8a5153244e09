import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
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

describe('the directory in the browser', () => {
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

  it('lets an advisor filter people by language, open a person with a mailto link, and ask who can help', async () => {
    const s = await openPage(browser, t.url);
    sessions.push(s);
    const { page, problems } = s;
    await page.goto('/login');
    await signInThroughForm(page, 'beratung@treffpunkt.demo', 'demo-treffpunkt');
    await page.getByRole('heading', { level: 1, name: /^Willkommen/ }).waitFor();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verzeichnis', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzeichnis' }).waitFor();
    await page.getByRole('link', { name: 'Alle Personen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();

    // only the keyboard: type the language, the list follows
    await page.getByRole('textbox', { name: /^Sprache/ }).fill('dari');
    await page.waitForURL(/\/verzeichnis\/personen\?language=dari$/);
    const results = page.getByRole('list', { name: 'Personen' });
    // the count is announced once the filtered list has arrived (until then the old list may show)
    await page.getByText('1 Person gefunden').waitFor();
    await results.getByRole('link', { name: 'Farid Ahmadi' }).waitFor();
    await expect(results.getByRole('link', { name: 'Leyla Yılmaz' }).count()).resolves.toBe(0);

    await results.getByRole('link', { name: 'Farid Ahmadi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Farid Ahmadi' }).waitFor();
    const mail = page.getByRole('link', { name: 'E-Mail an Farid Ahmadi schreiben' });
    await expect(mail.getAttribute('href')).resolves.toMatch(/^mailto:.+@treffpunkt\.demo$/);

    // back to the filtered list
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
    await expect(page.getByRole('textbox', { name: /^Sprache/ }).inputValue()).resolves.toBe('dari');

    await page.getByRole('link', { name: 'Wer kann helfen?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wer kann helfen?' }).waitFor();
    await page.getByRole('textbox', { name: /^Sprache/ }).fill('Dari');
    await page.getByRole('textbox', { name: /^Fachgebiet/ }).fill('pflege');
    await page.getByRole('list', { name: 'Personen' }).getByRole('link', { name: 'Farid Ahmadi' }).waitFor();

    expectNoCspViolations(problems);
    expect(unexpectedProblems(problems)).toEqual([]);
  });
});
