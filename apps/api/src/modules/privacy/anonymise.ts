import { randomBytes, randomUUID } from 'node:crypto';
import { ERASED_DISPLAY_NAME } from '@treffpunkt/contracts';
import type { ErasureValues } from './privacy.repository.js';

/**
 * Not an argon2 hash, so no password can ever match it (verification of a malformed hash fails);
 * the e-mail address is gone as well, so nobody can even try.
 */
export const UNUSABLE_PASSWORD_HASH = '!erased';

/** What an erased person's row holds from then on: nothing that points back at them. */
export function erasedValues(uuid: string = randomUUID(), suffix: string = randomBytes(4).toString('hex')): ErasureValues {
  return {
    email: `erased-${uuid}@invalid`,
    handle: `ehemalig-${suffix}`,
    displayName: ERASED_DISPLAY_NAME,
    passwordHash: UNUSABLE_PASSWORD_HASH,
  };
}

/** The forum's mention syntax (modules/forum/markdown.renderer.ts): `@handle` not inside a word, e-mail or path. */
const MENTION = /(^|[^\w@/])@([a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?)/gi;

/**
 * Rewrites mentions of `oldHandle` to `newHandle` in Markdown or in the rendered HTML (where a
 * resolved mention is `<a …>@handle</a>`). Longer handles that merely start with the old one stay.
 */
export function replaceMentions(text: string, oldHandle: string, newHandle: string): string {
  const old = oldHandle.toLowerCase();
  return text.replace(MENTION, (match: string, before: string, handle: string) =>
    handle.toLowerCase() === old ? `${before}@${newHandle}` : match,
  );
}
