import MarkdownIt, { type Token } from 'markdown-it';

/**
 * Preview parser. `html: false` keeps any HTML typed into a post as text, so the preview can never
 * inject markup; markdown-it's link validation already drops javascript:/vbscript:/data: URLs.
 * What is shown after saving is the server's sanitised HTML, not this.
 */
const previewParser = new MarkdownIt({ html: false, linkify: true, breaks: true });

/** Tokens for the preview (rendered into React elements by MarkdownPreview, never as an HTML string). */
export function parseMarkdown(markdown: string): Token[] {
  return previewParser.parse(markdown, {});
}

export type FormatKind = 'bold' | 'italic' | 'link' | 'list' | 'quote' | 'code';
export const FORMAT_KINDS: readonly FormatKind[] = ['bold', 'italic', 'link', 'list', 'quote', 'code'];

export interface TextEdit {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

function wrap(edit: TextEdit, before: string, after: string): TextEdit {
  const { value, selectionStart: start, selectionEnd: end } = edit;
  const selected = value.slice(start, end);
  return {
    value: `${value.slice(0, start)}${before}${selected}${after}${value.slice(end)}`,
    selectionStart: start + before.length,
    selectionEnd: end + before.length,
  };
}

/** Expands the selection to whole lines and prefixes each with `prefix`. */
function prefixLines(edit: TextEdit, prefix: string): TextEdit {
  const { value, selectionStart, selectionEnd } = edit;
  const lineStart = value.lastIndexOf('\n', selectionStart - 1) + 1;
  const nextBreak = value.indexOf(
    '\n',
    selectionEnd > selectionStart && value[selectionEnd - 1] === '\n' ? selectionEnd - 1 : selectionEnd,
  );
  const lineEnd = nextBreak === -1 ? value.length : nextBreak;
  const block = value.slice(lineStart, lineEnd);
  const prefixed = block
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
  // A block needs an empty line before it unless it starts the text.
  const before = value.slice(0, lineStart);
  const separator = before === '' || before.endsWith('\n\n') ? '' : '\n';
  const next = `${before}${separator}${prefixed}${value.slice(lineEnd)}`;
  const start = lineStart + separator.length;
  return { value: next, selectionStart: block === '' ? start + prefix.length : start, selectionEnd: start + prefixed.length };
}

/** What each toolbar button does to the text and the selection (pure, for tests). */
export function applyFormat(kind: FormatKind, edit: TextEdit): TextEdit {
  const { value, selectionStart: start, selectionEnd: end } = edit;
  const selected = value.slice(start, end);
  switch (kind) {
    case 'bold':
      return wrap(edit, '**', '**');
    case 'italic':
      return wrap(edit, '_', '_');
    case 'link': {
      const url = 'https://';
      const text = `[${selected}](${url})`;
      const next = `${value.slice(0, start)}${text}${value.slice(end)}`;
      // With text selected the URL is what is missing; without, the link text is.
      return selected
        ? { value: next, selectionStart: start + selected.length + 3, selectionEnd: start + selected.length + 3 + url.length }
        : { value: next, selectionStart: start + 1, selectionEnd: start + 1 };
    }
    case 'list':
      return prefixLines(edit, '- ');
    case 'quote':
      return prefixLines(edit, '> ');
    case 'code': {
      if (selected.includes('\n')) {
        const before = value.slice(0, start);
        const lead = before === '' || before.endsWith('\n') ? '' : '\n';
        const fenced = `${lead}\`\`\`\n${selected}\n\`\`\`\n`;
        return {
          value: `${before}${fenced}${value.slice(end)}`,
          selectionStart: start + lead.length + 4,
          selectionEnd: start + lead.length + 4 + selected.length,
        };
      }
      return wrap(edit, '`', '`');
    }
  }
}

/** Inserts text at the selection, replacing it; the caret ends after the insertion. */
export function insertAt(edit: TextEdit, text: string): TextEdit {
  const { value, selectionStart: start, selectionEnd: end } = edit;
  const next = `${value.slice(0, start)}${text}${value.slice(end)}`;
  return { value: next, selectionStart: start + text.length, selectionEnd: start + text.length };
}

/** A Markdown blockquote of a post with an attribution line, ready to insert into a composer. */
export function quoteBlock(attribution: string, body: string): string {
  const quoted = body
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  return `${attribution}\n${quoted}\n\n`;
}

/** Inserts a block (quote) at the caret, on its own lines. */
export function insertBlock(edit: TextEdit, block: string): TextEdit {
  const before = edit.value.slice(0, edit.selectionStart);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  return insertAt(edit, `${lead}${block}`);
}

export interface MentionQuery {
  /** Index of the "@". */
  start: number;
  /** Letters typed after the "@". */
  query: string;
}

/** The @-mention being typed right before the caret, if any ("@" + at least one letter). */
export function mentionAt(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const match = /(^|[^\w@.])@([\p{L}\p{N}._-]{1,40})$/u.exec(before);
  if (!match?.[2]) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

/** Replaces the typed "@que" with "@handle ". */
export function completeMention(value: string, mention: MentionQuery, handle: string): TextEdit {
  const end = mention.start + 1 + mention.query.length;
  const insert = `@${handle} `;
  const rest = value.slice(end);
  const next = `${value.slice(0, mention.start)}${insert}${rest.startsWith(' ') ? rest.slice(1) : rest}`;
  const caret = mention.start + insert.length;
  return { value: next, selectionStart: caret, selectionEnd: caret };
}
