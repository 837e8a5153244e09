import type { Browser, Locator, Page } from 'playwright-core';
import { openPage, signInThroughForm, type BrowserSession } from './browser.js';

/** Password of every demo person (apps/api/src/modules/seed/demo-data.ts). */
export const DEMO_PASSWORD = 'demo-treffpunkt';

export interface DemoPerson {
  email: string;
  displayName: string;
  handle: string;
}

export const DEMO = {
  koordination: { email: 'koordination@treffpunkt.demo', displayName: 'Thomas Becker', handle: 'koordination' },
  beratung: { email: 'beratung@treffpunkt.demo', displayName: 'Leyla Yılmaz', handle: 'beratung' },
  partner: { email: 'partner@treffpunkt.demo', displayName: 'Markus Weber', handle: 'partner' },
  farid: { email: 'farid.ahmadi@treffpunkt.demo', displayName: 'Farid Ahmadi', handle: 'farid.ahmadi' },
} satisfies Record<string, DemoPerson>;

/** A browser session that also records every API answer of 400 or more, with its path. */
export interface ForumSession extends BrowserSession {
  /** e.g. "404 GET /api/spaces/…/draft" */
  failedResponses: string[];
}

/** A fresh context (no cookies) in which `person` signs in through the form and reaches the start page. */
export async function signedIn(browser: Browser, baseURL: string, person: DemoPerson): Promise<ForumSession> {
  const session = await openPage(browser, baseURL);
  const failedResponses: string[] = [];
  session.page.on('response', (response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    failedResponses.push(`${String(response.status())} ${response.request().method()} ${url.pathname}`);
  });
  await session.page.goto('/login');
  await signInThroughForm(session.page, person.email, DEMO_PASSWORD);
  await session.page.getByRole('heading', { level: 1, name: `Willkommen, ${person.displayName}!` }).waitFor();
  return { ...session, failedResponses };
}

/** Failed responses every forum page may see: the silent session restore before sign-in, and "no draft yet". */
const ALWAYS_ALLOWED = [/^401 POST \/api\/auth\/refresh$/, /^404 (GET|DELETE) \/api\/(spaces|threads)\/[^/]+\/draft$/];

/**
 * Everything that went wrong on the page: console errors, uncaught errors, CSP violations and
 * failed API answers — except the expected ones above and those matching `allowed`. Chromium's
 * own "Failed to load resource" console lines carry no URL; the responses stand in for them.
 */
export function forumProblems(session: ForumSession, allowed: RegExp[] = []): string[] {
  const patterns = [...ALWAYS_ALLOWED, ...allowed];
  const consoleProblems = session.problems.filter(
    (p) => !/^console: Failed to load resource: the server responded with a status of \d+/.test(p),
  );
  const responses = session.failedResponses.filter((r) => !patterns.some((pattern) => pattern.test(r)));
  return [...consoleProblems, ...responses.map((r) => `response: ${r}`)];
}

/** Opens the forum through the main navigation and a space from the list. */
export async function openSpaceFromForum(page: Page, spaceName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Forum', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
  await page.locator('.space-list').getByRole('link', { name: spaceName, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: spaceName }).waitFor();
}

/** The card of a space in the forum's list. */
export const spaceCard = (page: Page, spaceName: string): Locator =>
  page.locator('.space-card').filter({ has: page.getByRole('link', { name: spaceName, exact: true }) });

/** The row of a thread in a space's list. */
export const threadRow = (page: Page, title: string): Locator =>
  page.locator('.thread-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/** A post on the thread page, by its number. */
export const post = (page: Page, seq: number): Locator => page.locator(`article#beitrag-${String(seq)}`);

/** Where the keyboard focus is, as "tag:accessible text" (for tab-order assertions). */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    return `${el.tagName.toLowerCase()}:${(label ?? el.textContent ?? '').trim()}`;
  });
}

/** The textarea's value and selection. */
export function textState(field: Locator): Promise<{ value: string; start: number; end: number; focused: boolean }> {
  return field.evaluate((el: HTMLTextAreaElement) => ({
    value: el.value,
    start: el.selectionStart,
    end: el.selectionEnd,
    focused: el === document.activeElement,
  }));
}
