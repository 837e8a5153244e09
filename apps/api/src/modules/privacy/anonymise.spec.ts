import { describe, expect, it } from '@jest/globals';
import { HANDLE_PATTERN } from '@treffpunkt/contracts';
import { erasedValues, replaceMentions, UNUSABLE_PASSWORD_HASH } from './anonymise.js';
import { verifyPassword } from '../auth/password-hasher.js';

describe('erasedValues', () => {
  it('replaces name, e-mail, handle and password with values that point back at nobody', () => {
    const values = erasedValues('4f1c2d9e-0000-4000-8000-000000000001', 'a1b2c3d4');
    expect(values).toEqual({
      email: 'erased-4f1c2d9e-0000-4000-8000-000000000001@invalid',
      handle: 'ehemalig-a1b2c3d4',
      displayName: 'Ehemaliges Mitglied',
      passwordHash: UNUSABLE_PASSWORD_HASH,
    });
    expect(values.handle).toMatch(HANDLE_PATTERN);
  });

  it('gives every erased person a different handle and address', () => {
    const a = erasedValues();
    const b = erasedValues();
    expect(a.handle).toMatch(/^ehemalig-[0-9a-f]{8}$/);
    expect(a.handle).not.toBe(b.handle);
    expect(a.email).not.toBe(b.email);
  });

  it('leaves a password hash no password verifies against', async () => {
    expect(await verifyPassword(UNUSABLE_PASSWORD_HASH, '')).toBe(false);
    expect(await verifyPassword(UNUSABLE_PASSWORD_HASH, '!erased')).toBe(false);
  });
});

describe('replaceMentions', () => {
  it('rewrites the old handle in Markdown, whatever its case', () => {
    expect(replaceMentions('Danke @anna.schmidt und @Anna.Schmidt!', 'anna.schmidt', 'ehemalig-1')).toBe(
      'Danke @ehemalig-1 und @ehemalig-1!',
    );
  });

  it('rewrites the text of a rendered mention link and keeps the link', () => {
    const html = '<p>Hallo <a class="mention" href="/verzeichnis/personen/u1" data-user-id="u1">@anna.schmidt</a>.</p>';
    expect(replaceMentions(html, 'anna.schmidt', 'ehemalig-1')).toBe(
      '<p>Hallo <a class="mention" href="/verzeichnis/personen/u1" data-user-id="u1">@ehemalig-1</a>.</p>',
    );
  });

  it('leaves longer handles, e-mail addresses and other people alone', () => {
    const text = '@anna.schmidt2 @anna.schmidt-x anna.schmidt@example.org @bernd';
    expect(replaceMentions(text, 'anna.schmidt', 'ehemalig-1')).toBe(text);
  });

  it('handles a mention at the very start and at a sentence end', () => {
    expect(replaceMentions('@anna.schmidt. Siehe oben', 'anna.schmidt', 'x-1')).toBe('@x-1. Siehe oben');
  });
});
