import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Absolute path of the built SPA that the test app serves. */
export const WEB_DIST_DIR = resolve(import.meta.dirname, '../../apps/web/dist');

/** Browser tests need the built SPA; a missing build is a failure, never a skip. */
export function requireBuiltSpa(): string {
  if (!existsSync(resolve(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(
      `The SPA is not built: ${WEB_DIST_DIR}/index.html is missing.\n` +
        'Build it first: npm run build -w @treffpunkt/contracts && npm run build -w @treffpunkt/web',
    );
  }
  return WEB_DIST_DIR;
}

/** One headless Chromium per test file (the machine is small). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and CSP violation reports seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh context (no cookies, no storage) with one page whose errors are collected. */
export async function openPage(browser: Browser, baseURL: string): Promise<BrowserSession> {
  const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    problems.push(`pageerror: ${error.message}`);
  });
  // Violations are also reported as DOM events; record them as console errors so nothing slips through.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return { context, page, problems, close: () => context.close() };
}

/** Asserts that the strict CSP did not block anything the page needed. */
export function expectNoCspViolations(problems: string[]): void {
  expect(problems.filter((p) => /Content Security Policy/i.test(p))).toEqual([]);
}

/**
 * Problems other than the expected 401 of the silent session restore (POST /api/auth/refresh without a
 * cookie), which Chromium logs as a failed resource load on every signed-out page load.
 */
export function unexpectedProblems(problems: string[]): string[] {
  return problems.filter((p) => !/^console: Failed to load resource: the server responded with a status of 401/.test(p));
}

/** Signs in through the login form (German labels) and waits for the start page. */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-Mail', { exact: true }).fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

/** Polls a value (e.g. a database row) until it matches, for writes the UI triggers asynchronously. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
