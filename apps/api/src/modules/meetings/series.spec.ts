import { describe, expect, it } from '@jest/globals';
import { berlinDate, expandSeries, shiftLike } from './series.js';

const at = (iso: string) => new Date(iso);
const starts = (list: Array<{ startsAt: Date }> | null) => list?.map((o) => o.startsAt.toISOString());

describe('series in Berlin wall-clock time', () => {
  it('keeps a weekly 10:00 meeting at 10:00 across the March and October 2027 clock changes', () => {
    const march = expandSeries(
      { startsAt: at('2027-03-21T09:00:00Z'), endsAt: at('2027-03-21T10:00:00Z') },
      { frequency: 'weekly', monthlyRule: null, until: '2027-04-04' },
    );
    expect(starts(march)).toEqual(['2027-03-21T09:00:00.000Z', '2027-03-28T08:00:00.000Z', '2027-04-04T08:00:00.000Z']);
    const october = expandSeries(
      { startsAt: at('2027-10-24T08:00:00Z'), endsAt: at('2027-10-24T09:00:00Z') },
      { frequency: 'weekly', monthlyRule: null, until: '2027-11-07' },
    );
    expect(starts(october)).toEqual(['2027-10-24T08:00:00.000Z', '2027-10-31T09:00:00.000Z', '2027-11-07T09:00:00.000Z']);
    expect(october!.map((o) => o.endsAt.getTime() - o.startsAt.getTime())).toEqual([3_600_000, 3_600_000, 3_600_000]);
  });

  it('repeats every two weeks until the given day, inclusive', () => {
    const list = expandSeries(
      { startsAt: at('2027-01-05T08:00:00Z'), endsAt: at('2027-01-05T09:00:00Z') },
      { frequency: 'biweekly', monthlyRule: null, until: '2027-02-02' },
    );
    expect(starts(list)).toEqual(['2027-01-05T08:00:00.000Z', '2027-01-19T08:00:00.000Z', '2027-02-02T08:00:00.000Z']);
  });

  it('repeats monthly on the first Monday, or on the same day number skipping short months', () => {
    const firstMonday = expandSeries(
      { startsAt: at('2027-02-01T09:00:00Z'), endsAt: at('2027-02-01T10:00:00Z') },
      { frequency: 'monthly', monthlyRule: 'nth_weekday', until: '2027-04-30' },
    );
    expect(starts(firstMonday)).toEqual(['2027-02-01T09:00:00.000Z', '2027-03-01T09:00:00.000Z', '2027-04-05T08:00:00.000Z']);
    const the31st = expandSeries(
      { startsAt: at('2027-01-31T09:00:00Z'), endsAt: at('2027-01-31T10:00:00Z') },
      { frequency: 'monthly', monthlyRule: 'day_of_month', until: '2027-05-31' },
    );
    expect(starts(the31st)).toEqual(['2027-01-31T09:00:00.000Z', '2027-03-31T08:00:00.000Z', '2027-05-31T08:00:00.000Z']);
  });

  it('refuses more than 200 occurrences', () => {
    expect(
      expandSeries(
        { startsAt: at('2027-01-05T08:00:00Z'), endsAt: at('2027-01-05T09:00:00Z') },
        { frequency: 'weekly', monthlyRule: null, until: '2031-12-31' },
      ),
    ).toBeNull();
  });

  it('moves another occurrence by the same days to the same wall-clock time', () => {
    const before = { startsAt: at('2027-03-21T09:00:00Z'), endsAt: at('2027-03-21T10:00:00Z') };
    const after = { startsAt: at('2027-03-22T10:00:00Z'), endsAt: at('2027-03-22T12:00:00Z') }; // Monday 11:00–13:00 CET
    const moved = shiftLike({ startsAt: at('2027-03-28T08:00:00Z'), endsAt: at('2027-03-28T09:00:00Z') }, before, after);
    expect(moved.startsAt.toISOString()).toBe('2027-03-29T09:00:00.000Z'); // Monday 11:00 CEST
    expect(moved.endsAt.toISOString()).toBe('2027-03-29T11:00:00.000Z');
    expect(berlinDate(at('2027-03-27T23:30:00Z'))).toBe('2027-03-28');
  });
});
