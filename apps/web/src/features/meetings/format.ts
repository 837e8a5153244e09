import type { Locale, MeetingSummaryDto, MyRsvpDto } from '@treffpunkt/contracts';
import type { Messages } from '../../i18n';
import { BERLIN, berlinDayKey, parseDayKey } from '../../components/berlinTime';

const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale[locale], options);
    cache.set(key, formatter);
  }
  return formatter;
}

/** "10:00" in Berlin. */
export function formatTime(iso: string, locale: Locale): string {
  return format(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: BERLIN }).format(new Date(iso));
}

/** "Sonntag, 29. März 2026" in Berlin. */
export function formatLongDate(iso: string, locale: Locale): string {
  return format(locale, { dateStyle: 'full', timeZone: BERLIN }).format(new Date(iso));
}

/** A day key as "Sonntag, 29. März 2026" (a calendar date: no time zone involved). */
export function formatDayKey(key: string, locale: Locale, style: 'full' | 'medium' = 'full'): string {
  const day = parseDayKey(key);
  if (!day) return key;
  return format(locale, { dateStyle: style, timeZone: 'UTC' }).format(new Date(Date.UTC(day.year, day.month - 1, day.day)));
}

/** "März 2026" for a month key "2026-03". */
export function formatMonth(monthKey: string, locale: Locale): string {
  const [year = 1970, month = 1] = monthKey.split('-').map(Number);
  return format(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** Weekday names Monday → Sunday, long and short. */
export function weekdayNames(locale: Locale): Array<{ long: string; short: string }> {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i));
    return {
      long: format(locale, { weekday: 'long', timeZone: 'UTC' }).format(date),
      short: format(locale, { weekday: 'short', timeZone: 'UTC' }).format(date),
    };
  });
}

const clock = (locale: Locale, time: string): string => (locale === 'de' ? `${time} Uhr` : time);

/**
 * When a meeting takes place, in Berlin time with the weekday:
 * "Montag, 30. März 2026, 10:00–12:00 Uhr", or both ends in full when it spans days.
 */
export function formatWhen(startsAt: string, endsAt: string, locale: Locale): string {
  const sameDay = berlinDayKey(startsAt) === berlinDayKey(endsAt);
  if (sameDay) {
    return `${formatLongDate(startsAt, locale)}, ${clock(locale, `${formatTime(startsAt, locale)}–${formatTime(endsAt, locale)}`)}`;
  }
  return `${formatLongDate(startsAt, locale)}, ${clock(locale, formatTime(startsAt, locale))} – ${formatLongDate(endsAt, locale)}, ${clock(
    locale,
    formatTime(endsAt, locale),
  )}`;
}

/** "10:00–12:00 Uhr" (same day) for lists that already show the day. */
export function formatTimeRange(startsAt: string, endsAt: string, locale: Locale): string {
  if (berlinDayKey(startsAt) !== berlinDayKey(endsAt)) {
    return `${clock(locale, formatTime(startsAt, locale))} – ${format(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: BERLIN }).format(new Date(endsAt))}`;
  }
  return clock(locale, `${formatTime(startsAt, locale)}–${formatTime(endsAt, locale)}`);
}

/** "Zugesagt", "Warteliste, Platz 2", "Noch keine Antwort". */
export function rsvpStateText(t: Messages, rsvp: MyRsvpDto | null): string {
  if (!rsvp) return t.meetings.noAnswer;
  if (rsvp.status === 'waitlisted')
    return rsvp.waitlistPosition ? t.meetings.waitlistedAt(rsvp.waitlistPosition) : t.meetings.states.waitlisted;
  return t.meetings.states[rsvp.status];
}

export const isFull = (meeting: Pick<MeetingSummaryDto, 'capacity' | 'counts'>): boolean =>
  meeting.capacity !== null && meeting.counts.going >= meeting.capacity;
