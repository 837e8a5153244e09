import { hasPermission, type Role } from '@treffpunkt/contracts';

export type AdminTab = 'people' | 'invitations' | 'organisations' | 'spaces' | 'audit';

/** Paths of the administration area (below /verwaltung). */
export const AdminPaths = {
  root: '/verwaltung',
  people: '/verwaltung/personen',
  person: (id: string) => `/verwaltung/personen/${encodeURIComponent(id)}`,
  invitations: '/verwaltung/einladungen',
  spaces: '/verwaltung/bereiche',
  audit: '/verwaltung/protokoll',
  /** Organisations are administered on the directory's organisation pages. */
  organisations: '/verzeichnis/organisationen',
} as const;

/** The tabs a role sees, in order: each one only with the permission its screen needs. */
export function adminTabs(role: Role): AdminTab[] {
  const tabs: AdminTab[] = [];
  if (hasPermission(role, 'users.manage')) tabs.push('people');
  if (hasPermission(role, 'users.invite')) tabs.push('invitations');
  if (hasPermission(role, 'organisations.manage') || hasPermission(role, 'organisations.manage_partners')) tabs.push('organisations');
  if (hasPermission(role, 'spaces.manage')) tabs.push('spaces');
  if (hasPermission(role, 'audit.read')) tabs.push('audit');
  return tabs;
}

export const tabPath: Record<AdminTab, string> = {
  people: AdminPaths.people,
  invitations: AdminPaths.invitations,
  organisations: AdminPaths.organisations,
  spaces: AdminPaths.spaces,
  audit: AdminPaths.audit,
};
