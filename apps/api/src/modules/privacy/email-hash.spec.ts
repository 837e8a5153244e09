import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { emailHash, emailHashKey } from './email-hash.js';

const secret = 'a-server-secret-of-at-least-32-characters!';

describe('emailHash', () => {
  it('is 16 bytes of hex and the same for the same address in any case or padding', () => {
    const hash = emailHash('Anna.Schmidt@Example.org', secret);
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(emailHash('  anna.schmidt@example.org ', secret)).toBe(hash);
  });

  it('depends on the server secret, so nobody without it can test guesses', () => {
    expect(emailHash('anna@example.org', secret)).not.toBe(emailHash('anna@example.org', `${secret}x`));
  });

  it('is an HMAC-SHA256 under a key derived from the secret, not a plain hash of the address', () => {
    const expected = createHmac('sha256', emailHashKey(secret)).update('anna@example.org').digest('hex').slice(0, 32);
    expect(emailHash('anna@example.org', secret)).toBe(expected);
    expect(emailHashKey(secret).equals(Buffer.from(secret))).toBe(false);
  });

  it('never contains the address', () => {
    expect(emailHash('anna@example.org', secret)).not.toContain('anna');
  });
});
