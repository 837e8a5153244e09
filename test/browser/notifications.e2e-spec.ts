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

    // B reads the thread and keeps it open. Other notifications (e.g. from the demo seed's after-commit
    // listeners or the reminder job) may still arrive while the test runs, so the server's own count is
    // the reference, not a number read off the badge once.
    const reader = await login(t.url, DEMO.beratung.email, 'demo-treffpunkt');
    const serverUnread = async () => {
      const r = await b.page.request.get('/api/notifications/unread-count', {
        headers: { Authorization: `Bearer ${reader.accessToken}` },
      });
      return ((await r.json()) as { count: number }).count;
    };
    await b.page.goto(`/forum/thema/${threadId}`);
    await b.page.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    const bell = b.page.getByRole('button', { name: /^Benachrichtigungen/ });
    const unread = async () =>
      Number(/(\d+) ungelesen/.exec((await bell.getAttribute('aria-label')) ?? (await bell.innerText()))?.[1] ?? '0');
    const badgeMatchesServer = async () => {
      const [shown, actual] = [await unread(), await serverUnread()];
      return { shown, actual };
    };
    const settled = await eventually(badgeMatchesServer, ({ shown, actual }) => shown === actual, 10_000);
    expect(settled.shown).toBe(settled.actual);
    const countBefore = settled.actual;
    const postsBefore = await b.page.locator('article[id^="beitrag-"]').count();

    // A replies with a mention (through the API; the composer itself is covered by the forum tests)
    const word = uniqueWord('live');
    const writer = await login(t.url, DEMO.koordination.email, 'demo-treffpunkt');
    const res = await a.page.request.post(`/api/threads/${threadId}/posts`, {
      headers: { Authorization: `Bearer ${writer.accessToken}` },
      data: { body: `@${DEMO.beratung.handle} schauen Sie bitte: ${word}` },
    });
    expect(res.status()).toBe(201);

    // badge goes up (live, to whatever the server counts — at least the mention), the toast appears,
    // the thread offers the new post — the page was never reloaded
    const raised = await eventually(badgeMatchesServer, ({ shown, actual }) => shown === actual && actual >= countBefore + 1, 10_000);
    expect(raised.shown).toBe(raised.actual);
    expect(raised.actual).toBeGreaterThanOrEqual(countBefore + 1);
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
    // opening it marked the mention read on the server, and the badge follows the server's count
    const mentionRead = async () => {
      const r = await b.page.request.get('/api/notifications?limit=50', {
        headers: { Authorization: `Bearer ${reader.accessToken}` },
      });
      const page = (await r.json()) as { items: { type: string; link: string; readAt: string | null }[] };
      return page.items.filter((n) => n.type === 'mention' && n.link.endsWith(`${threadId}#beitrag-${postsBefore + 1}`));
    };
    const mentions = await eventually(mentionRead, (items) => items.length === 1 && items[0]!.readAt !== null, 10_000);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]!.readAt).not.toBeNull();
    const lowered = await eventually(badgeMatchesServer, ({ shown, actual }) => shown === actual, 10_000);
    expect(lowered.shown).toBe(lowered.actual);

    expectNoCspViolations(b.problems);
    expect(forumProblems(b)).toEqual([]);
    expect(forumProblems(a)).toEqual([]);
  });
});
