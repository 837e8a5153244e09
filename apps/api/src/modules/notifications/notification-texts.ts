import type { Locale, NotificationType } from '@treffpunkt/contracts';
import { escapeHtml } from '../../common/text/escape-html.js';

interface Parts {
  actor: string | null;
  subject: string;
  spaceName: string | null;
}

type Sentence = (p: Parts) => string;

const someone: Record<Locale, string> = { de: 'Jemand', en: 'Someone' };

/** One short sentence per type and language — the same wording in mails as in the SPA. */
const SENTENCES: Record<Locale, Record<NotificationType, Sentence>> = {
  de: {
    mention: (p) => `${p.actor ?? someone.de} hat Sie in „${p.subject}“ erwähnt`,
    reply: (p) => `${p.actor ?? someone.de} hat in „${p.subject}“ geantwortet`,
    new_thread: (p) => `Neues Thema in ${p.spaceName ?? 'einem Bereich'}: „${p.subject}“`,
    added_to_space: (p) => `Sie wurden zum Bereich „${p.subject}“ hinzugefügt`,
    invitation_accepted: (p) => `${p.subject} hat Ihre Einladung angenommen`,
    meeting_announced: (p) => `Neuer Termin: „${p.subject}“`,
    meeting_changed: (p) => `Termin geändert: „${p.subject}“`,
    meeting_cancelled: (p) => `Termin abgesagt: „${p.subject}“`,
    meeting_promoted: (p) => `Sie haben einen Platz bei „${p.subject}“ erhalten`,
    meeting_reminder: (p) => `Erinnerung: „${p.subject}“ beginnt bald`,
    document_added: (p) => `Neues Dokument in ${p.spaceName ?? 'einem Bereich'}: „${p.subject}“`,
  },
  en: {
    mention: (p) => `${p.actor ?? someone.en} mentioned you in “${p.subject}”`,
    reply: (p) => `${p.actor ?? someone.en} replied in “${p.subject}”`,
    new_thread: (p) => `New thread in ${p.spaceName ?? 'a space'}: “${p.subject}”`,
    added_to_space: (p) => `You were added to the space “${p.subject}”`,
    invitation_accepted: (p) => `${p.subject} accepted your invitation`,
    meeting_announced: (p) => `New meeting: “${p.subject}”`,
    meeting_changed: (p) => `Meeting changed: “${p.subject}”`,
    meeting_cancelled: (p) => `Meeting cancelled: “${p.subject}”`,
    meeting_promoted: (p) => `You got a place at “${p.subject}”`,
    meeting_reminder: (p) => `Reminder: “${p.subject}” starts soon`,
    document_added: (p) => `New document in ${p.spaceName ?? 'a space'}: “${p.subject}”`,
  },
};

export const notificationSentence = (locale: Locale, type: NotificationType, parts: Parts): string => SENTENCES[locale][type](parts);

export interface MailItem {
  sentence: string;
  url: string;
  group: string;
}

const COPY = {
  de: {
    greeting: (name: string) => `Guten Tag ${name},`,
    single: 'es gibt Neuigkeiten im Treffpunkt:',
    digest: 'das ist neu im Treffpunkt seit Ihrer letzten Zusammenfassung:',
    digestSubject: (n: number) => `Treffpunkt: ${n} Neuigkeit${n === 1 ? '' : 'en'}`,
    open: 'Öffnen',
    settings: 'Welche E-Mails Sie bekommen, stellen Sie hier ein:',
    other: 'Allgemein',
  },
  en: {
    greeting: (name: string) => `Hello ${name},`,
    single: 'there is something new in Treffpunkt:',
    digest: 'this is new in Treffpunkt since your last summary:',
    digestSubject: (n: number) => `Treffpunkt: ${n} update${n === 1 ? '' : 's'}`,
    open: 'Open',
    settings: 'Choose which e-mails you get here:',
    other: 'General',
  },
} as const;

/** Plain text + HTML of a notification mail or digest. Contains sentences and links only, never content. */
export function composeMail(
  locale: Locale,
  name: string,
  items: MailItem[],
  preferencesUrl: string,
  digest: boolean,
): { subject: string; text: string; html: string } {
  const copy = COPY[locale];
  const groups = new Map<string, MailItem[]>();
  for (const item of items) groups.set(item.group || copy.other, [...(groups.get(item.group || copy.other) ?? []), item]);
  const subject = digest ? copy.digestSubject(items.length) : `Treffpunkt: ${items[0]?.sentence ?? ''}`.slice(0, 250);
  const textLines = [copy.greeting(name), '', digest ? copy.digest : copy.single, ''];
  const htmlParts = [`<p>${escapeHtml(copy.greeting(name))}</p>`, `<p>${escapeHtml(digest ? copy.digest : copy.single)}</p>`];
  for (const [group, list] of groups) {
    if (digest) {
      textLines.push(`## ${group}`);
      htmlParts.push(`<h3>${escapeHtml(group)}</h3>`);
    }
    htmlParts.push('<ul>');
    for (const item of list) {
      textLines.push(`- ${item.sentence}`, `  ${item.url}`);
      htmlParts.push(`<li>${escapeHtml(item.sentence)} — <a href="${escapeHtml(item.url)}">${copy.open}</a></li>`);
    }
    htmlParts.push('</ul>');
    textLines.push('');
  }
  textLines.push(copy.settings, preferencesUrl);
  htmlParts.push(`<p>${escapeHtml(copy.settings)} <a href="${escapeHtml(preferencesUrl)}">${escapeHtml(preferencesUrl)}</a></p>`);
  return { subject, text: textLines.join('\n'), html: `<!doctype html><html><body>${htmlParts.join('\n')}</body></html>` };
}
