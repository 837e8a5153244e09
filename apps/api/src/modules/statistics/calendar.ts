/** Calendar days as 'YYYY-MM-DD' strings (no time zone arithmetic on Date objects). */

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Europe/Berlin, where the network counsels. */
export const berlinToday = (now: Date = new Date()): string => BERLIN_DAY.format(now);

const pad = (n: number) => String(n).padStart(2, '0');

export const monthOf = (day: string): string => day.slice(0, 7);

export const firstOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;

export function lastOfMonth(day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return `${day.slice(0, 7)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The first day of the month `months` after (or before, if negative) the month of `day`. */
export function addMonths(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** Every month 'YYYY-MM' from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let day = firstOfMonth(from); monthOf(day) <= monthOf(to); day = addMonths(day, 1)) months.push(monthOf(day));
  return months;
}
