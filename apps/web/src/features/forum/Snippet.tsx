import type { ReactNode } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references of HTML-escaped text into plain text (nothing else). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Renders a search snippet: `<mark>`/`</mark>` become <mark> elements, everything else is
 * text — a `<script>` in a snippet stays visible text. Never uses dangerouslySetInnerHTML.
 */
export function Snippet({ html }: { html: string }) {
  const parts = html.split(/(<mark>|<\/mark>)/);
  const nodes: ReactNode[] = [];
  let marked = false;
  parts.forEach((part, index) => {
    if (part === '<mark>') {
      marked = true;
      return;
    }
    if (part === '</mark>') {
      marked = false;
      return;
    }
    if (!part) return;
    const text = decodeEntities(part);
    nodes.push(marked ? <mark key={index}>{text}</mark> : text);
  });
  return <span className="snippet">{nodes}</span>;
}
