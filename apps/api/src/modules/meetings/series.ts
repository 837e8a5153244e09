import { MEETING_SERIES_MAX_OCCURRENCES, MEETING_TIME_ZONE, type MonthlyRule, type SeriesFrequency } from '@treffpunkt/contracts';
import { DateTime } from 'luxon';

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

export interface SeriesRule {
  frequency: SeriesFrequency;
  monthlyRule: MonthlyRule | null;
  /** Calendar date YYYY-MM-DD (Berlin), inclusive. */
  until: string;
}

const berlin = (at: Date): DateTime => DateTime.fromJSDate(at, { zone: MEETING_TIME_ZONE });

/** Berlin calendar date (YYYY-MM-DD) of an instant. */
export const berlinDate = (at: Date): string => berlin(at).toISODate()!;

/** Is `date` a valid calendar date YYYY-MM-DD? */
export const isCalendarDate = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid;

/** The nth (1-based) given weekday of a month; a fifth that does not exist becomes the last one. */
function nthWeekday(year: number, month: number, weekday: number, nth: number, template: DateTime): DateTime {
  const first = template.set({ year, month, day: 1 });
  const offset = (weekday - first.weekday + 7) % 7;
  let day = 1 + offset + (nth - 1) * 7;
  if (day > first.daysInMonth!) day -= 7;
  return template.set({ year, month, day });
}

/**
 * Every occurrence of a series, computed in Berlin wall-clock time: a series at 10:00 stays at
 * 10:00 across the March and October clock changes (the UTC instant moves instead). The first
 * occurrence is the given one. Returns null when the series would have more than
 * MEETING_SERIES_MAX_OCCURRENCES occurrences.
 */
export function expandSeries(first: Occurrence, rule: SeriesRule): Occurrence[] | null {
  const start = berlin(first.startsAt);
  const duration = berlin(first.endsAt).diff(start);
  const lastDay = DateTime.fromISO(rule.until, { zone: MEETING_TIME_ZONE }).endOf('day');
  const result: Occurrence[] = [];
  const nth = Math.ceil(start.day / 7);
  for (let i = 0; ; i++) {
    let at: DateTime | null;
    if (rule.frequency === 'weekly') at = start.plus({ weeks: i });
    else if (rule.frequency === 'biweekly') at = start.plus({ weeks: 2 * i });
    else {
      const month = start.startOf('month').plus({ months: i });
      if ((rule.monthlyRule ?? 'day_of_month') === 'nth_weekday') at = nthWeekday(month.year, month.month, start.weekday, nth, start);
      // months without that day (the 31st in April) are skipped
      else at = start.day <= month.daysInMonth! ? start.set({ year: month.year, month: month.month, day: start.day }) : null;
      if (i > 0 && month > lastDay) break;
    }
    if (at === null) continue;
    if (at > lastDay) break;
    if (result.length >= MEETING_SERIES_MAX_OCCURRENCES) return null;
    result.push({ startsAt: at.toJSDate(), endsAt: at.plus(duration).toJSDate() });
  }
  return result;
}

/**
 * Moves an occurrence the way another one of its series was moved: by the same number of
 * calendar days, to the same wall-clock start time and length (Berlin).
 */
export function shiftLike(occurrence: Occurrence, before: Occurrence, after: Occurrence): Occurrence {
  const oldStart = berlin(before.startsAt);
  const newStart = berlin(after.startsAt);
  const days = Math.round(newStart.startOf('day').diff(oldStart.startOf('day'), 'days').days);
  const duration = berlin(after.endsAt).diff(newStart);
  const start = berlin(occurrence.startsAt)
    .plus({ days })
    .set({ hour: newStart.hour, minute: newStart.minute, second: newStart.second, millisecond: 0 });
  return { startsAt: start.toJSDate(), endsAt: start.plus(duration).toJSDate() };
}
