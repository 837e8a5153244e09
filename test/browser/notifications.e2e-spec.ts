import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DemoSeedService } from '../../apps/api/src/modules/seed/demo-seed.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { eventually, expectNoCspViolations, launchBrowser, requireBuiltSpa } from '../support/browser.js';
import { DEMO, forumProblems, post, signedIn, type ForumSession } from '../support/browser-forum.js';
import { uniqueWord } from '../support/forum.js';
import { login } from '../support/http.js';

jest.setTimeout(60_000);

describe('live notifications in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sessions: ForumSession[] = [];
  let threadId = '';
  let threadTitle = '';

  beforeAll(async () => {
    const webDistDir = requireBuiltSpa();
    t = await startTestApp({ seedDemo: true, webDistDir });
    await t.app.get(DemoSeedService).seedIfEmpty();
    const [thread] = await t.db.query<{ id: string; title: string }>(
      "SELECT t.id, t.title FROM threads t JOIN spaces s ON s.id = t.space_id WHERE s.name = 'Netzwerk-Forum' AND t.kind = 'discussion' ORDER BY t.created_at LIMIT 1",
    );
    threadId = thread!.id;
    threadTitle = thread!.title;
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const session of sessions) await session.close();
    sessions = [];
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('user B sees the badge, the toast and the new post live when user A mentions them — without reloading', async () => {
    const a = await signedIn(browser, t.url, DEMO.koordination);
    const b = await signedIn(browser, t.url, DEMO.beratung);
    sessions.push(a, b);

    // B reads the thread and keeps it open
    await b.page.goto(`/forum/thema/${threadId}`);
    await b.page.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    const bell = b.page.getByRole('button', { name: /^Benachrichtigungen/ });
    const before = (await bell.getAttribute('aria-label')) ?? (await bell.innerText());
    const countBefore = Number(/(\d+) ungelesen/.exec(before)?.[1] ?? '0');
    const postsBefore = await b.page.locator('article[id^="beitrag-"]').count();

    // A replies with a mention (through the API; the composer itself is covered by the forum tests)
    const word = uniqueWord('live');
    const writer = await login(t.url, DEMO.koordination.email, 'demo-treffpunkt');
    const res = await a.page.request.post(`/api/threads/${threadId}/posts`, {
      headers: { Authorization: `Bearer ${writer.accessToken}` },
      data: { body: `@${DEMO.beratung.handle} schauen Sie bitte: ${word}` },
    });
    expect(res.status()).toBe(201);

    // badge goes up, the toast appears, the thread offers the new post — the page was never reloaded
    const unread = async () =>
      Number(/(\d+) ungelesen/.exec((await bell.getAttribute('aria-label')) ?? (await bell.innerText()))?.[1] ?? '0');
    expect(await eventually(unread, (n) => n === countBefore + 1, 10_000)).toBe(countBefore + 1);
    const toast = b.page.getByRole('region', { name: 'Neue Benachrichtigungen' });
    await toast
      .getByText(`${DEMO.koordination.displayName} hat Sie in „${threadTitle}“ erwähnt`)
      .waitFor({ state: 'visible', timeout: 10_000 });
    const newPosts = b.page.getByRole('button', { name: '1 neuer Beitrag' });
    await newPosts.waitFor({ timeout: 10_000 });
    expect(await b.page.locator('article[id^="beitrag-"]').count()).toBe(postsBefore);
    await newPosts.click();
    await post(b.page, postsBefore + 1)
      .getByText(word)
      .waitFor();

    // the panel lists it; opening it marks it read and goes to the post
    await bell.click();
    const panel = b.page.getByRole('dialog', { name: 'Benachrichtigungen' });
    await panel
      .getByRole('link', { name: `Ungelesen: ${DEMO.koordination.displayName} hat Sie in „${threadTitle}“ erwähnt` })
      .first()
      .click();
    expect(
      await eventually(
        () => Promise.resolve(b.page.url()),
        (url) => url.includes(`#beitrag-${postsBefore + 1}`),
        10_000,
      ),
    ).toContain(`#beitrag-${postsBefore + 1}`);
    expect(await eventually(unread, (n) => n === countBefore, 10_000)).toBe(countBefore);

    expectNoCspViolations(b.problems);
    expect(forumProblems(b)).toEqual([]);
    expect(forumProblems(a)).toEqual([]);
  });
});
