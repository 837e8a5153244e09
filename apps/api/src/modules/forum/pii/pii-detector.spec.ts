import { describe, expect, it } from '@jest/globals';
import type { PiiKind } from '@treffpunkt/contracts';
import { detectPii } from './pii-detector.js';

/** Fixed "today" so the birth-date year window (1920–2012) does not drift. */
const NOW = new Date('2026-06-15T12:00:00Z');

function found(text: string): [PiiKind, string][] {
  return detectPii(text, 'body', NOW).map((f) => [f.kind, f.text]);
}

const POSITIVES: [string, string, [PiiKind, string][]][] = [
  // e-mail
  ['plain e-mail', 'Sie erreichen ihn unter max.muster@example.org.', [['email', 'max.muster@example.org']]],
  ['e-mail with subdomain and plus', 'Kontakt: a.b+beratung@mail.uni-magdeburg.de', [['email', 'a.b+beratung@mail.uni-magdeburg.de']]],
  ['obfuscated (at)', 'Mail: max.muster (at) example.org', [['email', 'max.muster (at) example.org']]],
  ['obfuscated [at] and [dot]', 'schreibt an anna[at]beispiel[dot]de', [['email', 'anna[at]beispiel[dot]de']]],
  // phone
  ['landline with space', 'Telefonisch unter 0391 1234567 erreichbar.', [['phone', '0391 1234567']]],
  ['landline with slash and groups', 'Tel. 0391/123 45 67', [['phone', '0391/123 45 67']]],
  ['mobile +49', 'Handy: +49 170 1234567', [['phone', '+49 170 1234567']]],
  ['0049 prefix', 'aus dem Ausland 0049 30 12345678 anrufen', [['phone', '0049 30 12345678']]],
  ['area code in parentheses', 'Rückruf unter (0340) 12 34 56 erbeten', [['phone', '(0340) 12 34 56']]],
  ['mobile with hyphen', 'mobil 0170-1234567', [['phone', '0170-1234567']]],
  ['Turkish mobile', 'Bruder in Izmir: +90 532 123 45 67', [['phone', '+90 532 123 45 67']]],
  ['Syrian landline', 'Familie in Damaskus +963 11 123 4567', [['phone', '+963 11 123 4567']]],
  ['trunk zero in parentheses', '+49 (0)391 1234567', [['phone', '+49 (0)391 1234567']]],
  ['cued number without area code', 'Telefon: 123 456', [['phone', '123 456']]],
  [
    'two phones in a row are split',
    '0170 1234567 0171 7654321',
    [
      ['phone', '0170 1234567'],
      ['phone', '0171 7654321'],
    ],
  ],
  // birth dates
  ['geb. with dotted date', 'Frau K., geb. 12.03.1987, hat ihren Abschluss in Syrien gemacht.', [['birth_date', '12.03.1987']]],
  ['geboren with short year', 'Herr A., geboren am 12.3.87 in Homs.', [['birth_date', '12.3.87']]],
  ['cue after the date', 'Herr A. (12.3.87, geb. in Homs)', [['birth_date', '12.3.87']]],
  ['Geburtsdatum ISO', 'Geburtsdatum: 1987-03-12', [['birth_date', '1987-03-12']]],
  ['German month name with cue', 'geboren in Aleppo am 12. März 1987', [['birth_date', '12. März 1987']]],
  ['English month name', 'DOB 12 March 1987', [['birth_date', '12 March 1987']]],
  ['English month-first', 'born on March 12, 1987 in Kabul', [['birth_date', 'March 12, 1987']]],
  ['star before the date', 'Ahmad S. (* 02.11.1990)', [['birth_date', '02.11.1990']]],
  ['cue with a recent date (child)', 'Tochter geb. 01.02.2020', [['birth_date', '01.02.2020']]],
  ['uncued old full date', 'Die Klientin (12.03.1987) fragt nach der Anerkennung.', [['birth_date', '12.03.1987']]],
  ['uncued date at the 14-year limit', 'Sohn 31.12.2012 nachgezogen', [['birth_date', '31.12.2012']]],
  ['uncued date long ago', 'Vater 01.01.1950', [['birth_date', '01.01.1950']]],
  ['slashed date with cue', 'date of birth 03/12/1987', [['birth_date', '03/12/1987']]],
  // IBAN
  ['IBAN with spaces', 'Überweisung an DE89 3704 0044 0532 0130 00 bitte', [['iban', 'DE89 3704 0044 0532 0130 00']]],
  ['IBAN compact', 'IBAN: DE89370400440532013000', [['iban', 'DE89370400440532013000']]],
  ['Austrian IBAN', 'Konto AT61 1904 3002 3457 3201', [['iban', 'AT61 1904 3002 3457 3201']]],
  ['British IBAN with letters', 'GB29 NWBK 6016 1331 9268 19', [['iban', 'GB29 NWBK 6016 1331 9268 19']]],
  // ID numbers
  ['ID card number without cue', 'Nummer steht auf der Karte: T22000129.', [['id_number', 'T22000129']]],
  ['ID card number mixed', 'C01X00T47 ist die Ausweisnummer', [['id_number', 'C01X00T47']]],
  ['10-character form with check digit', 'MRZ-Zeile enthält T220001293', [['id_number', 'T220001293']]],
  ['Pass-Nr. with foreign passport', 'Pass-Nr. U12345678 (türkisch)', [['id_number', 'U12345678']]],
  ['Ausweisnummer with colon', 'Ausweisnummer: L01X00T47', [['id_number', 'L01X00T47']]],
  ['eAT number', 'eAT Y0AB12345 liegt vor', [['id_number', 'Y0AB12345']]],
  ['eAT card number', 'eAT-Kartennummer: YX12345678', [['id_number', 'YX12345678']]],
  ['Aufenthaltstitel-Nr.', 'Aufenthaltstitel-Nr. ZA1234567', [['id_number', 'ZA1234567']]],
  ['passport number English', 'passport number N012345678', [['id_number', 'N012345678']]],
  ['tax ID grouped', 'Steuer-ID: 12 345 678 901', [['id_number', '12 345 678 901']]],
  ['tax ID compact', 'Steueridentifikationsnummer 12345678901', [['id_number', '12345678901']]],
  ['social security number with cue', 'Sozialversicherungsnummer 12 123456 A 123', [['id_number', '12 123456 A 123']]],
  ['social security number without cue', 'SV 65 170839 J 003 liegt vor', [['id_number', '65 170839 J 003']]],
  // street addresses
  ['Straße', 'Sie wohnt in der Musterstraße 12.', [['street_address', 'Musterstraße 12']]],
  ['Str. with letter', 'Musterstr. 12a', [['street_address', 'Musterstr. 12a']]],
  ['Am Markt', 'Am Markt 3 ist die Beratungsstelle.', [['street_address', 'Am Markt 3']]],
  ['adjective + Weg', 'Breiter Weg 10', [['street_address', 'Breiter Weg 10']]],
  ['number range', 'Hauptstr. 5-7', [['street_address', 'Hauptstr. 5-7']]],
  ['hyphenated Allee', 'Karl-Marx-Allee 90, Berlin', [['street_address', 'Karl-Marx-Allee 90']]],
  ['Unter den Linden', 'Unter den Linden 1', [['street_address', 'Unter den Linden 1']]],
  ['Platz with letter', 'Lindenplatz 4b', [['street_address', 'Lindenplatz 4b']]],
  ['with postcode and city', 'neue Adresse: Ringweg 12, 39104 Magdeburg.', [['street_address', 'Ringweg 12, 39104 Magdeburg']]],
  ['Frankfurt am Main', 'Berliner Straße 5, 60311 Frankfurt am Main', [['street_address', 'Berliner Straße 5, 60311 Frankfurt am Main']]],
  ['lower-case preposition after a living cue', 'Sie wohnt jetzt am Alten Markt 7', [['street_address', 'Alten Markt 7']]],
  // combinations
  [
    'several kinds in one post',
    'Herr B., geb. 04.07.1979, Ringweg 12, 39104 Magdeburg, Tel. 0391 1234567, b.test@example.org, IBAN DE89 3704 0044 0532 0130 00.',
    [
      ['birth_date', '04.07.1979'],
      ['street_address', 'Ringweg 12, 39104 Magdeburg'],
      ['phone', '0391 1234567'],
      ['email', 'b.test@example.org'],
      ['iban', 'DE89 3704 0044 0532 0130 00'],
    ],
  ],
  ['umlauts and emoji before a finding', 'Ärger über Übergänge 😀👍🏽: Grüße an jürgen@example.de', [['email', 'jürgen@example.de']]],
];

const NEGATIVES: [string, string][] = [
  ['empty text', ''],
  ['years', 'Sie hat 2015 bis 2019 in Damaskus studiert und ist seit 2021 in Deutschland.'],
  ['amounts in euro', 'Die Gebühr beträgt 1.250,00 € bzw. 100 EUR, insgesamt 0,50 € pro Seite.'],
  ['paragraph numbers', 'Nach § 4 BQFG und § 16d AufenthG, vgl. § 12 Abs. 2 S. 1.'],
  ['appointment date', 'am 12.03.2026 hatten wir einen Termin'],
  ['recent date ISO', 'Frist bis 2026-07-01 beachten.'],
  ['recent dates in 2015', 'Einreise am 05.09.2015, Antrag vom 01.02.2016.'],
  ['law citation with old date', 'Das BQFG vom 6. Dezember 2011 gilt seit dem 1. April 2012.'],
  ['EU directive citation', 'Richtlinie 2005/36/EG vom 7. September 2005'],
  ['event dates with vom/seit', 'Diplom vom 30.06.2008, Aufenthalt seit dem 01.09.2011, Bescheid vom 12.05.2010.'],
  ['periods of employment', 'Berufserfahrung: 01.09.2005 bis 31.08.2010 als Ingenieurin, 2001-09-01 – 2004-08-31 Studium.'],
  ['two-digit year without cue (version-like)', 'Siehe Abschnitt 1.2.10 der Handreichung.'],
  ['percentages', 'Die Quote liegt bei 12 % bzw. 3,5 Prozent.'],
  ['postcode alone', 'Die Stelle in 39104 Magdeburg und 06108 Halle.'],
  ['version numbers', 'Bitte Version 2.4.11 oder v10.0.19045 verwenden.'],
  ['pseudonym code', 'Fall F-2026-0042 und F-2025-1234 verknüpft.'],
  ['times', 'Termin um 14:30 oder 09:00 Uhr, Sprechzeit 0800-1200.'],
  ['file number', 'Aktenzeichen 2026/1234 der Ausländerbehörde, Az. 0815/2026-12.'],
  ['Aktenzeichen is no id cue', 'Aktenzeichen der Ausländerbehörde: AB123456C'],
  ['language levels and codes', 'Niveau B2, A1-Kurs, COVID19, ISO9001, BQFG, DIN 5008.'],
  ['ordinary nouns with numbers', 'Raum 12, Seite 4, Kapitel 3, Stufe 3, Termin 2, Niveau B2, Modul 5.'],
  ['prepositional nouns with numbers', 'Im Raum 12 findet im Kurs 3 statt. Am Termin 2 fehlte sie. Im Jahr 2019.'],
  ['compound nouns with street suffixes', 'Arbeitsplatz 2 ist frei, der Arbeitsmarkt 4.0 und Lernpfad 3.'],
  ['function word + Weg', 'Der Weg 2 ist der kürzere.'],
  ['quantities after street-like words', 'Musterweg 3 Jahre? Nein.'],
  ['IBAN with failing checksum', 'Beispiel: DE12 3704 0044 0532 0130 00'],
  ['made-up IBAN shape', 'XX89 3704 0044 0532 0130 00'],
  ['Markdown bold date', '**12.03.2026** ist der Stichtag, *01.04.2026* auch.'],
  ['mention handle', 'Danke @anna.schmidt und @juergen.gross-oeztuerk!'],
  ['short numbers starting with 0', 'Punkte 01, 02 und 03; Quote 0,5.'],
  ['dates with slashes in recent years', 'Termin 03/12/2025 bestätigt.'],
  ['English at in prose', 'We met at example.org at 10 am.'],
  ['lower-case preposition without living cue', 'Wir treffen uns am Markt 3 Mal pro Woche.'],
  ['bare uppercase words of 9 letters', 'ZERTIFKAT ANERKENNUNG BERUFSBILD'],
  ['ISBN and long numeric references', 'ISBN 978-3-16-148410-0, Vorgangsnummer 0123 456 789'],
  ['hex-like tokens and hashes', 'Commit a1b2c3d4e und Build 20260315 fertig.'],
];

describe('detectPii', () => {
  it.each(POSITIVES)('finds %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each(NEGATIVES)('ignores %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('has enough examples on both sides', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(30);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(30);
  });

  it('returns UTF-16 offsets that slice back to the text, and copies the field', () => {
    const text = '👩🏽‍⚕️ Grüße! Tel. 0391 1234567 — geb. 12.03.1987';
    const findings = detectPii(text, 'title', NOW);
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      expect(text.slice(finding.start, finding.end)).toBe(finding.text);
      expect(finding.field).toBe('title');
    }
  });

  it('reports an IBAN only once, not also as phone or id', () => {
    expect(found('DE89 3704 0044 0532 0130 00')).toEqual([['iban', 'DE89 3704 0044 0532 0130 00']]);
  });

  it('returns findings in order of position and without overlaps', () => {
    const findings = detectPii('0391 1234567, geb. 12.03.1987, T22000129, Musterstraße 12', 'body', NOW);
    expect(findings.map((f) => f.kind)).toEqual(['phone', 'birth_date', 'id_number', 'street_address']);
    for (let i = 1; i < findings.length; i++) {
      expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
    }
  });

  it('uses the current date by default', () => {
    expect(detectPii('geb. 12.03.1987', 'body').map((f) => f.kind)).toEqual(['birth_date']);
  });

  it('moves the birth-year window with "now"', () => {
    expect(found('Termin 01.02.2013')).toEqual([]);
    expect(detectPii('Termin 01.02.2013', 'body', new Date('2027-06-15T12:00:00Z')).map((f) => f.kind)).toEqual(['birth_date']);
  });

  it.each([
    ['digits and spaces', '1234 5678 '.repeat(5_000)],
    ['phone-like groups', '0391 12 '.repeat(6_250)],
    ['one long digit run', '0'.repeat(50_000)],
    ['dotted digits', '1.2.'.repeat(12_500)],
    ['capitalised letters', 'A'.repeat(50_000)],
    ['street-like words', 'Musterstraßestraße-'.repeat(2_632)],
    ['e-mail local parts', 'a.'.repeat(25_000)],
  ])('scans 50,000 characters of %s quickly', (_name, text) => {
    const started = performance.now();
    detectPii(text.slice(0, 50_000), 'body', NOW);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
