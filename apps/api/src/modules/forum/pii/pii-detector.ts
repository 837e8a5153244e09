/**
 * Heuristic detector of personal data in case-thread posts.
 *
 * The forum refuses a post with findings until the author edits it or confirms, so the balance is:
 * high recall on the listed kinds, but ordinary counselling prose (years, amounts, "§ 4 BQFG",
 * appointment dates, percentages, postcodes, version numbers, pseudonym codes like F-2026-0042,
 * times, file numbers like "Aktenzeichen 2026/1234") must pass without a warning.
 *
 * Performance: posts are up to 50,000 characters and checked on every write. Every quantifier is bounded
 * (one attempt never looks further than ~100 characters), most patterns start only at a token boundary
 * (look-behind), and adjacent digit groups are split by mandatory separators, so each regex does
 * O(text length × small constant) work — no catastrophic backtracking on runs of digits or letters.
 */
import type { PiiFinding, PiiKind } from '@treffpunkt/contracts';

interface Candidate {
  /** `null` marks a blocker: a span that must not be reported as anything (e.g. an IBAN with a bad checksum). */
  kind: PiiKind | null;
  start: number;
  end: number;
}

/** Likely personal data in `text`, in order of position, non-overlapping. `field` is copied into each finding. */
export function detectPii(text: string, field: 'title' | 'body', now: Date = new Date()): PiiFinding[] {
  if (text.length === 0) return [];
  const candidates = [
    ...findIbans(text),
    ...findEmails(text),
    ...findIdNumbers(text),
    ...findBirthDates(text, now.getFullYear()),
    ...findStreetAddresses(text),
    ...findPhones(text),
  ];
  return resolveOverlaps(candidates, text.length).map(({ kind, start, end }) => ({
    kind,
    start,
    end,
    text: text.slice(start, end),
    field,
  }));
}

// ---------------------------------------------------------------------------------------------
// Overlaps
// ---------------------------------------------------------------------------------------------

/**
 * Which reading of a span wins when candidates overlap. Checksummed and structurally unambiguous
 * kinds come first: digits inside an IBAN, an e-mail address or an ID number must not be reported
 * again as a phone number, and a street address is more specific than a digit run that looks phone-like.
 */
const PRIORITY: Record<PiiKind | 'blocker', number> = {
  iban: 0,
  blocker: 0,
  email: 1,
  id_number: 2,
  birth_date: 3,
  street_address: 4,
  phone: 5,
};

function resolveOverlaps(candidates: Candidate[], textLength: number): (Candidate & { kind: PiiKind })[] {
  const ordered = [...candidates].sort(
    (a, b) => PRIORITY[a.kind ?? 'blocker'] - PRIORITY[b.kind ?? 'blocker'] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Candidates are short, so marking covered characters keeps this linear in the text length.
  const taken = new Uint8Array(textLength);
  const accepted: Candidate[] = [];
  for (const candidate of ordered) {
    if (taken.subarray(candidate.start, candidate.end).includes(1)) continue;
    taken.fill(1, candidate.start, candidate.end);
    accepted.push(candidate);
  }
  return accepted.filter((c): c is Candidate & { kind: PiiKind } => c.kind !== null).sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Candidate for the last capture group of `m` (the value after a cue word). */
function lastGroupCandidate(kind: PiiKind, m: RegExpExecArray): Candidate {
  const value = m[m.length - 1] ?? '';
  const end = m.index + m[0].length;
  return { kind, start: end - value.length, end };
}

/** Up to `size` characters before `index`, for "is there a cue word right before this?" checks. */
function before(text: string, index: number, size = 40): string {
  return text.slice(Math.max(0, index - size), index);
}

/** Space-separated word lists keep long vocabularies compact. */
function words(...lines: string[]): string[] {
  return lines.join(' ').split(' ');
}

const ALNUM = /[\p{L}\p{N}]/u;

function isAlnumAt(text: string, index: number): boolean {
  const char = text[index];
  return char !== undefined && ALNUM.test(char);
}

/** Value of a character in ISO 13616 / ICAO 9303 checks: 0-9 as is, A=10 … Z=35. */
function charValue(char: string): number {
  const code = char.toUpperCase().charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

// ---------------------------------------------------------------------------------------------
// IBAN
// ---------------------------------------------------------------------------------------------

/** IBAN length per country (SWIFT IBAN registry): a length check rejects most random letter+digit runs. */
const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  [
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29',
    'ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20',
    'LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25',
    'QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20',
  ]
    .join(' ')
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;
/** Anything shaped like an IBAN (compact, or in groups of four) — used to block misreadings as phone numbers. */
const IBAN_LIKE = /[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,4})?)(?![\p{L}\p{N}])/uy;

/**
 * IBANs with or without single spaces between characters (usually groups of four).
 * Decision: only checksum-valid IBANs are reported. A string of the right country+length shape that
 * fails mod-97 (or any IBAN-like run with an unknown country) is most likely a made-up example or a typo;
 * it becomes a blocker so its digits are not misreported as a phone number either.
 */
function findIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matchesOf(IBAN_START, text)) {
    const length = IBAN_LENGTHS.get(m[0].slice(0, 2).toUpperCase());
    const end = length === undefined ? null : ibanEnd(text, m.index, length);
    if (end !== null && ibanChecksumValid(text.slice(m.index, end).replace(/ /g, ''))) {
      found.push({ kind: 'iban', start: m.index, end });
      continue;
    }
    IBAN_LIKE.lastIndex = m.index;
    const shape = IBAN_LIKE.exec(text);
    if (shape) found.push({ kind: null, start: m.index, end: m.index + shape[0].length });
  }
  return found;
}

/** End of an IBAN of `length` characters starting at `start`, allowing one space between characters. */
function ibanEnd(text: string, start: number, length: number): number | null {
  let index = start + 4;
  for (let count = 4; count < length; count++) {
    if (text[index] === ' ') index++;
    if (!/^[A-Za-z0-9]$/.test(text[index] ?? '')) return null;
    index++;
  }
  // The token must end here; a longer run is some other code.
  return isAlnumAt(text, index) ? null : index;
}

/** ISO 13616: move the first four characters to the end, letters to 10–35, the number mod 97 must be 1. */
function ibanChecksumValid(iban: string): boolean {
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const value = charValue(char);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

// "(at)", "[at]", "(ät)" and "(dot)"/"[punkt]" are only accepted in brackets: a bare " at " is English prose.
const EMAIL_AT = String.raw`(?:@|\s?[\[(]\s?(?:at|ät|AT)\s?[\])]\s?)`;
const EMAIL_DOT = String.raw`(?:\.|\s?[\[(]\s?(?:dot|punkt|DOT)\s?[\])]\s?)`;
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]{1,64}${EMAIL_AT}(?:[\p{L}\p{N}\-]{1,63}${EMAIL_DOT}){1,8}\p{L}{2,24}(?![\p{L}\p{N}\-])`,
  'gu',
);

/** Addresses need a local part, so "@handle" mentions in posts are not e-mails. */
function findEmails(text: string): Candidate[] {
  return [...matchesOf(EMAIL, text)].map((m) => ({ kind: 'email', start: m.index, end: m.index + m[0].length }));
}

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

/** Between digit groups: one space, or "/", "-", "–" with optional single spaces. Dots are left out: "01.03.2026" is a date. */
const PHONE_SEP = String.raw`(?: ?[\/\-–] ?| )`;
const PHONE_GROUPS = String.raw`(?:${PHONE_SEP}\d{1,10}){0,7}`;
const PHONE_END = String.raw`(?![\p{L}\p{N}]|[.,]\p{N})`;
const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}+\-\/])(?<!\p{N}[.,])` +
    // +49 … / 0049 … with an optional trunk "(0)"; (0340) …; 0391 … (area code with at least three digits)
    String.raw`(?:(?:\+|00)[1-9]\d{0,14}(?: ?\(0\) ?\d{1,10})?|\(0\d{2,5}\) ?\d{1,10}|0[1-9]\d{1,14})` +
    PHONE_GROUPS +
    PHONE_END,
  'gu',
);
/** A number without leading 0 is only a phone number right after a phone cue ("Tel.: 123 456"). */
const CUED_PHONE = new RegExp(
  String.raw`(?<!\p{L})(?:tel(?:efon)?(?:nummer)?|fon|mobil(?:nummer)?|handy(?:nummer)?|fax|rufnummer|phone|mobile|cell|whatsapp)\.?(?:[- ]?nr\.?)?\s?:?\s?` +
    String.raw`([1-9]\d{1,10}${PHONE_GROUPS})${PHONE_END}`,
  'giu',
);
const PHONE_CUE_BEFORE =
  /(?<!\p{L})(?:tel(?:efon)?(?:nummer)?|fon|mobil(?:nummer)?|handy(?:nummer)?|fax|rufnummer|phone|mobile|cell|whatsapp)\.?(?:[- ]?nr\.?)?[\s:]{0,3}$/iu;
/** File and reference numbers are not phone numbers, even when they start with 0 ("Az. 0815/2026-12"). */
const REFERENCE_CUE_BEFORE =
  /(?:aktenzeichen|\baz\.?|\bgz\.?|geschäftszeichen|vorgangs(?:nummer|-?nr\.?)|fallnummer|rechnungs(?:nummer|-?nr\.?)|auftrags(?:nummer|-?nr\.?)|kunden(?:nummer|-?nr\.?)|isbn)[\s:.#]{0,4}$/iu;

function findPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  const re = new RegExp(PHONE.source, PHONE.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const candidate = REFERENCE_CUE_BEFORE.test(before(text, m.index)) ? null : trimPhone(text, m.index, m[0]);
    if (candidate) {
      found.push(candidate);
      re.lastIndex = candidate.end;
    } else {
      // A rejected run may still contain a phone number further on (e.g. after a file number).
      re.lastIndex = m.index + 1;
    }
  }
  for (const m of matchesOf(CUED_PHONE, text)) {
    const candidate = trimPhone(text, m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', true);
    if (candidate) found.push(candidate);
  }
  return found;
}

/**
 * Checks the digit count of a phone-shaped run. Too long runs (two numbers in a row, a number followed
 * by a count) are cut back group by group; too short ones are postcodes, years or short codes.
 * National numbers need ≥ 9 digits including the 0 (030 123456) unless a phone cue precedes them;
 * international ones 8–15 digits after the country prefix (E.164).
 */
function trimPhone(text: string, start: number, value: string, cued = PHONE_CUE_BEFORE.test(before(text, start))): Candidate | null {
  const international = value.startsWith('+') || value.startsWith('00');
  const trunk = value.includes('(0)') ? 1 : 0;
  const prefixDigits = value.startsWith('00') ? 2 : 0;
  const [min, max] = international ? [8, 15] : [cued ? 6 : 9, 14];
  const groups = [...value.matchAll(/\d+/g)];
  for (let count = groups.length; count > 0; count--) {
    const kept = groups.slice(0, count);
    const digits = kept.reduce((sum, g) => sum + g[0].length, 0) - trunk - prefixDigits;
    if (digits > max) continue;
    if (digits < min) return null;
    const last = kept[kept.length - 1];
    if (last === undefined) return null;
    return { kind: 'phone', start, end: start + last.index + last[0].length };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Birth dates
// ---------------------------------------------------------------------------------------------

const MONTHS: ReadonlyMap<string, number> = new Map(
  words(
    'januar:1 jänner:1 january:1 jan:1 februar:2 february:2 feb:2 märz:3 maerz:3 march:3 mär:3 mrz:3',
    'mar:3 april:4 apr:4 mai:5 may:5 juni:6 june:6 jun:6 juli:7 july:7 jul:7 august:8 aug:8 september:9',
    'sept:9 sep:9 oktober:10 october:10 okt:10 oct:10 november:11 nov:11 dezember:12 december:12 dez:12',
    'dec:12',
  ).map((entry) => [entry.split(':')[0] ?? '', Number(entry.split(':')[1])]),
);
/** Longest names first so "März" is not cut to "Mär". */
const MONTH_NAMES = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

interface DateMatch {
  start: number;
  end: number;
  day: number;
  month: number;
  year: number;
  /** "12.3.87": the century is a guess. */
  shortYear: boolean;
  /** "03/12/1987" may be month-first (English). */
  ambiguousOrder: boolean;
}

const DATE_BEFORE = String.raw`(?<![\p{L}\p{N}.,\/\-])`;
const DATE_AFTER = String.raw`(?!\p{N}|[.,\/\-]\p{N})`;
/** 12.03.1987, 12.3.87, 12. 03. 1987 */
const DATE_DOTTED = new RegExp(String.raw`${DATE_BEFORE}(\d{1,2})\. ?(\d{1,2})\. ?(\d{4}|\d{2})${DATE_AFTER}`, 'gu');
/** 12/03/1987 (or 03/12/1987), 12-03-1987 */
const DATE_SLASHED = new RegExp(String.raw`${DATE_BEFORE}(\d{1,2})([\/\-])(\d{1,2})\2(\d{4}|\d{2})${DATE_AFTER}`, 'gu');
/** 1987-03-12 */
const DATE_ISO = new RegExp(String.raw`${DATE_BEFORE}(\d{4})-(\d{1,2})-(\d{1,2})${DATE_AFTER}`, 'gu');
/** 12. März 1987, 12 March 1987, 3rd of March 1987 */
const DATE_DAY_MONTH_NAME = new RegExp(
  String.raw`${DATE_BEFORE}(\d{1,2})(?:\.|st|nd|rd|th)? ?(?:of )?(${MONTH_NAMES})\.?,? ?(\d{4})(?!\p{N})`,
  'giu',
);
/** March 12, 1987 */
const DATE_MONTH_NAME_DAY = new RegExp(String.raw`(?<!\p{L})(${MONTH_NAMES})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?!\p{N})`, 'giu');

function findDates(text: string, currentYear: number): DateMatch[] {
  const dates: DateMatch[] = [];
  const add = (m: RegExpExecArray, day?: string, month?: string | number, year?: string, ambiguousOrder = false): void => {
    const yearText = year ?? '';
    dates.push({
      start: m.index,
      end: m.index + m[0].length,
      day: Number(day),
      month: typeof month === 'number' ? month : Number(month),
      year: yearText.length === 2 ? expandShortYear(Number(yearText), currentYear) : Number(yearText),
      shortYear: yearText.length === 2,
      ambiguousOrder,
    });
  };
  for (const m of matchesOf(DATE_DOTTED, text)) add(m, m[1], m[2], m[3]);
  for (const m of matchesOf(DATE_SLASHED, text)) add(m, m[1], m[3], m[4], m[2] === '/');
  for (const m of matchesOf(DATE_ISO, text)) add(m, m[3], m[2], m[1]);
  for (const m of matchesOf(DATE_DAY_MONTH_NAME, text)) add(m, m[1], MONTHS.get((m[2] ?? '').toLowerCase()), m[3]);
  for (const m of matchesOf(DATE_MONTH_NAME_DAY, text)) add(m, m[2], MONTHS.get((m[1] ?? '').toLowerCase()), m[3]);
  return dates;
}

/** "87" → 1987, "05" → 2005 (in 2026): a two-digit year never lies in the future. */
function expandShortYear(year: number, currentYear: number): number {
  return year > currentYear % 100 ? 1900 + year : 2000 + year;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidDate(date: DateMatch): boolean {
  return isCalendarDate(date.year, date.month, date.day) || (date.ambiguousOrder && isCalendarDate(date.year, date.day, date.month));
}

/** A birth cue shortly before the date, with no other number in between ("geboren in Aleppo am 12.03.1987"). */
const BIRTH_CUE_BEFORE =
  /(?:\bgeb\.|\bgeboren|\bgebürtig|geburtsdatum|geburtstag|\bgeb\.?-?dat(?:um|\.)?|\bdob\b|d\.o\.b\.|date of birth|birth ?date|birthday|\bborn\b)[^\p{N}]{0,30}$/iu;
const BIRTH_CUE_AFTER = /^[\s,;(]{0,3}(?:geb\.|geboren|geburtsdatum|dob\b|date of birth)/iu;
/** "* 12.03.1987" is the genealogical birth mark; "**12.03.2026**" (Markdown bold) is not. */
const STAR_BEFORE = /(?<!\*)\* ?$/u;

function hasBirthCue(text: string, date: DateMatch): boolean {
  const preceding = before(text, date.start);
  if (BIRTH_CUE_BEFORE.test(preceding)) return true;
  if (STAR_BEFORE.test(preceding) && text[date.end] !== '*') return true;
  return BIRTH_CUE_AFTER.test(text.slice(date.end, date.end + 30));
}

/**
 * Legal citations carry old dates: "BQFG vom 6. Dezember 2011", "Richtlinie 2005/36/EG vom 7. September 2005",
 * "in Kraft seit dem 1. April 2012", "gilt seit dem 1. April 2012". Only the law word followed by vom/seit/… right before the date counts,
 * so "§ 4 BQFG. Frau K., 12.03.1987" is still reported.
 */
const LAW_CITATION_BEFORE =
  /(?:[Gg]esetz(?:es)?|[Vv]erordnung|[Rr]ichtlinie|[Aa]bkommen|[Uu]rteil|[Bb]eschluss|BGBl\.?|in Kraft|gilt|galt|gültig|\b\p{Lu}[\p{L}]{0,10}(?:G|V|VO|EG|EU|SGB))[^\p{N}]{0,25}?\b(?:vom|v\.|seit(?: dem)?|ab(?: dem)?|zum|am)\s?$/u;

/**
 * Dates of events and periods: "Diplom vom 30.06.2008", "seit 01.09.2011", "01.09.2005 bis 31.08.2010".
 * Nobody introduces a date of birth with vom/seit/bis/ab, and a date range is a period (studies, employment) —
 * both frequent in recognition cases. Plain "am 12.03.1987" stays reported.
 */
const EVENT_BEFORE = /(?:(?<!\p{L})(?:vom|seit|bis|ab|von|zwischen|from|since|until|till)\s(?:dem\s)?|\d\s?[-–]\s?)$/iu;
const RANGE_AFTER = /^\s?(?:bis|[-–]|to|until)\s?\d/iu;

function isEventDate(text: string, date: DateMatch): boolean {
  return EVENT_BEFORE.test(before(text, date.start, 20)) || RANGE_AFTER.test(text.slice(date.end, date.end + 10));
}

/**
 * Birth dates: any valid date right after a birth cue (also two-digit years), or — without a cue — a full date
 * with a four-digit year between (current year − 106) and (current year − 14), i.e. 1920–2012 in 2026:
 * in case threads such dates are almost always dates of birth, while appointments and deadlines are recent.
 * Two-digit years without a cue are ignored: "1.2.10" is far more often a version or section number.
 * A year alone ("geboren 1987", "Jg. 1975") is not reported: it does not identify anyone by itself.
 */
function findBirthDates(text: string, currentYear: number): Candidate[] {
  return findDates(text, currentYear)
    .filter((date) => isValidDate(date) && date.year <= currentYear)
    .filter((date) => {
      if (hasBirthCue(text, date)) return true;
      if (date.shortYear || date.year < currentYear - 106 || date.year > currentYear - 14) return false;
      return !LAW_CITATION_BEFORE.test(before(text, date.start, 60)) && !isEventDate(text, date);
    })
    .map((date) => ({ kind: 'birth_date', start: date.start, end: date.end }));
}

// ---------------------------------------------------------------------------------------------
// ID numbers
// ---------------------------------------------------------------------------------------------

/**
 * Document cues (German ID card, passport, residence permit / eAT, visa, driving licence). "Aktenzeichen"
 * is deliberately absent: file numbers of the authorities are not identity documents.
 */
const DOCUMENT_CUE = String.raw`(?:reisepass|pass|personalausweis|ausweis|passport|dokument(?:en)?|document|e-?at(?:-?karten?)?|aufenthaltstitel|aufenthaltserlaubnis|niederlassungserlaubnis|aufenthaltsgestattung|ankunftsnachweis|duldung|visum|visa|residence permit|führerschein|driving licen[cs]e|id[- ]?card|identity card)`;
/** After the cue: "-Nr.:", "nummer ", " No. " or at least a space/colon, so "Dokumentation2024" is no cue. */
const CUE_GAP = String.raw`(?:[- ]?(?:[Nn]r|[Nn]o|[Nn]ummer|[Nn]umber|[Nn]um)\.?\s?[:#]?\s?|\s?[:#]\s?|\s)`;
const CUED_TOKEN = String.raw`([A-Za-z0-9]{6,20})(?![\p{L}\p{N}]|[.,\/\-]\p{N})`;
const CUED_DOCUMENT = new RegExp(String.raw`(?<!\p{L})${DOCUMENT_CUE}${CUE_GAP}${CUED_TOKEN}`, 'giu');
/** "ID" only in capitals and not as the tail of "Steuer-ID"/"Kunden-ID". */
const CUED_ID = new RegExp(String.raw`(?<![\p{L}\-])ID${CUE_GAP}${CUED_TOKEN}`, 'gu');
/** Steuer-ID: 11 digits, often written 12 345 678 901. */
const TAX_ID = new RegExp(
  String.raw`(?<!\p{L})(?:steuer-?id(?:entifikationsnummer|-?nr\.?)?|steuer-identifikationsnummer|steuer-?idnr\.?|idnr\.?|tin|tax[- ]id(?:entification number)?)${CUE_GAP}(\d{2} ?\d{3} ?\d{3} ?\d{3})(?!\p{N})`,
  'giu',
);
/** Sozialversicherungsnummer: area (2), date of birth ddmmyy (6), initial letter, serial (2) + check digit. */
const SOCIAL_SECURITY = /(?<![\p{L}\p{N}])\d{2} ?(\d{2})(\d{2})\d{2} ?[A-Za-z] ?\d{3}(?![\p{L}\p{N}])/gu;
const SOCIAL_SECURITY_CUE_BEFORE =
  /(?:sozialversicherungs|rentenversicherungs|versicherungs|sv-?)(?:nummer|-?nr\.?)[\s:#]{0,3}$|svnr\.?[\s:#]{0,3}$|social security (?:no\.?|number)[\s:#]{0,3}$/iu;
/**
 * German ID card / passport / eAT serial numbers use this alphabet (no vowels, no B, D, Q, S), 9 characters
 * plus an optional check digit. Without a cue only uppercase tokens mixing letters and digits are taken:
 * ordinary words contain vowels, and codes like "BQFG", "COVID19", "ISO9001", "B2" have the wrong letters or length.
 */
const DOCUMENT_SERIAL = /(?<![\p{L}\p{N}\-_/.])[CFGHJKLMNPRTVWXYZ0-9]{9,10}(?![\p{L}\p{N}\-_/]|\.\p{N})/gu;

function findIdNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const re of [CUED_DOCUMENT, CUED_ID]) {
    for (const m of matchesOf(re, text)) {
      if (/\d/.test(m[1] ?? '')) found.push(lastGroupCandidate('id_number', m));
    }
  }
  for (const m of matchesOf(TAX_ID, text)) found.push(lastGroupCandidate('id_number', m));
  for (const m of matchesOf(SOCIAL_SECURITY, text)) {
    const plausibleBirthDate = Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
    if (plausibleBirthDate || SOCIAL_SECURITY_CUE_BEFORE.test(before(text, m.index))) {
      found.push({ kind: 'id_number', start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of matchesOf(DOCUMENT_SERIAL, text)) {
    if (isUncuedDocumentSerial(m[0])) found.push({ kind: 'id_number', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

function isUncuedDocumentSerial(token: string): boolean {
  if (!/\d/.test(token) || !/[A-Z]/.test(token)) return false;
  // The 10-character form must carry a valid check digit; otherwise it is more likely some product code.
  return token.length === 9 || icaoCheckDigit(token.slice(0, 9)) === Number(token[9]);
}

/** ICAO 9303 check digit (weights 7, 3, 1), as printed after the serial number in the machine-readable zone. */
function icaoCheckDigit(value: string): number {
  const weights = [7, 3, 1];
  return [...value].reduce((sum, char, i) => sum + charValue(char) * (weights[i % 3] ?? 0), 0) % 10;
}

// ---------------------------------------------------------------------------------------------
// Street addresses
// ---------------------------------------------------------------------------------------------

const SUFFIXES = words('straße strasse str\\.? weg allee platz gasse ring damm ufer chaussee markt promenade steig pfad');
const SUFFIX_LOWER = `(?:${SUFFIXES.join('|')})`;
const SUFFIX_CAPITAL = `(?:${SUFFIXES.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('|')})`;
/** House number: 12, 12a, 5-7, 5 – 7, 3/4; at most three digits so "Im Jahr 2019" is no address. */
const HOUSE_NUMBER = String.raw`[1-9]\d{0,2}[a-zA-Z]?(?: ?[\-–\/] ?[1-9]\d{0,2}[a-zA-Z]?)?`;
/** The number must end there and not be a quantity ("Musterweg 3 Jahre", "… 12 %"). */
const HOUSE_NUMBER_END = String.raw`(?![\p{L}\p{N}]|[.,]\p{N}| ?[%€]|\s(?:EUR|Euro|Uhr|Prozent|Jahren?|Monaten?|Wochen?|Tagen?|Stunden?|Minuten?|Punkte?|Seiten?|Mal)(?!\p{L}))`;
/** ", 39104 Magdeburg", " 60311 Frankfurt am Main", ", 06108 Halle (Saale)" */
const CITY = String.raw`\p{Lu}[\p{L}\-]{1,40}(?: (?:am|an der|an|im|ob|in|bei) \p{Lu}[\p{L}\-]{1,30}| \(\p{L}{2,20}\))?`;
const POSTCODE_CITY = String.raw`(?:(?:,\s?|\s)(?:D-)?\d{5} ${CITY})?`;
const ADDRESS_TAIL = String.raw` ?(${HOUSE_NUMBER})${HOUSE_NUMBER_END}${POSTCODE_CITY}`;

/** Musterstraße 12, Hauptstr. 5-7, Karl-Marx-Allee 90, Lindenplatz 4b */
const COMPOUND_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}\-])(\p{Lu}(?:\p{L}{0,40}-){0,4}\p{L}{0,40}?(?:${SUFFIX_LOWER}|${SUFFIX_CAPITAL}))${ADDRESS_TAIL}`,
  'gu',
);
/** Breiter Weg 10, Berliner Straße 5, Alter Markt 1 */
const ADJECTIVE_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}\-])(\p{Lu}\p{L}{0,30}(?:er|e|es|en)) ${SUFFIX_CAPITAL}${ADDRESS_TAIL}`,
  'gu',
);
/** Am Markt 3, Unter den Linden 1, An der Kirche 5, Am Alten Markt 2 */
const PREPOSITION_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}\-])((?:Am|Im|Beim|Zum|Zur|(?:An|Auf|In|Unter|Hinter|Vor|Bei|Über|Neben|Zwischen) (?:der|dem|den|die|das))|(?:am|im|beim|zum|zur|(?:an|auf|in|unter|hinter|vor|bei|über|neben|zwischen) (?:der|dem|den|die|das))) (\p{Lu}[\p{L}\-]{1,40}(?: \p{Lu}[\p{L}\-]{1,40})?) ?(${HOUSE_NUMBER})${HOUSE_NUMBER_END}(?! \p{Lu})${POSTCODE_CITY}`,
  'gu',
);
/** One compound word ending in a street suffix ("musterstraße", not "markt"). */
const COMPOUND_STREET_NAME = new RegExp(`^\\p{L}+${SUFFIX_LOWER}$`, 'u');
/** Lower-case "am Markt 3" is ordinary prose ("im Raum 12") unless the sentence is about where someone lives. */
const ADDRESS_CUE_BEFORE =
  /(?:wohn|lebt|leben|adresse|anschrift|gemeldet|umgezogen|zieht|meldeadresse|address|lives|living)[^\p{N}]{0,40}$/iu;

/** Compound words with a street suffix that are ordinary nouns ("Arbeitsplatz 2", "Lernpfad 3"). */
const NON_STREET_COMPOUNDS: readonly string[] = words(
  'arbeitsplatz ausbildungsplatz studienplatz praktikumsplatz kursplatz kitaplatz kita-platz schulplatz',
  'parkplatz stellplatz sitzplatz listenplatz tabellenplatz arbeitsmarkt stellenmarkt ausbildungsmarkt',
  'wohnungsmarkt binnenmarkt supermarkt rechtsweg bildungsweg dienstweg lernweg berufsweg lebensweg',
  'ausweg umweg lernpfad karrierepfad bildungspfad',
);
/** Words before Straße/Weg/… that are articles or pronouns, not street-name adjectives ("Der Weg 2"). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  words(
    'der die das des dem den eine einer eines einen jede jeder jedes jeden diese dieser dieses diesen',
    'unser unsere unserer unseren ihre ihrer ihren seine seiner keine keiner andere anderer welche',
    'welcher aber oder über unter hinter wieder immer erste erster ersten zweite zweiter dritte dritter',
    'nächste nächster nächsten letzte letzter letzten gleiche gleichen beste bester halbe ganze',
  ),
);
/** Nouns that follow "im/am/zum …" with a number in ordinary prose ("Im Raum 12", "Am Termin 2"). */
const NON_STREET_NOUNS: ReadonlySet<string> = new Set(
  words(
    'raum räume kapitel seite stufe niveau niveaustufe sprachniveau termin jahr lebensjahr schuljahr',
    'halbjahr tag woche monat quartal semester kurs modul teil abschnitt absatz punkt schritt level',
    'klasse gruppe nummer zimmer etage stock stockwerk gebäude haus saal büro flur fall runde phase',
    'version beispiel folie zeile spalte tabelle abbildung anhang anlage artikel satz paragraph paragraf',
    'durchschnitt alter ende anfang vergleich rahmen gespräch beratungsgespräch team bereich zeitpunkt',
    'zeitraum frage antwort thema sitzung block lektion einheit test prüfung aufgabe übung stadium grad',
    'rang position liste verfahren antrag bescheid vorgang ebene kategorie typ variante option fassung',
    'entwurf band heft ausgabe auflage minute stunde morgen abend mittag vormittag nachmittag wochenende',
    'montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli',
    'august september oktober november dezember platz rang top',
  ),
);

/**
 * German street addresses with a house number, plus ", 39104 Magdeburg" when it follows. A suffix word is
 * required (or a street-name preposition like "Am"/"Unter den"), so "§ 12", "Kapitel 3", "Raum 12", "Seite 4",
 * "Niveau B2", "Stufe 3" and "Termin 2" never qualify. Not covered: names without suffix or preposition
 * ("Zeil 5", "Straße des 17. Juni 5") — too close to ordinary "Noun + number" prose.
 */
function findStreetAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (m: RegExpExecArray): void => {
    found.push({ kind: 'street_address', start: m.index, end: m.index + m[0].length });
  };
  for (const m of matchesOf(COMPOUND_STREET, text)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!NON_STREET_COMPOUNDS.some((word) => name.endsWith(word))) add(m);
  }
  for (const m of matchesOf(ADJECTIVE_STREET, text)) {
    if (!FUNCTION_WORDS.has((m[1] ?? '').toLowerCase())) add(m);
  }
  for (const m of matchesOf(PREPOSITION_STREET, text)) {
    const name = (m[2] ?? '').toLowerCase();
    // "in der Musterstraße 12": the suffix patterns already cover the street, the preposition is prose.
    if (name.split(' ').some((word) => NON_STREET_NOUNS.has(word)) || COMPOUND_STREET_NAME.test(name)) continue;
    if (/^[A-ZÄÖÜ]/.test(m[1] ?? '')) {
      add(m);
    } else if (ADDRESS_CUE_BEFORE.test(before(text, m.index))) {
      // Lower-case "am"/"in der" belongs to the sentence, not to the street name.
      const nameStart = m.index + (m[1] ?? '').length + 1;
      found.push({ kind: 'street_address', start: nameStart, end: m.index + m[0].length });
    }
  }
  return found;
}
