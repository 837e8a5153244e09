/**
 * Folding of directory search text, shared in spirit with the SQL function `search_fold` that
 * fills the generated `search_text` columns of users and organisations (migration
 * 1795600000000-DirectorySearch). Both sides lower-case, transliterate German umlauts
 * (ä → ae, ö → oe, ü → ue, ß → ss) and strip other diacritics, so "Müller", "MUELLER" and
 * "muell" meet. The stored text also carries the plain-vowel variant ("muller"), so a query typed
 * without umlauts finds the name too.
 */

const GERMAN: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe' };

/** Letters that Unicode does not decompose into a base letter plus a combining mark. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', ı: 'i', ħ: 'h', ŧ: 't', ƀ: 'b', ɨ: 'i', ʉ: 'u' };

const stripDiacritics = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øłđıħŧƀɨʉ]/g, (c) => UNDECOMPOSABLE[c] ?? c);

/** "Jürgen Groß-Öztürk" → "juergen gross-oeztuerk". */
export function foldSearchText(text: string): string {
  return stripDiacritics(text.toLowerCase().replace(/[äöüßẞæœ]/g, (c) => GERMAN[c] ?? c));
}

/** Maximum number of words of one query (each must match). */
export const MAX_SEARCH_TERMS = 8;

/**
 * The words of a search query, folded like the stored search text: every word must occur
 * (partially) in a row's `search_text`. Empty when the query has nothing to search for.
 */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  const words = foldSearchText(query)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** `%term%` for LIKE, with LIKE's wildcards escaped (ESCAPE '\'). */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The character tables of the SQL function: every precomposed Latin letter that folds to one
 * plain letter. Used to write the migration and to test that both sides agree.
 */
export function diacriticTranslateTables(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: Array<[number, number]> = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [start, end] of ranges) {
    for (let code = start; code <= end; code++) {
      const char = String.fromCodePoint(code);
      if ('äöüÄÖÜ'.includes(char)) {
        // the plain-vowel variant; the German one is replaced before the table applies
        from += char;
        to += stripDiacritics(char.toLowerCase());
        continue;
      }
      if (GERMAN[char.toLowerCase()] !== undefined) continue;
      const folded = stripDiacritics(char.toLowerCase());
      if (/^[a-z]$/.test(folded)) {
        from += char;
        to += folded;
      }
    }
  }
  return { from, to };
}
