import { describe, expect, it } from 'vitest';
import {
  addDays,
  berlinDayKey,
  berlinDaysOf,
  berlinOffsetMinutes,
  berlinToUtc,
  monthGrid,
  shiftMonth,
  startOfBerlinDay,
  utcToBerlinInputs,
  weekdayIndex,
} from './berlinTime';

describe('berlinToUtc (Berlin wall clock → UTC instant)', () => {
  const cases: Array<[string, string, string, string]> = [
    // [date, time, expected ISO instant, why]
    ['2026-01-15', '10:00', '2026-01-15T09:00:00.000Z', 'winter: UTC+1'],
    ['2026-07-01', '10:00', '2026-07-01T08:00:00.000Z', 'summer: UTC+2'],
    ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z', 'last minute before the spring change'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z', 'first minute after the spring change'],
    ['2026-03-29', '23:30', '2026-03-29T21:30:00.000Z', 'evening of the last Sunday of March (already summer time)'],
    ['2026-03-28', '23:30', '2026-03-28T22:30:00.000Z', 'evening before the spring change (still winter)'],
    ['2026-10-25', '01:59', '2026-10-24T23:59:00.000Z', 'before the autumn change (summer time)'],
    ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z', 'repeated hour: the first (summer-time) one'],
    ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z', 'after the autumn change (winter time)'],
    ['2026-10-25', '23:30', '2026-10-25T22:30:00.000Z', 'evening of the last Sunday of October'],
    ['2026-12-31', '23:59', '2026-12-31T22:59:00.000Z', 'year end'],
    ['2027-01-01', '00:00', '2026-12-31T23:00:00.000Z', 'midnight of New Year is the previous UTC day'],
    ['2027-03-28', '12:00', '2027-03-28T10:00:00.000Z', 'last Sunday of March 2027'],
    ['2024-02-29', '09:15', '2024-02-29T08:15:00.000Z', 'leap day'],
  ];

  it.each(cases)('%s %s → %s (%s)', (date, time, expected) => {
    const result = berlinToUtc(date, time);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.instant.toISOString()).toBe(expected);
  });

  it.each([
    ['2026-03-29', '02:00'],
    ['2026-03-29', '02:30'],
    ['2026-03-29', '02:59'],
    ['2027-03-28', '02:15'],
  ])('%s %s does not exist in Berlin (clocks jump from 02:00 to 03:00)', (date, time) => {
    expect(berlinToUtc(date, time)).toEqual({ ok: false, reason: 'nonexistent' });
  });

  it('marks the repeated autumn hour as ambiguous and nothing else', () => {
    expect(berlinToUtc('2026-10-25', '02:30')).toMatchObject({ ok: true, ambiguous: true });
    expect(berlinToUtc('2026-10-25', '03:30')).toMatchObject({ ok: true, ambiguous: false });
    expect(berlinToUtc('2026-07-01', '02:30')).toMatchObject({ ok: true, ambiguous: false });
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2026-13-01', '10:00'],
    ['26-01-01', '10:00'],
    ['2026-01-01', '24:00'],
    ['2026-01-01', '10:60'],
    ['2026-01-01', ''],
    ['', '10:00'],
  ])('rejects %s %s as invalid', (date, time) => {
    expect(berlinToUtc(date, time)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('round-trips every quarter hour of both change days', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const result = berlinToUtc(day, time);
        if (!result.ok) {
          expect(day === '2026-03-29' && time.startsWith('02:')).toBe(true);
          continue;
        }
        expect(utcToBerlinInputs(result.instant)).toEqual({ date: day, time });
      }
    }
  });
});

describe('instants shown in Berlin', () => {
  it.each([
    ['2026-03-29T21:30:00.000Z', '2026-03-29', '23:30'],
    ['2026-03-29T22:30:00.000Z', '2026-03-30', '00:30'],
    ['2026-10-25T22:30:00.000Z', '2026-10-25', '23:30'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26', '00:00'],
    ['2026-10-25T00:30:00.000Z', '2026-10-25', '02:30'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25', '02:30'],
    ['2026-06-30T22:00:00.000Z', '2026-07-01', '00:00'],
  ])('%s is %s %s in Berlin', (iso, date, time) => {
    expect(utcToBerlinInputs(iso)).toEqual({ date, time });
    expect(berlinDayKey(iso)).toBe(date);
  });

  it('knows the offset on both sides of a change', () => {
    expect(berlinOffsetMinutes(Date.parse('2026-03-29T00:59:00Z'))).toBe(60);
    expect(berlinOffsetMinutes(Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
    expect(berlinOffsetMinutes(Date.parse('2026-10-25T00:59:00Z'))).toBe(120);
    expect(berlinOffsetMinutes(Date.parse('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('starts each Berlin day at local midnight', () => {
    expect(startOfBerlinDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfBerlinDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('lists the days a meeting touches', () => {
    expect(berlinDaysOf('2026-03-29T21:30:00.000Z', '2026-03-29T22:00:00.000Z')).toEqual(['2026-03-29', '2026-03-30'].slice(0, 1));
    expect(berlinDaysOf('2026-03-29T21:30:00.000Z', '2026-03-29T22:30:00.000Z')).toEqual(['2026-03-29', '2026-03-30']);
    expect(berlinDaysOf('2026-05-04T07:00:00.000Z', '2026-05-06T15:00:00.000Z')).toEqual(['2026-05-04', '2026-05-05', '2026-05-06']);
  });
});

describe('day keys and the month grid', () => {
  it('steps days across months, years and DST', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayIndex('2026-03-29')).toBe(6);
    expect(weekdayIndex('2026-03-30')).toBe(0);
  });

  it('builds Monday-first weeks covering the month', () => {
    const march = monthGrid(2026, 3);
    expect(march.first).toBe('2026-03-01');
    expect(march.weeks[0]?.[0]).toBe('2026-02-23');
    expect(march.weeks[0]?.[6]).toBe('2026-03-01');
    expect(march.weeks.at(-1)).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']);
    expect(march.weeks).toHaveLength(6);
    for (const week of march.weeks) expect(week).toHaveLength(7);
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(monthGrid(2027, 2).weeks).toHaveLength(4);
  });

  it('shifts months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-03', 0)).toBe('2026-03');
  });
});
