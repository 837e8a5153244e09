import { ErrorCode } from '@treffpunkt/contracts';
import { DateTime } from 'luxon';
import { DomainError } from '../../common/errors/domain-error.js';

const ZONE = 'Europe/Berlin';
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (message: string) => new DomainError(400, ErrorCode.ValidationFailed, message, {}, [message]);

function parse(name: 'from' | 'to', value: string): DateTime {
  // an instant without an offset is read as Berlin wall-clock time, like everything the network sees
  const parsed = DateTime.fromISO(value, { zone: ZONE, setZone: false });
  if (!parsed.isValid) throw invalid(`${name} must be an ISO 8601 date or instant`);
  return parsed;
}

/**
 * Resolves the viewer's `from`/`to` to a half-open interval [from, to). A plain date stands for the
 * whole day in Europe/Berlin (so `to=2026-03-29` includes that day, 23 hours long at the clock change).
 */
export function auditPeriod(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  const start = from === undefined ? undefined : PLAIN_DATE.test(from) ? parse('from', from).startOf('day') : parse('from', from);
  const end = to === undefined ? undefined : PLAIN_DATE.test(to) ? parse('to', to).plus({ days: 1 }).startOf('day') : parse('to', to);
  if (start && end && start >= end) throw invalid('from must be before to');
  return { ...(start ? { from: start.toJSDate() } : {}), ...(end ? { to: end.toJSDate() } : {}) };
}

const GERMAN_DATE_TIME = new Intl.DateTimeFormat('de-DE', {
  timeZone: ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "31.03.2026, 14:05:09" → "31.03.2026 14:05:09" (Berlin time), as German Excel reads it. */
export const germanDateTime = (date: Date): string => GERMAN_DATE_TIME.format(date).replace(', ', ' ');
