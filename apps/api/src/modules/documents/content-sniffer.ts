/** How much of the start of a file detection looks at (file-type needs a few KiB; office formats a bit more). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Detected types that are never stored: programs that would run on a colleague's machine, and
 * markup a browser would execute. Kept in code (not configuration) so a typo cannot open it up.
 */
export const DENIED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sharedlib',
  'application/x-executable',
  'application/wasm',
  'application/java-vm',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/x-deb',
  'application/x-rpm',
  'application/x.ms.shortcut',
  'application/x-ms-regedit',
  'application/vnd.ms-htmlhelp',
  'application/x-shockwave-flash',
  'text/html',
  'application/xhtml+xml',
  'text/x-shellscript',
]);

/** Shown in the browser when asked for (`?inline=true`); everything else is always an attachment. */
export const INLINE_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
]);

export interface Sniffed {
  contentType: string;
  /** Why the file is refused, or null when it may be stored. */
  denied: string | null;
}

const HTML_ANYWHERE = /<(script|html|iframe|frameset|object|embed)[\s/>]|<!doctype\s+html/i;
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p)[\s>]/i;
const SVG = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!doctype\s+svg[^>]*>\s*)*<svg[\s>]/i;
const SVG_ACTIVE = /<script|<foreignobject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|data:text\/html/i;
/** C0 controls other than tab, LF, FF, CR (and ESC, which some exports contain): binary, not text. */
const BINARY_BYTES = (byte: number) => byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte);

/** Decodes the head as text when it is text (UTF-8, UTF-16 with BOM or a legacy 8-bit encoding); null when binary. */
function asText(head: Buffer, complete: boolean): string | null {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    const le = head[0] === 0xff;
    const body = head.subarray(2, 2 + ((head.length - 2) & ~1));
    const swapped = le ? body : Buffer.from(body).swap16();
    return swapped.toString('utf16le');
  }
  let bytes = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  if (bytes.some(BINARY_BYTES) || bytes.includes(0x7f)) return null;
  if (!complete) {
    // a multi-byte character may be cut at the end of the sniffed part
    let cut = bytes.length;
    while (cut > 0 && bytes.length - cut < 3 && (bytes[cut - 1]! & 0xc0) === 0x80) cut--;
    if (cut > 0 && bytes[cut - 1]! >= 0xc0) bytes = bytes.subarray(0, cut - 1);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1'); // e.g. a Windows-1252 CSV export
  }
}

function looksLikeCsv(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 6);
  if (lines.length < 2) return false;
  const complete = text.endsWith('\n') ? lines : lines.slice(0, -1);
  if (complete.length < 2) return false;
  return [';', ',', '\t'].some((sep) => {
    const counts = complete.map((l) => l.split(sep).length - 1);
    return counts[0]! > 0 && counts.every((c) => c === counts[0]);
  });
}

/**
 * The content type from the bytes (the client's Content-Type and file name are never trusted).
 * Binary formats come from `file-type`; text formats it cannot see (HTML, SVG, plain text, CSV) from
 * a small sniffer that errs on the side of calling markup HTML.
 */
export async function sniffContentType(head: Buffer, totalSize: number): Promise<Sniffed> {
  if (totalSize === 0) return { contentType: 'application/octet-stream', denied: null };
  // file-type (with its tokenizers) is loaded with the first upload, not at start-up
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(head);
  if (detected && detected.mime !== 'application/xml') {
    return { contentType: detected.mime, denied: DENIED_CONTENT_TYPES.has(detected.mime) ? 'executable or active content' : null };
  }
  const text = asText(head, head.length >= totalSize);
  if (text === null) return { contentType: detected?.mime ?? 'application/octet-stream', denied: null };
  if (SVG.test(text) || (detected && /<svg[\s>]/i.test(text))) {
    return { contentType: 'image/svg+xml', denied: SVG_ACTIVE.test(text) ? 'SVG with scripts' : null };
  }
  if (HTML_START.test(text) || HTML_ANYWHERE.test(text)) {
    const contentType = detected ? 'application/xhtml+xml' : 'text/html';
    return { contentType, denied: 'HTML' };
  }
  if (detected) return { contentType: detected.mime, denied: null };
  if (text.startsWith('#!')) return { contentType: 'text/x-shellscript', denied: 'executable script' };
  return { contentType: looksLikeCsv(text) ? 'text/csv' : 'text/plain', denied: null };
}
