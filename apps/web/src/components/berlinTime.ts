/**
 * Calendar arithmetic in the network's time zone (Europe/Berlin), with nothing but Intl.
 *
 * - A *day key* is a Berlin calendar date as "YYYY-MM-DD"; day keys are compared and stepped as plain
 *   dates (no time zone involved), so a grid never shifts by a day around the clock changes.
 * - People type Berlin wall-clock times; `berlinToUtc` turns them into the instant, correct across DST:
 *   a time skipped in spring (02:00–02:59 on the last Sunday of March) is reported as a gap, a time that
 *   happens twice in autumn (02:00–02:59 on the last Sunday of October) takes the first one (summer time).
 */
export const BERLIN = 'Europe/Berlin';

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: BERLIN,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Berlin wall clock at an instant. */
export function berlinWallClock(instant: Date | number): WallClock & { second: number } {
  const values: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    // Some engines still answer 24 for midnight with h23.
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** Berlin's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(instant: number): number {
  const wall = berlinWallClock(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

export const toDayKey = (year: number, month: number, day: number): string => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The Berlin calendar day of an instant ("2026-03-29"). */
export function berlinDayKey(instant: Date | string | number): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  const wall = berlinWallClock(date);
  return toDayKey(wall.year, wall.month, wall.day);
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

export function parseDayKey(key: string): { year: number; month: number; day: number } | null {
  const match = DAY_KEY.exec(key);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Steps a day key by whole calendar days. */
export function addDays(key: string, days: number): string {
  const parsed = parseDayKey(key);
  if (!parsed) return key;
  const date = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + days));
  return toDayKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(key: string): number {
  const parsed = parseDayKey(key);
  if (!parsed) return 0;
  return (new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay() + 6) % 7;
}

export type BerlinToUtcResult = { ok: true; instant: Date; ambiguous: boolean } | { ok: false; reason: 'invalid' | 'nonexistent' };

/**
 * The instant at which Berlin clocks show `date` ("YYYY-MM-DD") `time` ("HH:MM").
 * Wall-clock times skipped by the spring change are `nonexistent`; repeated autumn times
 * resolve to the first occurrence (CEST) and say `ambiguous`.
 */
export function berlinToUtc(date: string, time: string): BerlinToUtcResult {
  const day = parseDayKey(date);
  const clock = TIME.exec(time);
  if (!day || !clock) return { ok: false, reason: 'invalid' };
  const hour = Number(clock[1]);
  const minute = Number(clock[2]);
  if (hour > 23 || minute > 59) return { ok: false, reason: 'invalid' };
  const naive = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  // Berlin is UTC+1 or UTC+2: try both offsets, keep those that really show this wall clock.
  const candidates = [120, 60]
    .map((offset) => naive - offset * 60_000)
    .filter((instant) => {
      const wall = berlinWallClock(instant);
      return wall.year === day.year && wall.month === day.month && wall.day === day.day && wall.hour === hour && wall.minute === minute;
    });
  const first = candidates[0];
  if (first === undefined) return { ok: false, reason: 'nonexistent' };
  return { ok: true, instant: new Date(first), ambiguous: candidates.length > 1 };
}

/** The Berlin date and time of an instant, as values for `<input type="date">` / `<input type="time">`. */
export function utcToBerlinInputs(instant: Date | string): { date: string; time: string } {
  const wall = berlinWallClock(instant instanceof Date ? instant : new Date(instant));
  return { date: toDayKey(wall.year, wall.month, wall.day), time: `${pad(wall.hour)}:${pad(wall.minute)}` };
}

/** The instant Berlin's day `key` begins (00:00 exists on every Berlin day). */
export function startOfBerlinDay(key: string): Date {
  const result = berlinToUtc(key, '00:00');
  if (!result.ok) throw new Error(`invalid day ${key}`);
  return result.instant;
}

export interface MonthGrid {
  /** Each week Monday → Sunday, as day keys; days outside the month are included to fill the weeks. */
  weeks: string[][];
  /** The first day of the month ("YYYY-MM-01"). */
  first: string;
}

/** The weeks (Monday first) covering a calendar month. `month` is 1–12. */
export function monthGrid(year: number, month: number): MonthGrid {
  const first = toDayKey(year, month, 1);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = toDayKey(year, month, daysInMonth);
  let cursor = addDays(first, -weekdayIndex(first));
  const end = addDays(last, 6 - weekdayIndex(last));
  const weeks: string[][] = [];
  while (cursor <= end) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(cursor);
      cursor = addDays(cursor, 1);
    }
    weeks.push(week);
  }
  return { weeks, first };
}

/** "2026-03" → the month before / after. */
export function shiftMonth(monthKey: string, delta: number): string {
  const [year = 0, month = 1] = monthKey.split('-').map(Number);
  const index = year * 12 + (month - 1) + delta;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Every Berlin day a meeting touches (a meeting ending exactly at midnight does not touch the next day). */
export function berlinDaysOf(startsAt: string, endsAt: string): string[] {
  const first = berlinDayKey(startsAt);
  const endInstant = new Date(endsAt).getTime();
  const startInstant = new Date(startsAt).getTime();
  const lastInstant = Number.isFinite(endInstant) && endInstant > startInstant ? endInstant - 1 : startInstant;
  const last = berlinDayKey(lastInstant);
  const days = [first];
  // Guard against absurd ranges: a meeting lasting weeks is listed on its first 31 days.
  while ((days.at(-1) ?? last) < last && days.length < 31) days.push(addDays(days.at(-1) ?? first, 1));
  return days;
}
