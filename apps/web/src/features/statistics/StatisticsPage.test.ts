import { describe, expect, it } from 'vitest';
import { defaultRange } from './StatisticsPage';

describe('defaultRange (the last twelve months by the Berlin calendar)', () => {
  it('ends today in Berlin, also late in the evening when UTC is still on the day before', () => {
    expect(defaultRange(new Date('2026-12-07T23:30:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-08' });
  });

  it('starts on the first of the month eleven months back, across a year', () => {
    expect(defaultRange(new Date('2026-01-31T23:30:00Z'))).toEqual({ from: '2025-03-01', to: '2026-02-01' });
    expect(defaultRange(new Date('2026-07-15T10:00:00Z'))).toEqual({ from: '2025-08-01', to: '2026-07-15' });
  });
});
