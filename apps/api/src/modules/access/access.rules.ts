import {
  hasPermission,
  isStaff,
  type OrganisationType,
  type Role,
  type SpacePermissions,
  type SpaceRole,
  type SpaceVisibility,
} from '@treffpunkt/contracts';

/** What the access rules need to know about a person. */
export interface Subject {
  id: string;
  role: Role;
  organisationId: string;
}

/** What the access rules need to know about a space and the person's membership in it. */
export interface SpaceFacts {
  visibility: SpaceVisibility;
  archived: boolean;
  /** Strongest membership of the person (directly or through their organisation), if any. */
  membership: SpaceRole | null;
}

/** null = cannot see the space (and so gets 404 for it and everything inside). */
export type EffectiveRole = 'participant' | 'moderator' | null;

/**
 * The one definition of who sees a space and who moderates it.
 * - admins see and moderate everything;
 * - network spaces: every active user; staff spaces: admins, coordinators, advisors;
 *   private spaces: their members (people or whole organisations) only;
 * - coordinators moderate every space they can see; others moderate where they are a moderator member.
 */
export function effectiveRole(subject: Subject, space: SpaceFacts): EffectiveRole {
  if (subject.role === 'admin') return 'moderator';
  const visible =
    space.visibility === 'network' ||
    (space.visibility === 'staff' && isStaff(subject.role)) ||
    (space.visibility === 'private' && space.membership !== null);
  if (!visible) return null;
  if (subject.role === 'coordinator' || space.membership === 'moderator') return 'moderator';
  return 'participant';
}

/** Role-and-space permissions; resource state (locked threads, authorship) is checked by the services. */
export function spacePermissions(subject: Subject, space: SpaceFacts): SpacePermissions {
  const role = effectiveRole(subject, space);
  const open = role !== null && !space.archived;
  return {
    post: open,
    moderate: role === 'moderator',
    manage: role !== null && (subject.role === 'admin' || subject.role === 'coordinator'),
    createCase: open && isStaff(subject.role) && space.visibility !== 'network',
    createAnnouncement: open && role === 'moderator',
  };
}

/**
 * Who creates, edits, archives and unarchives an organisation of this type: admins every type,
 * coordinators partner organisations (every type but service points, the network's own).
 */
export function mayManageOrganisation(subject: Pick<Subject, 'role'>, type: OrganisationType): boolean {
  if (hasPermission(subject.role, 'organisations.manage')) return true;
  return type !== 'service_point' && hasPermission(subject.role, 'organisations.manage_partners');
}
