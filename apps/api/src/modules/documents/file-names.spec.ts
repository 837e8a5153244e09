import { describe, expect, it } from '@jest/globals';
import { contentDisposition, displayName } from './file-names.js';

describe('displayName', () => {
  it.each([
    ['Bericht.pdf', 'Bericht.pdf'],
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['a\u0000b\r\nc.txt', 'abc.txt'],
    ['rechnung\u202Efdp.exe', 'rechnungfdp.exe'],
    ['  viel   Platz  ', 'viel Platz'],
    ['..', 'Unbenannt'],
    ['', 'Unbenannt'],
    ['A\u0308rger.txt', 'Ärger.txt'],
  ])('%j → %j', (raw, expected) => {
    expect(displayName(raw)).toBe(expected);
  });

  it('shortens long names to 255 characters and keeps the extension', () => {
    const name = displayName(`${'ä'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('never splits a surrogate pair and repairs lone surrogates', () => {
    const name = displayName(`${'😀'.repeat(300)}`);
    expect(name).toBe('😀'.repeat(255));
    expect(displayName('a\ud800b')).toBe('a\ufffdb');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266/5987)', () => {
    expect(contentDisposition('attachment', 'Übersicht "März" 100%.pdf')).toBe(
      `attachment; filename="Ubersicht _Marz_ 100_.pdf"; filename*=UTF-8''%C3%9Cbersicht%20%22M%C3%A4rz%22%20100%25.pdf`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });
});
