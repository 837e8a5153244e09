import { describe, expect, it } from '@jest/globals';
import { sniffContentType } from './content-sniffer.js';

const sniff = (bytes: Buffer | string) => {
  const buffer = Buffer.from(bytes);
  return sniffContentType(buffer, buffer.length);
};

describe('sniffContentType', () => {
  it.each([
    ['PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image/png'],
    ['PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'application/pdf'],
    ['plain text', 'Guten Tag,\nbis bald.\n', 'text/plain'],
    ['UTF-8 with BOM', '\ufeffHallo Welt\n', 'text/plain'],
    ['Windows-1252 text', Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x0a]), 'text/plain'],
    ['CSV (semicolons)', 'Monat;Anzahl\nJan;3\nFeb;4\n', 'text/csv'],
    ['CSV (commas)', 'a,b,c\n1,2,3\n', 'text/csv'],
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>', 'image/svg+xml'],
    ['binary noise', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x10]), 'application/octet-stream'],
  ])('%s → %s, allowed', async (_what, bytes, type) => {
    expect(await sniff(bytes)).toEqual({ contentType: type, denied: null });
  });

  it.each([
    ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['PE', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)])],
    ['HTML', '<!doctype html><title>x</title>'],
    ['HTML fragment', '  <div onclick="x()">hi</div>'],
    ['script in text', 'harmless words and then <script>alert(1)</script>'],
    ['XHTML', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>'],
    ['SVG with script', '<svg><script>alert(1)</script></svg>'],
    ['SVG with handler', '<svg onload="alert(1)"/>'],
    ['SVG with javascript: link', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['shell script', '#!/bin/bash\necho hi\n'],
  ])('refuses %s', async (_what, bytes) => {
    expect((await sniff(bytes)).denied).not.toBeNull();
  });
});
