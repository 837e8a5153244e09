import { describe, expect, it } from '@jest/globals';
import { containsPattern, diacriticTranslateTables, foldSearchText, MAX_SEARCH_TERMS, searchTerms } from './search-text.js';

describe('foldSearchText', () => {
  it('lower-cases and transliterates German umlauts and ß', () => {
    expect(foldSearchText('Jürgen Groß-Öztürk')).toBe('juergen gross-oeztuerk');
    expect(foldSearchText('MÜLLER')).toBe('mueller');
    expect(foldSearchText('Ärztekammer Äöü')).toBe('aerztekammer aeoeue');
  });

  it('strips other diacritics, also of letters Unicode does not decompose', () => {
    expect(foldSearchText('Leyla Yılmaz')).toBe('leyla yilmaz');
    expect(foldSearchText('Łukasz Søren Đorđević José François Dvořák')).toBe('lukasz soren dordevic jose francois dvorak');
  });

  it('leaves plain text alone', () => {
    expect(foldSearchText('dari')).toBe('dari');
    expect(foldSearchText('pflege-anerkennung 42')).toBe('pflege-anerkennung 42');
  });
});

describe('searchTerms', () => {
  it('splits a query into folded words, each to be found', () => {
    expect(searchTerms('  Anna   Müller ')).toEqual(['anna', 'mueller']);
    expect(searchTerms('muell')).toEqual(['muell']);
  });

  it('drops punctuation around words, duplicates and empty queries', () => {
    expect(searchTerms('"Dari", dari!')).toEqual(['dari']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms(' ... ')).toEqual([]);
  });

  it('keeps at most a handful of words', () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(MAX_SEARCH_TERMS);
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('diacriticTranslateTables', () => {
  it('maps each listed letter to the plain letter foldSearchText gives it', () => {
    const { from, to } = diacriticTranslateTables();
    const source = [...from];
    const target = [...to];
    expect(source).toHaveLength(target.length);
    source.forEach((char, i) => {
      const expected = 'äöüÄÖÜ'.includes(char) ? char.toLowerCase().normalize('NFKD')[0] : foldSearchText(char);
      expect(target[i]).toBe(expected);
    });
    expect(from).toContain('é');
    expect(from).toContain('ı');
    expect(from).not.toContain('ß');
  });
});
