import { DOCUMENT_NAME_MAX } from '@treffpunkt/contracts';

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides/isolates, zero-width characters and the BOM: they disguise extensions ("exe.pdf"). */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cuts to `max` characters (code points), keeping a short extension. */
function limit(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const ext = /\.[^.\s]{1,16}$/.exec(name)?.[0] ?? '';
  const extChars = [...ext];
  return (
    chars
      .slice(0, max - extChars.length)
      .join('')
      .trimEnd() + ext
  );
}

/**
 * A display name from whatever the client sent. Names are metadata only — files on disk are named
 * by their hash — but they end up in headers, lists and the user's download folder, so control
 * characters, invisible direction marks and path separators go, and the length is limited.
 */
export function displayName(raw: string | undefined | null, max = DOCUMENT_NAME_MAX, fallback = 'Unbenannt'): string {
  const name = (raw ?? '')
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(CONTROLS, '')
    .replace(INVISIBLE, '')
    .replace(/[\\/]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '' || /^\.+$/.test(name)) return fallback;
  return limit(name, max);
}

/** RFC 5987 attr-char: everything else is percent-encoded. */
const encodeRfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` per RFC 6266: an ASCII fallback `filename` for old clients and the exact
 * name as `filename*=UTF-8''…`. Nothing from the name can end the header or add a parameter.
 */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const safe = displayName(name);
  const ascii = safe
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
