import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatMonth, toCsv } from './csv';

/** A strict RFC 4180 reader (with ";"): rejects stray quotes, so sloppy quoting fails the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ';' && text[i] !== '\r') throw new Error(`text after closing quote at ${i}`);
      } else {
        fieldText += c;
        i++;
      }
    } else if (c === '"') {
      if (!atFieldStart) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      atFieldStart = false;
      i++;
    } else if (c === ';') {
      row.push(fieldText);
      fieldText = '';
      atFieldStart = true;
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
      atFieldStart = true;
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      fieldText += c;
      atFieldStart = false;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (fieldText !== '' || row.length > 0) throw new Error('last line without CRLF');
  return rows;
}

describe('CSV for the funder report', () => {
  const csv = toCsv([
    ['Monat', 'Servicestelle Anerkennung Süd', 'Beratung; "Halle"', 'Gesamt'],
    [formatMonth('2025-01'), 1234, '<5', 1240],
    [formatMonth('2025-02'), 0, '•', null],
    ['Zeile\nmit Umbruch', 2.5, '=SUMME(A1)', ' Leerzeichen'],
  ]);

  it('starts with a UTF-8 byte order mark and uses CRLF line ends', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Array.from(new TextEncoder().encode(csv).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('reads back with a strict parser: umlauts intact, quoting, separators and line breaks inside fields', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      ['Monat', 'Servicestelle Anerkennung Süd', 'Beratung; "Halle"', 'Gesamt'],
      ['01.2025', '1.234', '<5', '1.240'],
      ['02.2025', '0', '•', ''],
      ['Zeile\nmit Umbruch', '2,5', "'=SUMME(A1)", ' Leerzeichen'],
    ]);
    // round trip through bytes: nothing lost in the encoding
    expect(parseCsv(new TextDecoder().decode(new TextEncoder().encode(csv.slice(1))))[0]![1]).toBe('Servicestelle Anerkennung Süd');
  });

  it('formats numbers and dates the German way', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(0.5)).toBe('0,5');
    expect(formatMonth('2025-11')).toBe('11.2025');
    expect(formatDay('2025-03-07')).toBe('07.03.2025');
  });
});
