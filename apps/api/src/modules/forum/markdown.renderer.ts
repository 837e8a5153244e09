import { createRequire } from 'node:module';
import type MarkdownItConstructor from 'markdown-it';
import type { StateCore } from 'markdown-it';
import type sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../../common/text/escape-html.js';

/** Characters that may form a handle after "@" (see HANDLE_PATTERN in the contracts). */
const MENTION = /(^|[^\w@/])@([a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?)/gi;

export interface ResolvedMention {
  handle: string;
  userId: string;
}

/** Handles written as @handle outside code, lower-cased and de-duplicated, in order of appearance. */
export function extractMentions(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const handles = new Set<string>();
  for (const match of withoutCode.matchAll(MENTION)) handles.add(match[2]!.toLowerCase());
  return [...handles];
}

interface RenderEnv extends Record<PropertyKey, unknown> {
  mentions?: Map<string, string>;
}

/**
 * markdown-it and sanitize-html (with postcss) are loaded when the first text is rendered, not at
 * start-up: most processes of the API render nothing for a while (and jobs never do). Both are
 * CommonJS, so they load synchronously.
 */
const load = createRequire(import.meta.url);
type MarkdownIt = ReturnType<typeof MarkdownItConstructor>;
interface Engine {
  markdown: MarkdownIt;
  sanitize: typeof sanitizeHtml;
}
let engine: Engine | undefined;

function renderer(): Engine {
  if (engine) return engine;
  const Markdown = load('markdown-it') as typeof MarkdownItConstructor;
  const markdown = new Markdown({ html: false, linkify: true, breaks: true, typographer: false });
  markdown.core.ruler.push('mentions', mentionRule);
  engine = { markdown, sanitize: load('sanitize-html') as typeof sanitizeHtml };
  return engine;
}

/** Core rule: turns @handle in text (not in links or code) into a link when the handle was resolved. */
const mentionRule = (state: StateCore): void => {
  const mentions = (state.env as RenderEnv).mentions ?? new Map<string, string>();
  if (mentions.size === 0) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let inLink = 0;
    const children: typeof block.children = [];
    for (const token of block.children) {
      if (token.type === 'link_open') inLink++;
      if (token.type === 'link_close') inLink--;
      if (token.type !== 'text' || inLink > 0) {
        children.push(token);
        continue;
      }
      const text = token.content;
      let last = 0;
      for (const match of text.matchAll(MENTION)) {
        const userId = mentions.get(match[2]!.toLowerCase());
        if (!userId) continue;
        const at = match.index + match[1]!.length;
        if (at > last) children.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(last, at) }));
        const html = `<a class="mention" href="/verzeichnis/personen/${encodeURIComponent(userId)}" data-user-id="${escapeHtml(userId)}">@${escapeHtml(match[2]!)}</a>`;
        children.push(Object.assign(new state.Token('html_inline', '', 0), { content: html }));
        last = at + 1 + match[2]!.length;
      }
      if (last === 0) children.push(token);
      else if (last < text.length) children.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(last) }));
    }
    block.children = children;
  }
};

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
  ],
  allowedAttributes: { a: ['href', 'title', 'class', 'data-user-id'], span: ['class'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => {
      const internal = (attribs.href ?? '').startsWith('/');
      return { tagName, attribs: internal ? attribs : { ...attribs, rel: 'noopener noreferrer', target: '_blank' } };
    },
  },
};
// rel and target are added by the transform, so they must be allowed too
SANITIZE.allowedAttributes = {
  ...(SANITIZE.allowedAttributes as Record<string, string[]>),
  a: ['href', 'title', 'class', 'data-user-id', 'rel', 'target'],
};

/**
 * Markdown → sanitised HTML. Raw HTML in the source is escaped by markdown-it (html: false) and the
 * result goes through sanitize-html anyway, so no script, event handler or javascript: URL survives.
 * Resolved mentions become links to the person; unresolved ones stay plain text.
 */
export function renderMarkdown(source: string, mentions: ResolvedMention[] = []): string {
  const env: RenderEnv = { mentions: new Map(mentions.map((m) => [m.handle.toLowerCase(), m.userId])) };
  const { markdown, sanitize } = renderer();
  return sanitize(markdown.render(source, env), SANITIZE);
}
