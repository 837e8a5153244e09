import { describe, expect, it } from '@jest/globals';
import { TokenBucket } from './rate-limiter.js';

describe('TokenBucket', () => {
  it('allows a burst up to capacity, then refuses until refilled', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 1, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.refusedInARow).toBe(1);
    now = 1000;
    expect(bucket.take()).toBe(true);
    expect(bucket.refusedInARow).toBe(0);
    expect(bucket.take()).toBe(false);
  });

  it('never stores more than its capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 10, () => now);
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
});
