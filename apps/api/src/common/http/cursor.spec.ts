import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, toPage } from './cursor.js';

describe('cursors', () => {
  it('round-trips a sort key', () => {
    const cursor = encodeCursor({ name: 'Müller', id: 'abc' });
    expect(decodeCursor(cursor, ['name', 'id'] as const)).toEqual({ name: 'Müller', id: 'abc' });
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, ['id'] as const)).toBeUndefined();
    expect(decodeCursor('', ['id'] as const)).toBeUndefined();
  });

  it('rejects tampered cursors with a 400 domain error', () => {
    for (const bad of ['%%%', encodeCursor({ other: 'x' }), Buffer.from('[1,2]').toString('base64url')]) {
      expect(() => decodeCursor(bad, ['id'] as const)).toThrow(DomainError);
    }
  });

  it('cuts the look-ahead row and points the next cursor at the last item', () => {
    const page = toPage(
      [1, 2, 3],
      2,
      (n) => n * 10,
      (n) => ({ id: String(n) }),
    );
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor ?? undefined, ['id'] as const)).toEqual({ id: '2' });
    expect(
      toPage(
        [1],
        2,
        (n) => n,
        (n) => ({ id: String(n) }),
      ).nextCursor,
    ).toBeNull();
  });
});
