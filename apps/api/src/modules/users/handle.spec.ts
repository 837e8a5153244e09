import { describe, expect, it } from '@jest/globals';
import { HANDLE_PATTERN } from '@treffpunkt/contracts';
import { firstFreeHandle, handleFromName } from './handle.js';

describe('handleFromName', () => {
  it('transliterates German umlauts and joins names with dots', () => {
    expect(handleFromName('Jürgen Groß-Öztürk')).toBe('juergen.gross-oeztuerk');
  });

  it('strips accents and symbols', () => {
    expect(handleFromName('  Zoë  O’Brien!! ')).toBe('zoe.o.brien');
  });

  it('falls back to a valid handle for names without latin letters', () => {
    const handle = handleFromName('علی');
    expect(handle).toBe('person');
    expect(HANDLE_PATTERN.test(handle)).toBe(true);
  });

  it('always yields a handle that matches the shared pattern', () => {
    for (const name of ['A', 'a'.repeat(200), '...x...', 'Ünal 42', '-x-']) {
      expect(HANDLE_PATTERN.test(handleFromName(name))).toBe(true);
    }
  });
});

describe('firstFreeHandle', () => {
  it('keeps the base when free and numbers it otherwise', () => {
    expect(firstFreeHandle('anna', [])).toBe('anna');
    expect(firstFreeHandle('anna', ['anna', 'anna2'])).toBe('anna3');
  });
});
