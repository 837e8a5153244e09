import type { Role } from './enums.js';

/**
 * Every role-level permission, defined once and shared by API and SPA so the UI hides
 * exactly what the API forbids. Resource-level rules (spaces, threads) live in the API's
 * access service on top of these.
 */
export const PERMISSIONS = [
  'admin.access',
  'users.invite',
  'users.invite.admin',
  'users.manage',
  /** Erase a person's personal data for good (GDPR). */
  'users.erase',
  /** Create, edit and archive organisations of every type. */
  'organisations.manage',
  /** Create, edit and archive partner organisations (every type but service points). */
  'organisations.manage_partners',
  'spaces.manage',
  'meetings.create',
  'audit.read',
  /** Record consultations; change or delete one's own within CONSULTATION_EDIT_DAYS. */
  'statistics.record',
  /** The statistics dashboard (advisors: their own service point only). */
  'statistics.view',
  /** Every consultation entry and every service point's statistics. */
  'statistics.view_all',
  /** Statistics without disclosure control (small counts shown exactly). */
  'statistics.exact',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [...PERMISSIONS],
  coordinator: [
    'users.invite',
    'organisations.manage_partners',
    'spaces.manage',
    'meetings.create',
    'statistics.record',
    'statistics.view',
    'statistics.view_all',
  ],
  advisor: ['statistics.record', 'statistics.view'],
  partner: [],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a person of `inviterRole` may invite (a coordinator cannot invite an admin). */
export function invitableRoles(inviterRole: Role): Role[] {
  if (!hasPermission(inviterRole, 'users.invite')) return [];
  return hasPermission(inviterRole, 'users.invite.admin')
    ? ['admin', 'coordinator', 'advisor', 'partner']
    : ['coordinator', 'advisor', 'partner'];
}
