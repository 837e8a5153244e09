import { describe, expect, it } from '@jest/globals';
import { ROLES } from './enums.js';
import { hasPermission, invitableRoles, PERMISSIONS } from './permissions.js';

describe('role permissions', () => {
  it('gives admins every permission', () => {
    for (const permission of PERMISSIONS) expect(hasPermission('admin', permission)).toBe(true);
  });

  it('lets coordinators invite and manage spaces but not administer users or read the audit log', () => {
    expect(hasPermission('coordinator', 'users.invite')).toBe(true);
    expect(hasPermission('coordinator', 'spaces.manage')).toBe(true);
    expect(hasPermission('coordinator', 'users.manage')).toBe(false);
    expect(hasPermission('coordinator', 'admin.access')).toBe(false);
    expect(hasPermission('coordinator', 'audit.read')).toBe(false);
  });

  it('gives partners no role-level permission and advisors only recording and their own statistics', () => {
    for (const permission of PERMISSIONS) {
      expect(hasPermission('partner', permission)).toBe(false);
      expect(hasPermission('advisor', permission)).toBe(permission === 'statistics.record' || permission === 'statistics.view');
    }
  });

  it('shows every service point to coordinators, but exact small counts only to admins', () => {
    expect(hasPermission('coordinator', 'statistics.view_all')).toBe(true);
    expect(hasPermission('coordinator', 'statistics.exact')).toBe(false);
    expect(hasPermission('advisor', 'statistics.view_all')).toBe(false);
    expect(hasPermission('admin', 'statistics.exact')).toBe(true);
  });
});

describe('invitableRoles', () => {
  it('lets an admin invite every role', () => {
    expect(invitableRoles('admin').sort()).toEqual([...ROLES].sort());
  });

  it('never lets a coordinator invite an admin', () => {
    expect(invitableRoles('coordinator')).not.toContain('admin');
    expect(invitableRoles('coordinator')).toEqual(expect.arrayContaining(['coordinator', 'advisor', 'partner']));
  });

  it('lets nobody else invite', () => {
    expect(invitableRoles('advisor')).toEqual([]);
    expect(invitableRoles('partner')).toEqual([]);
  });
});
