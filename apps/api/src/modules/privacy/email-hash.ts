import { createHmac } from 'node:crypto';

/** Separates this key from every other use of the server secret. */
const KEY_LABEL = 'treffpunkt/audit-email-hash/v1';

let cached: { secret: string; key: Buffer } | null = null;

/** The HMAC key for e-mail hashes, derived from the server secret (the JWT secret). */
export function emailHashKey(serverSecret: string): Buffer {
  if (cached?.secret !== serverSecret)
    cached = { secret: serverSecret, key: createHmac('sha256', serverSecret).update(KEY_LABEL).digest() };
  return cached.key;
}

/**
 * A keyed hash of an e-mail address for the append-only audit log: the same address always gives
 * the same value (so failed logins against one account can be correlated), but without the server
 * secret nobody can test guesses against it, and erasing a person leaves nothing readable behind.
 * HMAC-SHA256 of the trimmed, lower-cased address under a key derived from the server secret;
 * 16 bytes as 32 hex digits.
 */
export function emailHash(email: string, serverSecret: string): string {
  return createHmac('sha256', emailHashKey(serverSecret)).update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}
