import { DomainError } from '../errors/domain-error.js';
import { ErrorCode } from '@treffpunkt/contracts';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string | undefined, keys: readonly K[]): Record<K, string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && keys.every((k) => typeof (parsed as Record<string, unknown>)[k] === 'string')) {
      return parsed as Record<K, string>;
    }
  } catch {
    // fall through
  }
  throw new DomainError(400, ErrorCode.ValidationFailed, 'cursor is not valid');
}

/** Cuts the extra row fetched to know whether there is a next page. */
export function toPage<T, R>(
  rows: T[],
  limit: number,
  map: (row: T) => R,
  key: (row: T) => Record<string, string>,
): { items: R[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const slice = hasMore ? rows.slice(0, limit) : rows;
  const last = slice[slice.length - 1];
  return { items: slice.map(map), nextCursor: hasMore && last !== undefined ? encodeCursor(key(last)) : null };
}
