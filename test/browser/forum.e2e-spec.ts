import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DemoSeedService } from '../../apps/api/src/modules/seed/demo-seed.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectNoCspViolations, launchBrowser, requireBuiltSpa } from '../support/browser.js';
import {
  DEMO,
  focused,
  forumProblems,
  openSpaceFromForum,
  post,
  signedIn,
  spaceCard,
  textState,
  threadRow,
  type DemoPerson,
  type ForumSession,
} from '../support/browser-forum.js';
import { uniqueWord } from '../support/forum.js';

jest.setTimeout(60_000);

const NETWORK = 'Netzwerk-Forum';
const CASES = 'Fallberatung';

describe('the forum in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sessions: ForumSession[] = [];
  const ids: Record<'koordination' | 'beratung' | 'networkSpace' | 'caseSpace' | 'seededCaseThread', string> = {
    koordination: '',
    beratung: '',
    networkSpace: '',
    caseSpace: '',
    seededCaseThread: '',
  };
  /** The thread A creates in the first test; the next ones build on it. */
  const shared = { title: `Plätze im Anpassungslehrgang ${uniqueWord('titel')}`, word: uniqueWord('suche'), threadId: '' };

  beforeAll(async () => {
    const webDistDir = requireBuiltSpa();
    t = await startTestApp({ seedDemo: true, webDistDir });
    expect(await t.app.get(DemoSeedService).seedIfEmpty()).toBe(true);
    const one = async (sql: string, params: unknown[]): Promise<string> => {
      const [row] = await t.db.query<{ id: string }>(sql, params);
      if (!row) throw new Error(`demo data missing: ${sql} ${JSON.stringify(params)}`);
      return row.id;
    };
    ids.koordination = await one('SELECT id FROM users WHERE email = $1', [DEMO.koordination.email]);
    ids.beratung = await one('SELECT id FROM users WHERE email = $1', [DEMO.beratung.email]);
    ids.networkSpace = await one('SELECT id FROM spaces WHERE name = $1', [NETWORK]);
    ids.caseSpace = await one('SELECT id FROM spaces WHERE name = $1', [CASES]);
    ids.seededCaseThread = await one("SELECT id FROM threads WHERE space_id = $1 AND kind = 'case'", [ids.caseSpace]);
    // B has read everything the seed wrote: the only unread thread later is the one A creates.
    await t.db.query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq) SELECT $1, id, last_seq FROM threads
       ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read_seq = EXCLUDED.last_read_seq`,
      [ids.beratung],
    );
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    sessions = [];
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function as(person: DemoPerson): Promise<ForumSession> {
    const s = await signedIn(browser, t.url, person);
    sessions.push(s);
    return s;
  }

  function expectClean(s: ForumSession, allowed: RegExp[] = []): void {
    expectNoCspViolations(s.problems);
    expect(forumProblems(s, allowed)).toEqual([]);
  }

  it('A writes a thread with bold text and a mention picked with the keyboard; list, page and database have it', async () => {
    const a = await as(DEMO.koordination);
    const { page } = a;
    await openSpaceFromForum(page, NETWORK);

    await page.getByRole('button', { name: 'Neues Thema', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Neues Thema eröffnen' }).waitFor();
    await page.getByLabel('Titel', { exact: true }).fill(shared.title);
    const text = page.getByLabel('Text', { exact: true });
    await text.click();
    await page.keyboard.type(`Wir haben wieder freie Plätze zum Thema ${shared.word}, bitte`);
    // select the last word and make it bold with the toolbar
    await page.keyboard.press('Control+Shift+ArrowLeft');
    expect(await text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('bitte');
    await page.getByRole('toolbar', { name: 'Formatierung' }).getByRole('button', { name: 'Fett', exact: true }).click();
    await expect(textState(text)).resolves.toMatchObject({ value: expect.stringMatching(/\*\*bitte\*\*$/), focused: true });
    await page.keyboard.press('End');
    await page.keyboard.type(' melden: @berat');

    const suggestions = page.getByRole('listbox', { name: 'Vorschläge für Erwähnungen' });
    await suggestions.waitFor();
    const names = await suggestions.getByRole('option').locator('.mention-list__name').allInnerTexts();
    expect(names).toContain(DEMO.beratung.displayName);
    expect(await text.getAttribute('role')).toBe('combobox');
    // ArrowDown moves through the list until Leyla is the active option, Enter takes her
    for (let i = 0; i < names.length; i++) {
      await page.keyboard.press('ArrowDown');
      const active = suggestions.locator('[role="option"][aria-selected="true"]');
      if ((await active.locator('.mention-list__name').innerText()) === DEMO.beratung.displayName) break;
    }
    const activeId = await text.getAttribute('aria-activedescendant');
    expect(activeId).toBe(await suggestions.locator('[aria-selected="true"]').getAttribute('id'));
    await page.keyboard.press('Enter');
    await suggestions.waitFor({ state: 'detached' });
    await page.keyboard.type('und Bescheid geben.');
    const body = `Wir haben wieder freie Plätze zum Thema ${shared.word}, **bitte** melden: @beratung und Bescheid geben.`;
    await expect(textState(text)).resolves.toMatchObject({ value: body, focused: true });

    // the live preview renders the Markdown
    const preview = page.getByTestId('markdown-preview');
    await expect(preview.locator('strong').innerText()).resolves.toBe('bitte');
    await expect(preview.innerText()).resolves.toContain('@beratung');
    await page.locator('.composer-card').screenshot({ path: '/tmp/treffpunkt-forum-composer.png' });

    await page.getByRole('button', { name: 'Thema erstellen', exact: true }).click();
    await page.waitForURL(/\/forum\/thema\/[0-9a-f-]{36}$/);
    shared.threadId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('heading', { level: 1, name: shared.title }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Ihr Thema wurde erstellt.' }).waitFor();

    const first = post(page, 1);
    await expect(first.getAttribute('aria-label')).resolves.toBe(`Beitrag #1 von ${DEMO.koordination.displayName}`);
    await expect(first.locator('.post-body strong').innerText()).resolves.toBe('bitte');
    const mention = first.locator('.post-body').getByRole('link', { name: '@beratung', exact: true });
    await expect(mention.getAttribute('href')).resolves.toBe(`/verzeichnis/personen/${ids.beratung}`);
    await expect(mention.getAttribute('class')).resolves.toBe('mention');
    await page.screenshot({ path: '/tmp/treffpunkt-forum-thread.png', fullPage: true });

    // back in the space, the thread is in the list (on top of the unpinned ones), by A, without "Neu" for its author
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: NETWORK, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    const row = threadRow(page, shared.title);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(`von ${DEMO.koordination.displayName}`);
    await expect(row.locator('.badge--new').count()).resolves.toBe(0);

    const threads = await t.db.query<{ id: string; author_id: string; kind: string; post_count: number }>(
      'SELECT id, author_id, kind, post_count FROM threads WHERE title = $1',
      [shared.title],
    );
    expect(threads).toEqual([{ id: shared.threadId, author_id: ids.koordination, kind: 'discussion', post_count: 1 }]);
    const posts = await t.db.query<{ id: string; body: string }>('SELECT id, body FROM posts WHERE thread_id = $1', [shared.threadId]);
    expect(posts).toEqual([{ id: expect.any(String), body }]);
    await expect(t.db.query('SELECT user_id FROM post_mentions WHERE post_id = $1', [posts[0]!.id])).resolves.toEqual([
      { user_id: ids.beratung },
    ]);
    // the draft typed along the way is gone
    await expect(t.db.query('SELECT 1 FROM drafts WHERE user_id = $1', [ids.koordination])).resolves.toEqual([]);
    expectClean(a);
  });

  it('B sees the thread as unread, reads it, replies with a quote; A sees the reply after the divider', async () => {
    expect(shared.threadId).not.toBe('');
    // A visits the thread, then leaves it (an open page could show the reply live and mark it read)
    const a = await as(DEMO.koordination);
    const threadPath = `/forum/thema/${shared.threadId}`;
    await a.page.goto(threadPath);
    await a.page.getByRole('heading', { level: 1, name: shared.title }).waitFor();
    await post(a.page, 1).waitFor();
    await a.page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: NETWORK, exact: true }).click();
    await a.page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();

    const b = await as(DEMO.beratung);
    const { page } = b;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Forum', exact: true }).click();
    const card = spaceCard(page, NETWORK);
    await card.locator('.badge--unread').waitFor();
    await expect(card.locator('.badge--unread [aria-hidden="true"]').textContent()).resolves.toBe('1');
    await expect(card.locator('.badge--unread .visually-hidden').textContent()).resolves.toBe('1 ungelesenes Thema');
    await expect(spaceCard(page, CASES).locator('.badge--unread').count()).resolves.toBe(0);

    await card.getByRole('link', { name: NETWORK, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    const row = threadRow(page, shared.title);
    await row.locator('.badge--new').waitFor();
    await expect(row.locator('.badge--new').innerText()).resolves.toBe('Neu');
    await expect(row.getAttribute('class')).resolves.toContain('thread-row--unread');
    // only A's thread is new for B
    await expect(page.locator('.thread-row--unread').count()).resolves.toBe(1);

    await row.getByRole('link', { name: shared.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: shared.title }).waitFor();
    await post(page, 1).waitFor();
    // first visit: nothing read before, so no divider
    await expect(page.getByText('Neu seit Ihrem letzten Besuch').count()).resolves.toBe(0);

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await threadRow(page, shared.title).locator('.badge--new').waitFor({ state: 'detached' });
    await expect(page.locator('.thread-row--unread').count()).resolves.toBe(0);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
    await spaceCard(page, NETWORK).locator('.badge--unread').waitFor({ state: 'detached' });

    // reply to #1 with a quote of it
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await threadRow(page, shared.title).getByRole('link', { name: shared.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: shared.title }).waitFor();
    const actions = page.getByRole('group', { name: 'Aktionen für Beitrag #1' });
    await actions.getByRole('button', { name: 'Antworten', exact: true }).click();
    const text = page.getByLabel('Text', { exact: true });
    await expect(textState(text)).resolves.toMatchObject({ focused: true, value: '' });
    await page.getByText(`Antwort auf #1 von ${DEMO.koordination.displayName}`).waitFor();
    await actions.getByRole('button', { name: 'Zitieren', exact: true }).click();
    const quoted = (await textState(text)).value;
    expect(quoted).toMatch(/^@koordination schrieb:\n> Wir haben wieder freie Plätze/);
    expect(quoted).toContain('> ');
    await text.press('Control+End');
    await page.keyboard.type('Ich habe zwei Interessentinnen und melde mich morgen.');
    await page.getByRole('button', { name: 'Antwort senden', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Ihre Antwort wurde veröffentlicht.' }).waitFor();

    const reply = post(page, 2);
    await reply.waitFor();
    await expect(reply.getAttribute('aria-label')).resolves.toBe(`Beitrag #2 von ${DEMO.beratung.displayName}`);
    await expect(reply.getByRole('link', { name: 'Antwort auf #1' }).getAttribute('href')).resolves.toBe('#beitrag-1');
    await expect(reply.locator('.post-body blockquote').innerText()).resolves.toContain(shared.word);
    await expect(reply.locator('.post-body').innerText()).resolves.toContain('Ich habe zwei Interessentinnen');
    await expect(textState(text)).resolves.toMatchObject({ value: '' });
    const [stored] = await t.db.query<{ reply_to_post_id: string | null; seq: number }>(
      'SELECT reply_to_post_id, seq FROM posts WHERE thread_id = $1 AND author_id = $2',
      [shared.threadId, ids.beratung],
    );
    expect(stored!.seq).toBe(2);
    expect(stored!.reply_to_post_id).not.toBeNull();

    // A loads the thread again: the reply comes after "Neu seit Ihrem letzten Besuch"
    await a.page.goto(threadPath);
    await a.page.getByRole('heading', { level: 1, name: shared.title }).waitFor();
    const divider = a.page.locator('#neu-seit-letztem-besuch');
    await divider.waitFor();
    await expect(divider.innerText()).resolves.toBe('Neu seit Ihrem letzten Besuch');
    await post(a.page, 2).waitFor();
    const order = await a.page
      .locator('.forum-thread__posts')
      .evaluate((section) => Array.from(section.querySelectorAll('#neu-seit-letztem-besuch, article.post')).map((el) => el.id));
    expect(order).toEqual(['beitrag-1', 'neu-seit-letztem-besuch', 'beitrag-2']);
    await expect(post(a.page, 2).innerText()).resolves.toContain('Ich habe zwei Interessentinnen');

    expectClean(a);
    expectClean(b);
  });

  it('B finds a word of A’s post, sees it marked and lands on the post', async () => {
    expect(shared.threadId).not.toBe('');
    const b = await as(DEMO.beratung);
    const { page } = b;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Forum', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
    await page.getByRole('search', { name: 'Forum durchsuchen' }).getByLabel('Forum durchsuchen').fill(shared.word);
    await page.getByRole('search', { name: 'Forum durchsuchen' }).getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/forum/suche' && url.searchParams.get('q') === shared.word);
    await page.getByRole('heading', { level: 1, name: 'Forum durchsuchen' }).waitFor();
    expect(await page.getByLabel('Suchbegriff', { exact: true }).inputValue()).toBe(shared.word);
    // the word is in the post, not in the title
    await page
      .getByRole('status')
      .filter({ hasText: `Keine Treffer für „${shared.word}“.` })
      .waitFor();

    // the choice lives in the URL: the radio shows it once the navigation has happened
    await page.getByRole('radio', { name: 'Beiträge' }).click();
    await page.waitForURL((url) => url.searchParams.get('type') === 'posts');
    await expect(page.getByRole('radio', { name: 'Beiträge' }).isChecked()).resolves.toBe(true);
    const hits = page.locator('.search-hit');
    await hits.first().waitFor();
    await expect(hits.count()).resolves.toBe(2); // A's post and B's reply quoting it
    const hit = hits.filter({ has: page.getByRole('link', { name: `${shared.title} #1`, exact: true }) });
    await expect(hit.locator('mark').allInnerTexts()).resolves.toEqual([shared.word]);
    await expect(hit.locator('.search-hit__meta').innerText()).resolves.toContain(`${NETWORK} · ${DEMO.koordination.displayName}`);

    await hit.getByRole('link', { name: `${shared.title} #1`, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/forum/thema/${shared.threadId}` && url.hash === '#beitrag-1');
    await page.getByRole('heading', { level: 1, name: shared.title }).waitFor();
    await post(page, 1).waitFor();
    // the linked post has the focus (and so is scrolled into view)
    await expect(page.waitForFunction(() => document.activeElement?.id === 'beitrag-1')).resolves.toBeTruthy();
    expectClean(b);
  });

  it('checks a case thread for personal data: edit, then clean; and once saved anyway with an audit entry', async () => {
    const b = await as(DEMO.beratung);
    const { page } = b;
    const year = new Date().getFullYear();
    const email = 'klientin.muster@example.org';
    const birthDate = '12.03.1987';

    async function openCaseComposer(title: string, body: string): Promise<void> {
      await openSpaceFromForum(page, CASES);
      await page.getByRole('button', { name: 'Neues Thema', exact: true }).click();
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByLabel('Art des Themas', { exact: true }).selectOption({ label: 'Fall' });
      await page.getByText('Fallthemen erhalten eine Fallkennung').waitFor();
      await page.getByLabel('Text', { exact: true }).fill(body);
      await page.getByRole('button', { name: 'Thema erstellen', exact: true }).click();
    }

    async function expectCaseThreadPage(title: string): Promise<{ id: string; code: string; retention: Date }> {
      await page.waitForURL(/\/forum\/thema\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const id = new URL(page.url()).pathname.split('/').at(-1)!;
      const [row] = await t.db.query<{ kind: string; pseudonym_code: string; retention_until: Date }>(
        'SELECT kind, pseudonym_code, retention_until FROM threads WHERE id = $1',
        [id],
      );
      expect(row!.kind).toBe('case');
      expect(row!.pseudonym_code).toMatch(new RegExp(`^F-${String(year)}-\\d{4}$`));
      const badge = page.locator('.page-heading .badge--case');
      await expect(badge.innerText()).resolves.toMatch(new RegExp(`F-${String(year)}-\\d{4}$`));
      await expect(badge.textContent()).resolves.toBe(`Fallkennung: ${row!.pseudonym_code}`);
      const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(row!.retention_until);
      await page.locator('.case-notice').getByText(`Wird am ${date} gelöscht`).waitFor();
      expect(row!.retention_until.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000); // about a year ahead
      return { id, code: row!.pseudonym_code, retention: row!.retention_until };
    }

    // 1. with data → dialog, "Bearbeiten" → remove → saved
    const cleanTitle = `Anerkennung Abschluss Lehramt ${uniqueWord('fall')}`;
    const dirtyBody = `Ratsuchende (E-Mail ${email}, geb. ${birthDate}) fragt nach der Anerkennung ihres Lehramtsstudiums.`;
    await openCaseComposer(cleanTitle, dirtyBody);
    const dialog = page.getByRole('dialog', { name: 'Mögliche personenbezogene Daten' });
    await dialog.waitFor();
    await expect(dialog.locator('.pii-findings li').allInnerTexts()).resolves.toEqual([
      `E-Mail-Adresse im Text: ${email}`,
      `Geburtsdatum im Text: ${birthDate}`,
    ]);
    const editButton = dialog.getByRole('button', { name: 'Bearbeiten', exact: true });
    await expect(editButton.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(t.db.query('SELECT 1 FROM threads WHERE title = $1', [cleanTitle])).resolves.toEqual([]);
    await editButton.click();
    await dialog.waitFor({ state: 'detached' });
    const text = page.getByLabel('Text', { exact: true });
    await page.waitForFunction(() => document.activeElement instanceof HTMLTextAreaElement);
    const state = await textState(text);
    expect(state.focused).toBe(true);
    expect(state.value.slice(state.start, state.end)).toBe(email);

    // type over the selected address, then remove the birth date
    await page.keyboard.type('per Mail erreichbar');
    const cleanBody = (await textState(text)).value.replace(`, geb. ${birthDate}`, '');
    expect(cleanBody).toBe('Ratsuchende (E-Mail per Mail erreichbar) fragt nach der Anerkennung ihres Lehramtsstudiums.');
    await text.fill(cleanBody);
    await page.getByRole('button', { name: 'Thema erstellen', exact: true }).click();
    const clean = await expectCaseThreadPage(cleanTitle);
    await expect(post(page, 1).locator('.post-body').innerText()).resolves.toBe(cleanBody);
    await expect(
      t.db.query("SELECT 1 FROM audit_log WHERE action = 'case.pii_acknowledged' AND entity_id = $1", [clean.id]),
    ).resolves.toEqual([]);

    // 2. with data → "Trotzdem speichern"
    const ackTitle = `Rückfrage Kenntnisprüfung ${uniqueWord('fall')}`;
    await openCaseComposer(ackTitle, dirtyBody);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Trotzdem speichern', exact: true }).click();
    const acknowledged = await expectCaseThreadPage(ackTitle);
    expect(acknowledged.code).not.toBe(clean.code);
    await expect(post(page, 1).locator('.post-body').innerText()).resolves.toContain(email);
    const audit = await t.db.query<{ actor_id: string; entity_type: string; details: { kinds: string[] } }>(
      "SELECT actor_id, entity_type, details FROM audit_log WHERE action = 'case.pii_acknowledged' AND entity_id = $1",
      [acknowledged.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: ids.beratung, entity_type: 'thread' });
    expect([...audit[0]!.details.kinds].sort()).toEqual(['birth_date', 'email']);
    await expect(t.db.query('SELECT 1 FROM threads WHERE title IN ($1, $2)', [cleanTitle, ackTitle])).resolves.toHaveLength(2);
    // the PII check answers 422 on the first attempts; that is the expected path, not an error
    expectClean(b, [/^422 POST \/api\/spaces\/[^/]+\/threads$/]);
  });

  it('does not show Fallberatung to a partner, and its thread URL is a not-found page', async () => {
    const p = await as(DEMO.partner);
    const { page } = p;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Forum', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
    const spaces = page.locator('.space-list .space-card__title');
    await spaces.first().waitFor();
    const names = await spaces.allInnerTexts();
    expect(names).toContain(NETWORK);
    expect(names).toContain('AG Pflegeanerkennung'); // the partner's organisation is a member
    expect(names).not.toContain(CASES);

    const [seeded] = await t.db.query<{ title: string }>('SELECT title FROM threads WHERE id = $1', [ids.seededCaseThread]);
    await page.goto(`/forum/thema/${ids.seededCaseThread}`);
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    await expect(page.getByText(seeded!.title).count()).resolves.toBe(0);
    await expect(page.locator('article.post').count()).resolves.toBe(0);
    await expect(page.getByText('Ratsuchende mit Pflegeausbildung').count()).resolves.toBe(0);

    await page.goto(`/forum/${ids.caseSpace}`);
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    await expect(page.getByText('Kollegiale Fallberatung').count()).resolves.toBe(0);

    // nothing about the case was read on the partner's behalf
    const partnerReads = await t.db.query(
      "SELECT 1 FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE u.email = $1 AND a.action = 'case.read'",
      [DEMO.partner.email],
    );
    expect(partnerReads).toEqual([]);
    expectClean(p, [new RegExp(`^404 GET /api/threads/${ids.seededCaseThread}$`), new RegExp(`^404 GET /api/spaces/${ids.caseSpace}$`)]);
  });

  it('works with the keyboard alone: toolbar (Tab, arrows) and mention suggestions, without console or CSP errors', async () => {
    const f = await as(DEMO.farid);
    const { page } = f;
    await page.goto(`/forum/${ids.networkSpace}`);
    await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();

    // the button as a keyboard user reaches it; Enter opens the composer with the focus in the title
    await page.getByRole('button', { name: 'Neues Thema', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'title');
    const title = `Tastatur-Thema ${uniqueWord('tast')}`;
    await page.keyboard.type(title);

    // one Tab stop for the whole toolbar: its first button
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Fett');
    const toolbar = page.getByRole('toolbar', { name: 'Formatierung' });
    await expect(toolbar.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('tabindex')))).resolves.toEqual([
      '0',
      '-1',
      '-1',
      '-1',
      '-1',
      '-1',
    ]);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('button:Kursiv');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('button:Code');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('button:Fett');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('button:Code');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('button:Kursiv');

    // Tab leaves the toolbar for the text field; Shift+Tab comes back to the last used button
    await page.keyboard.press('Tab');
    const text = page.getByLabel('Text', { exact: true });
    await expect(textState(text)).resolves.toMatchObject({ focused: true });
    await page.keyboard.type('Das ist ');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button:Kursiv');
    await page.keyboard.press('Enter');
    await expect(textState(text)).resolves.toMatchObject({ value: 'Das ist __', start: 9, end: 9, focused: true });
    await page.keyboard.type('dringend');
    await page.keyboard.press('End');

    // mention: the list opens as a combobox, arrows move, Escape closes, leaving and coming back re-opens it
    await page.keyboard.type(', Frage an @koord');
    const suggestions = page.getByRole('listbox', { name: 'Vorschläge für Erwähnungen' });
    await suggestions.waitFor();
    await expect(text.getAttribute('aria-expanded')).resolves.toBe('true');
    await page
      .getByRole('status')
      .filter({ hasText: /Vorschl(ag|äge)\. Mit den Pfeiltasten auswählen/ })
      .waitFor();
    await page.keyboard.press('Escape');
    await suggestions.waitFor({ state: 'detached' });
    expect(await text.getAttribute('role')).toBeNull();
    await page.keyboard.type(' ');
    await page.keyboard.press('Backspace');
    await suggestions.waitFor();
    const options = suggestions.getByRole('option');
    const count = await options.count();
    const names = await options.locator('.mention-list__name').allInnerTexts();
    const target = names.indexOf(DEMO.koordination.displayName);
    expect(target).toBeGreaterThanOrEqual(0);
    // ArrowUp from the first option wraps to the last one
    await page.keyboard.press('ArrowUp');
    await expect(options.nth(count - 1).getAttribute('aria-selected')).resolves.toBe('true');
    for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
    await expect(options.nth(target).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await suggestions.waitFor({ state: 'detached' });
    await page.keyboard.type('bitte.');
    const body = 'Das ist _dringend_, Frage an @koordination bitte.';
    await expect(textState(text)).resolves.toMatchObject({ value: body, focused: true });

    // Tab reaches "attach a file", then the submit button; Enter sends
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Datei anhängen');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Thema erstellen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/forum\/thema\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const first = post(page, 1);
    await expect(first.locator('.post-body em').innerText()).resolves.toBe('dringend');
    await expect(first.locator('.post-body').getByRole('link', { name: '@koordination' }).getAttribute('href')).resolves.toBe(
      `/verzeichnis/personen/${ids.koordination}`,
    );
    expectClean(f);
  });
});
