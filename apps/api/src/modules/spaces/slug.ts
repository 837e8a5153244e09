import { SLUG_PATTERN } from '@treffpunkt/contracts';

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** "Arbeitsgruppe Pflege & Anerkennung" → "arbeitsgruppe-pflege-anerkennung". */
export function slugFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => TRANSLITERATION[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return SLUG_PATTERN.test(slug) ? slug : 'bereich';
}
