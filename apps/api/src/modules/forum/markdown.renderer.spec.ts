import { describe, expect, it } from '@jest/globals';
import { extractMentions, renderMarkdown } from './markdown.renderer.js';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('**fett** und _kursiv_\n\n- eins\n- zwei')).toBe(
      '<p><strong>fett</strong> und <em>kursiv</em></p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n',
    );
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[klick](javascript:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](JaVaScRiPt:alert(1))',
    '<iframe src="https://evil.example"></iframe>',
    '<div onclick="alert(1)">x</div>',
    '![x](https://evil.example/x.png" onerror="alert(1))',
  ])('renders %s harmless', (source) => {
    const html = renderMarkdown(source);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) {
      expect(tag).toMatch(/^<(p|a|br|code|pre|strong|em)\b/);
      expect(tag).not.toMatch(/\son\w+=/i);
      expect(tag).not.toMatch(/href="(javascript|data|vbscript):/i);
    }
    expect(html).not.toMatch(/<(script|iframe|img|div)/i);
  });

  it('gives external links rel="noopener noreferrer"', () => {
    expect(renderMarkdown('[BQFG](https://www.gesetze-im-internet.de/bqfg/)')).toBe(
      '<p><a href="https://www.gesetze-im-internet.de/bqfg/" rel="noopener noreferrer" target="_blank">BQFG</a></p>\n',
    );
    expect(renderMarkdown('siehe https://example.org')).toContain('rel="noopener noreferrer"');
  });

  it('links resolved mentions only, and not inside code or links', () => {
    const html = renderMarkdown('Hallo @anna.schmidt und @unbekannt, `@anna.schmidt` [@anna.schmidt](https://x.example)', [
      { handle: 'anna.schmidt', userId: 'u-1' },
    ]);
    expect(html).toContain('<a class="mention" href="/verzeichnis/personen/u-1" data-user-id="u-1">@anna.schmidt</a> und @unbekannt');
    expect(html).toContain('<code>@anna.schmidt</code>');
    expect(html.match(/class="mention"/g)).toHaveLength(1);
  });

  it('keeps quotes as blockquotes', () => {
    expect(renderMarkdown('> @anna schrieb:\n> Zitat')).toContain('<blockquote>');
  });
});

describe('extractMentions', () => {
  it('finds handles outside code, lower-cased, once each, not e-mail addresses', () => {
    expect(extractMentions('@Anna.Schmidt fragt @beratung; mail an x@example.org; `@code` @anna.schmidt.\n```\n@block\n```')).toEqual([
      'anna.schmidt',
      'beratung',
    ]);
  });
});
