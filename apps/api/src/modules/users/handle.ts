import { HANDLE_PATTERN } from '@treffpunkt/contracts';

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };

/** "Anna Schmidt-Müller" → "anna.schmidt-mueller" (valid for HANDLE_PATTERN, never empty). */
export function handleFromName(name: string): string {
  const base = name
    .replace(/[äöüßÄÖÜ]/g, (c) => TRANSLITERATION[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .replace(/\.{2,}/g, '.')
    .slice(0, 32)
    .replace(/[.-]+$/g, '');
  return HANDLE_PATTERN.test(base) ? base : 'person';
}

/** The base itself, or base + the smallest free number. */
export function firstFreeHandle(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}
