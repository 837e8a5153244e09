import { describe, expect, it } from '@jest/globals';
import { ORGANISATION_TYPES, type Role, type SpaceRole, type SpaceVisibility } from '@treffpunkt/contracts';
import { effectiveRole, mayManageOrganisation, spacePermissions, type SpaceFacts } from './access.rules.js';

const subject = (role: Role) => ({ id: 'u', role, organisationId: 'o' });
const space = (visibility: SpaceVisibility, membership: SpaceRole | null = null, archived = false): SpaceFacts => ({
  visibility,
  membership,
  archived,
});

describe('effectiveRole', () => {
  it.each<[Role, SpaceVisibility, SpaceRole | null, ReturnType<typeof effectiveRole>]>([
    ['admin', 'network', null, 'moderator'],
    ['admin', 'staff', null, 'moderator'],
    ['admin', 'private', null, 'moderator'],
    ['coordinator', 'network', null, 'moderator'],
    ['coordinator', 'staff', null, 'moderator'],
    ['coordinator', 'private', null, null],
    ['coordinator', 'private', 'member', 'moderator'],
    ['advisor', 'network', null, 'participant'],
    ['advisor', 'staff', null, 'participant'],
    ['advisor', 'private', null, null],
    ['advisor', 'private', 'member', 'participant'],
    ['advisor', 'private', 'moderator', 'moderator'],
    ['advisor', 'network', 'moderator', 'moderator'],
    ['partner', 'network', null, 'participant'],
    ['partner', 'staff', null, null],
    ['partner', 'staff', 'member', null],
    ['partner', 'staff', 'moderator', null],
    ['partner', 'private', null, null],
    ['partner', 'private', 'member', 'participant'],
    ['partner', 'private', 'moderator', 'moderator'],
  ])('%s in a %s space with membership %s → %s', (role, visibility, membership, expected) => {
    expect(effectiveRole(subject(role), space(visibility, membership))).toBe(expected);
  });
});

describe('spacePermissions', () => {
  it('lets nobody post into an archived space, not even admins', () => {
    expect(spacePermissions(subject('admin'), space('network', null, true)).post).toBe(false);
    expect(spacePermissions(subject('admin'), space('network', null, true)).moderate).toBe(true);
  });

  it('allows case threads only to staff and only outside network spaces', () => {
    expect(spacePermissions(subject('advisor'), space('staff')).createCase).toBe(true);
    expect(spacePermissions(subject('advisor'), space('private', 'member')).createCase).toBe(true);
    expect(spacePermissions(subject('advisor'), space('network')).createCase).toBe(false);
    expect(spacePermissions(subject('partner'), space('private', 'moderator')).createCase).toBe(false);
  });

  it('allows announcements to moderators only', () => {
    expect(spacePermissions(subject('coordinator'), space('network')).createAnnouncement).toBe(true);
    expect(spacePermissions(subject('advisor'), space('network')).createAnnouncement).toBe(false);
    expect(spacePermissions(subject('partner'), space('private', 'moderator')).createAnnouncement).toBe(true);
  });

  it('lets admins and coordinators manage the spaces they see, and nobody else', () => {
    expect(spacePermissions(subject('coordinator'), space('staff')).manage).toBe(true);
    expect(spacePermissions(subject('coordinator'), space('private')).manage).toBe(false);
    expect(spacePermissions(subject('advisor'), space('private', 'moderator')).manage).toBe(false);
    expect(spacePermissions(subject('admin'), space('private')).manage).toBe(true);
  });

  it('gives no permission at all on an invisible space', () => {
    expect(spacePermissions(subject('partner'), space('staff'))).toEqual({
      post: false,
      moderate: false,
      manage: false,
      createCase: false,
      createAnnouncement: false,
    });
  });
});

describe('mayManageOrganisation', () => {
  it('lets admins manage organisations of every type', () => {
    for (const type of ORGANISATION_TYPES) expect(mayManageOrganisation(subject('admin'), type)).toBe(true);
  });

  it('lets coordinators manage partner organisations but not service points', () => {
    expect(mayManageOrganisation(subject('coordinator'), 'service_point')).toBe(false);
    for (const type of ORGANISATION_TYPES.filter((t) => t !== 'service_point')) {
      expect(mayManageOrganisation(subject('coordinator'), type)).toBe(true);
    }
  });

  it('lets advisors and partners manage no organisation, not even their own', () => {
    for (const type of ORGANISATION_TYPES) {
      expect(mayManageOrganisation(subject('advisor'), type)).toBe(false);
      expect(mayManageOrganisation(subject('partner'), type)).toBe(false);
    }
  });
});
