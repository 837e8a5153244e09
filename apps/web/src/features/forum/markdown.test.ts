import { describe, expect, it } from 'vitest';
import { applyFormat, completeMention, insertBlock, mentionAt, quoteBlock } from './markdown';

const at = (value: string, start: number, end = start) => ({ value, selectionStart: start, selectionEnd: end });

describe('markdown editing helpers', () => {
  it('wraps the selection in bold, italic and inline code', () => {
    expect(applyFormat('bold', at('ein Wort hier', 4, 8))).toEqual({ value: 'ein **Wort** hier', selectionStart: 6, selectionEnd: 10 });
    expect(applyFormat('italic', at('Wort', 0, 4)).value).toBe('_Wort_');
    expect(applyFormat('code', at('npm test', 0, 8)).value).toBe('`npm test`');
    // Nothing selected: the markers go in and the caret sits between them.
    expect(applyFormat('bold', at('a', 1))).toEqual({ value: 'a****', selectionStart: 3, selectionEnd: 3 });
  });

  it('builds links with the URL selected for replacement', () => {
    const edit = applyFormat('link', at('siehe BAMF', 6, 10));
    expect(edit.value).toBe('siehe [BAMF](https://)');
    expect(edit.value.slice(edit.selectionStart, edit.selectionEnd)).toBe('https://');
  });

  it('prefixes whole lines for lists and quotes, on a block of their own', () => {
    expect(applyFormat('list', at('eins\nzwei', 0, 9)).value).toBe('- eins\n- zwei');
    expect(applyFormat('quote', at('Text davor\nZitat', 13)).value).toBe('Text davor\n\n> Zitat');
  });

  it('fences multi-line code', () => {
    expect(applyFormat('code', at('a\nb', 0, 3)).value).toBe('```\na\nb\n```\n');
  });

  it('finds the @mention before the caret and completes it', () => {
    expect(mentionAt('Hallo @an', 9)).toEqual({ start: 6, query: 'an' });
    expect(mentionAt('mail@example.org', 16)).toBeNull();
    expect(mentionAt('Hallo @', 7)).toBeNull();
    const mention = mentionAt('Hallo @an und', 9);
    expect(mention).not.toBeNull();
    if (mention) expect(completeMention('Hallo @an und', mention, 'anton.berg').value).toBe('Hallo @anton.berg und');
  });

  it('quotes a post with an attribution line', () => {
    expect(quoteBlock('@anna schrieb:', 'Zeile 1\n\nZeile 2\n')).toBe('@anna schrieb:\n> Zeile 1\n>\n> Zeile 2\n\n');
    expect(insertBlock(at('Hallo', 5), 'Q\n').value).toBe('Hallo\n\nQ\n');
  });
});
