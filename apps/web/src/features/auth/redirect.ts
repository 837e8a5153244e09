import { WebPaths } from '@treffpunkt/contracts';

/**
 * Only same-site paths are allowed as `next`, so a crafted link cannot send someone
 * to another site after login (open redirect).
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === WebPaths.login || raw.startsWith(`${WebPaths.login}?`)) return '/';
  return raw;
}

export function loginPathFor(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === '/' ? WebPaths.login : `${WebPaths.login}?next=${encodeURIComponent(next)}`;
}
