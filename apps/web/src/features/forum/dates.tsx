import type { Locale } from '@treffpunkt/contracts';
import { formatDateTime, useI18n } from '../../i18n';

const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

/** Calendar date only, in the network's time zone ("25.11.2026"). */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(date);
}

/** "vor 5 Minuten" for the last week, the absolute date and time after that. */
export function formatRelative(iso: string, locale: Locale, now: number, justNow: string): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return justNow;
  const format = new Intl.RelativeTimeFormat(intlLocale[locale], { numeric: 'auto' });
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return formatDateTime(iso, locale);
}

/** A <time> showing a relative date, with the absolute one as tooltip and machine value. */
export function RelativeTime({ iso }: { iso: string }) {
  const { locale, t } = useI18n();
  const absolute = formatDateTime(iso, locale);
  // Rendering reads the clock once per render: good enough for a list that refetches.
  // eslint-disable-next-line react-hooks/purity
  const relative = formatRelative(iso, locale, Date.now(), t.forum.justNow);
  return (
    <time dateTime={iso} title={absolute}>
      {relative}
    </time>
  );
}

/** A <time> with the absolute date and time. */
export function AbsoluteTime({ iso }: { iso: string }) {
  const { locale } = useI18n();
  return <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;
}
