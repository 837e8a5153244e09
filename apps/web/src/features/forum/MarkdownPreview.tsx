import type { Token } from 'markdown-it';
import { createElement, Fragment, type ReactNode } from 'react';
import { parseMarkdown } from './markdown';

/** Elements the preview may produce; anything else is rendered as its children only. */
const ALLOWED_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  's',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

const attr = (token: Token, name: string): string | null => {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
};

function attrsFor(token: Token): Record<string, string> {
  const props: Record<string, string> = {};
  if (token.tag === 'a') {
    const href = attr(token, 'href');
    if (href) props.href = href;
    const title = attr(token, 'title');
    if (title) props.title = title;
    props.rel = 'noopener noreferrer nofollow';
  } else if (token.tag === 'ol') {
    const start = attr(token, 'start');
    if (start) props.start = start;
  } else if (token.tag === 'th' || token.tag === 'td') {
    const align = /text-align:(left|right|center)/.exec(attr(token, 'style') ?? '')?.[1];
    if (align) props.className = `align-${align}`;
  }
  return props;
}

/**
 * Turns markdown-it tokens into React elements: text is always text (React escapes it) and
 * only the tags above can appear, so nothing typed into a post can become markup in the preview.
 */
function renderTokens(tokens: Token[], keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    const key = `${keyPrefix}-${String(index)}`;
    if (token.nesting === 1) {
      // Collect everything up to the matching closing token.
      let depth = 1;
      let end = index + 1;
      while (end < tokens.length && depth > 0) {
        depth += (tokens[end] as Token).nesting;
        if (depth > 0) end++;
      }
      const children = renderTokens(tokens.slice(index + 1, end), key);
      if (token.hidden || !ALLOWED_TAGS.has(token.tag)) out.push(createElement(Fragment, { key }, ...children));
      else out.push(createElement(token.tag, { key, ...attrsFor(token) }, ...children));
      index = end + 1;
      continue;
    }
    switch (token.type) {
      case 'inline':
        out.push(createElement(Fragment, { key }, ...renderTokens(token.children ?? [], key)));
        break;
      case 'text':
      case 'text_special':
      case 'html_inline':
      case 'html_block':
        out.push(token.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        out.push(createElement('br', { key }));
        break;
      case 'code_inline':
        out.push(createElement('code', { key }, token.content));
        break;
      case 'code_block':
      case 'fence':
        out.push(createElement('pre', { key }, createElement('code', null, token.content)));
        break;
      case 'hr':
        out.push(createElement('hr', { key }));
        break;
      case 'image': {
        // No remote images in the preview: show the description and the address as text.
        const alt = (token.children ?? []).map((child) => child.content).join('');
        out.push(`[${alt}](${attr(token, 'src') ?? ''})`);
        break;
      }
      default:
        if (token.content) out.push(token.content);
    }
    index++;
  }
  return out;
}

export function MarkdownPreview({ markdown }: { markdown: string }) {
  return <>{renderTokens(parseMarkdown(markdown), 'md')}</>;
}
