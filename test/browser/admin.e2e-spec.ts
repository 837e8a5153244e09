import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
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
import { makeOrganisation, makeUser, type MadeOrganisation, type MadeUser } from '../support/factories.js';

jest.setTimeout(90_000);

describe('administration in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: MadeUser;
  let partnerOrg: MadeOrganisation;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    const webDistDir = requireBuiltSpa();
    t = await startTestApp({ webDistDir, publicUrl: 'http://treffpunkt.example' });
    const home = await makeOrganisation(t.db, { type: 'other', name: 'Koordinierungsstelle Verwaltungstest' });
    partnerOrg = await makeOrganisation(t.db, { type: 'business', name: 'Pflegedienst Abendrot GmbH' });
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

  it('an admin invites a partner, the partner accepts and is in the directory; disabling them ends their open session', async () => {
    const email = 'jana.abendrot@example.org';
    const adminSession = await open('/login');
    const adminPage = adminSession.page;
    await signInThroughForm(adminPage, admin.email, admin.password);
    await adminPage.getByRole('heading', { level: 1, name: 'Willkommen, Sabine Admin!' }).waitFor();

    // invite through the UI
    await adminPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
    await adminPage.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Einladungen' }).click();
    await adminPage.getByLabel('E-Mail', { exact: true }).fill(email);
    await adminPage.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Partner*in' });
    await adminPage.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Pflegedienst Abendrot GmbH (Magdeburg)' });
    await adminPage.getByRole('button', { name: 'Einladung senden' }).click();
    await adminPage.getByText(`Die Einladung an ${email} wurde erstellt.`).waitFor();
    await adminPage.getByRole('cell', { name: email, exact: true }).waitFor();

    // the link as it was mailed (the outbox, as no mail server is configured)
    const [mail] = await t.db.query<{ text_body: string }>('SELECT text_body FROM mail_outbox WHERE recipient = $1', [email]);
    const mailed = /http:\/\/treffpunkt\.example(\/einladung\/[A-Za-z0-9_-]+)/.exec(mail!.text_body);
    expect(mailed).not.toBeNull();
    await expect(adminPage.getByTestId('invitation-link').inputValue()).resolves.toBe(`http://treffpunkt.example${mailed![1]!}`);

    // the partner accepts in a browser of their own
    const partnerSession = await open(mailed![1]!);
    const partnerPage = partnerSession.page;
    await partnerPage.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    await partnerPage.getByLabel('Anzeigename', { exact: true }).fill('Jana Abendrot');
    await partnerPage.getByLabel('Passwort', { exact: true }).fill('jana-sicheres-passwort');
    await partnerPage.getByLabel('Passwort bestätigen', { exact: true }).fill('jana-sicheres-passwort');
    await partnerPage.getByRole('button', { name: 'Einladung annehmen', exact: true }).click();
    await partnerPage.getByRole('heading', { level: 1, name: 'Willkommen, Jana Abendrot!' }).waitFor();
    const [partner] = await t.db.query<{ id: string; role: string; organisation_id: string }>(
      'SELECT id, role, organisation_id FROM users WHERE email = $1',
      [email],
    );
    expect(partner).toMatchObject({ role: 'partner', organisation_id: partnerOrg.id });

    // the admin finds the new partner in the people directory
    await adminPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verzeichnis' }).click();
    await adminPage.goto('/verzeichnis/personen');
    await adminPage.getByRole('searchbox', { name: 'Suche' }).fill('abendrot');
    await adminPage.getByRole('link', { name: 'Jana Abendrot' }).waitFor();

    // … and disables them on the person page of the administration
    await adminPage.goto('/verwaltung/personen');
    await adminPage.getByRole('searchbox', { name: 'Suche' }).fill('Jana');
    await adminPage.getByRole('button', { name: 'Filter anwenden' }).click();
    await adminPage.getByRole('link', { name: 'Jana Abendrot' }).click();
    await adminPage.waitForURL(`**/verwaltung/personen/${partner!.id}`);
    await adminPage.getByRole('heading', { name: 'Jana Abendrot' }).waitFor();
    await adminPage.getByRole('button', { name: 'Konto deaktivieren' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Konto deaktivieren?' });
    await expect(dialog.textContent()).resolves.toContain('Alle Sitzungen werden sofort beendet');
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Ja, deaktivieren' }).click();
    await adminPage.getByText('Das Konto wurde deaktiviert. Alle Sitzungen wurden beendet.').waitFor();

    // the partner's open page ends up on the login page by itself, without a reload
    await partnerPage.waitForURL('**/login**', { timeout: 5_000 });
    const seconds = (Date.now() - started) / 1000;
    await partnerPage.getByText('Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.').waitFor();
    expect(seconds).toBeLessThan(5);
    const [row] = await t.db.query<{ status: string }>('SELECT status FROM users WHERE id = $1', [partner!.id]);
    expect(row!.status).toBe('disabled');

    // the audit log shows it
    await adminPage.goto(`/verwaltung/protokoll?entityId=${partner!.id}&action=user.`);
    await adminPage.getByRole('cell', { name: 'user.disable', exact: true }).waitFor();

    expectNoCspViolations([...adminSession.problems, ...partnerSession.problems]);
    expect(unexpectedProblems(adminSession.problems)).toEqual([]);
    // the partner's last calls were refused (401) once the account was disabled; nothing else went wrong
    expect(partnerSession.problems.filter((p) => !/Failed to load resource: the server responded with a status of 401/.test(p))).toEqual(
      [],
    );
  });
});
