import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DemoSeedService } from '../../apps/api/src/modules/seed/demo-seed.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { eventually, expectNoCspViolations, launchBrowser, requireBuiltSpa } from '../support/browser.js';
import { DEMO, forumProblems, signedIn, type ForumSession } from '../support/browser-forum.js';
import { uniqueWord } from '../support/forum.js';

jest.setTimeout(60_000);

const SPACE = 'Netzwerk-Forum';

/** The Berlin calendar day `days` after today, as "YYYY-MM-DD". */
function berlinDay(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  return parts; // en-CA formats as YYYY-MM-DD
}

/** The UTC instant at which Berlin clocks show `day` `time` (independent of the SPA's helper). */
function berlinInstant(day: string, time: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const instant = new Date(`${day}T${time}:00${offset}`);
    const shown = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(instant);
    if (shown === `${day} ${time}`) return instant.toISOString();
  }
  throw new Error(`no instant for ${day} ${time}`);
}

/** Opens Termine from the main navigation and pages to the month of `day`. */
async function openMonthOf(page: Page, day: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Termine', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Termine' }).waitFor();
  await page.getByRole('table').waitFor();
  const today = berlinDay(0);
  if (day.slice(0, 7) !== today.slice(0, 7)) {
    await page.getByRole('button', { name: 'Nächster Monat' }).click();
  }
  await page.locator(`td[data-day="${day}"]`).waitFor();
}

describe('meetings in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sessions: ForumSession[] = [];
  const ids = { koordination: '', beratung: '', space: '' };

  beforeAll(async () => {
    const webDistDir = requireBuiltSpa();
    t = await startTestApp({ seedDemo: true, webDistDir });
    await t.app.get(DemoSeedService).seedIfEmpty();
    const one = async (sql: string, params: unknown[]): Promise<string> => {
      const [row] = await t.db.query<{ id: string }>(sql, params);
      if (!row) throw new Error(`demo data missing: ${sql} ${JSON.stringify(params)}`);
      return row.id;
    };
    ids.koordination = await one('SELECT id FROM users WHERE email = $1', [DEMO.koordination.email]);
    ids.beratung = await one('SELECT id FROM users WHERE email = $1', [DEMO.beratung.email]);
    ids.space = await one('SELECT id FROM spaces WHERE name = $1', [SPACE]);
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

  it('a coordinator announces a meeting through the form; an advisor answers "Zusage" and sees it with her status in the month view', async () => {
    const title = `Netzwerktreffen ${uniqueWord('termin')}`;
    const day = berlinDay(3);
    const startsAt = berlinInstant(day, '18:30');
    const endsAt = berlinInstant(day, '20:00');

    // ── the coordinator announces it ──
    const a = await signedIn(browser, t.url, DEMO.koordination);
    sessions.push(a);
    await openMonthOf(a.page, day);
    await a.page.getByRole('link', { name: 'Termin anlegen', exact: true }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Neuen Termin anlegen' }).waitFor();
    await a.page.getByLabel('Titel', { exact: true }).fill(title);
    await a.page.getByLabel('Format', { exact: true }).selectOption({ label: 'Netzwerktreffen' });
    await a.page.getByLabel('Bereich', { exact: true }).selectOption({ label: SPACE });
    const start = a.page.getByRole('group', { name: 'Beginn' });
    await start.getByLabel('Datum', { exact: true }).fill(day);
    await start.getByLabel('Uhrzeit', { exact: true }).fill('18:30');
    const end = a.page.getByRole('group', { name: 'Ende' });
    await expect(end.getByLabel('Datum', { exact: true }).inputValue()).resolves.toBe(day);
    await end.getByLabel('Uhrzeit', { exact: true }).fill('20:00');
    await a.page.getByLabel('Ort', { exact: true }).fill('Haus der Vereine, Raum 2');
    await a.page.getByLabel('Plätze (optional)', { exact: true }).fill('10');
    await a.page.getByLabel('Beschreibung', { exact: true }).fill('Wir planen das **Frühjahr**.');
    await a.page.getByRole('button', { name: 'Punkt hinzufügen', exact: true }).click();
    await a.page.keyboard.type('Begrüßung');
    await a.page.getByRole('button', { name: 'Punkt hinzufügen', exact: true }).click();
    await a.page.keyboard.type('Berichte');
    await a.page.getByRole('button', { name: 'Termin anlegen', exact: true }).click();

    await a.page.waitForURL(/\/termine\/[0-9a-f-]{36}$/);
    const meetingId = new URL(a.page.url()).pathname.split('/').at(-1)!;
    await a.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await a.page.getByRole('status').filter({ hasText: 'Der Termin wurde angelegt.' }).waitFor();
    await expect(a.page.locator('.post-body strong').innerText()).resolves.toBe('Frühjahr');
    await expect(a.page.getByRole('region', { name: 'Tagesordnung' }).getByRole('listitem').allInnerTexts()).resolves.toEqual([
      'Begrüßung',
      'Berichte',
    ]);
    await expect(a.page.getByRole('link', { name: 'Zur Diskussion im Forum' }).getAttribute('href')).resolves.toMatch(
      /^\/forum\/thema\/[0-9a-f-]{36}$/,
    );

    const [row] = await t.db.query<{
      starts_at: Date;
      ends_at: Date;
      space_id: string;
      created_by_id: string;
      capacity: number;
      agenda: unknown;
    }>('SELECT starts_at, ends_at, space_id, created_by_id, capacity, agenda FROM meetings WHERE id = $1', [meetingId]);
    expect(row).toMatchObject({ space_id: ids.space, created_by_id: ids.koordination, capacity: 10 });
    // entered as Berlin wall-clock time, stored as the right instant
    expect(row!.starts_at.toISOString()).toBe(startsAt);
    expect(row!.ends_at.toISOString()).toBe(endsAt);
    expectClean(a);

    // ── the advisor finds it in the month view and answers ──
    const b = await signedIn(browser, t.url, DEMO.beratung);
    sessions.push(b);
    const { page } = b;
    await openMonthOf(page, day);
    const cell = page.locator(`td[data-day="${day}"]`);
    const link = cell.getByRole('link', { name: new RegExp(title) });
    await link.waitFor();
    await expect(link.innerText()).resolves.toContain('18:30');
    await link.click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const rsvp = page.getByRole('region', { name: 'Ihre Teilnahme' });
    await rsvp.getByText('Ihr Status: Noch keine Antwort').waitFor();
    await page.screenshot({ path: '/tmp/treffpunkt-meeting-page.png', fullPage: true });
    const going = rsvp.getByRole('group', { name: 'Ihre Antwort' }).getByRole('button', { name: 'Zusage', exact: true });
    await going.click();
    await rsvp.getByText('Ihr Status: Zugesagt', { exact: true }).waitFor();
    await rsvp.getByRole('status').filter({ hasText: 'Ihre Antwort wurde gespeichert. Ihr Status: Zugesagt.' }).waitFor();
    await expect(going.getAttribute('aria-pressed')).resolves.toBe('true');
    const attendees = page.getByRole('region', { name: 'Teilnehmende' });
    await attendees.getByRole('heading', { name: 'Zusagen (1)' }).waitFor();
    await expect(attendees.innerText()).resolves.toContain(DEMO.beratung.displayName);

    await expect(
      eventually(
        () =>
          t.db.query<{ status: string }>('SELECT status FROM meeting_rsvps WHERE meeting_id = $1 AND user_id = $2', [
            meetingId,
            ids.beratung,
          ]),
        (rows) => rows.length === 1,
      ),
    ).resolves.toEqual([{ status: 'going' }]);

    // back in the month view, the meeting carries her status
    await page.getByRole('link', { name: 'Zurück zu den Terminen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Termine' }).waitFor();
    if (day.slice(0, 7) !== berlinDay(0).slice(0, 7)) await page.getByRole('button', { name: 'Nächster Monat' }).click();
    const mine = page.locator(`td[data-day="${day}"]`).getByRole('link', { name: new RegExp(title) });
    await mine.waitFor();
    await expect(mine.locator('.month-meeting__status [aria-hidden="true"]').innerText()).resolves.toBe('Zugesagt');
    await expect(mine.evaluate((el) => el.textContent)).resolves.toContain('Ihr Status: Zugesagt');
    await page.screenshot({ path: '/tmp/treffpunkt-meetings-month.png', fullPage: true });

    // the agenda list shows it too, with the status
    await page.getByRole('button', { name: 'Terminliste', exact: true }).click();
    const item = page.locator('.agenda-item').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain('18:30–20:00 Uhr');
    await expect(item.innerText()).resolves.toContain('Zugesagt');
    expectClean(b);
  });

  function expectClean(s: ForumSession): void {
    expectNoCspViolations(s.problems);
    expect(forumProblems(s)).toEqual([]);
  }
});
