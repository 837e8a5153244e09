import { Inject, Injectable } from '@nestjs/common';
import { hasPermission, isStaff, type OrganisationType, type SpacePermissions, type SpaceVisibility } from '@treffpunkt/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { forbidden, notFound } from '../../common/errors/domain-error.js';
import { effectiveRole, mayManageOrganisation, spacePermissions, type EffectiveRole, type SpaceFacts } from './access.rules.js';
import { AccessRepository, type SpaceFactsRow } from './access.repository.js';

export interface SpaceAccess {
  spaceId: string;
  visibility: SpaceVisibility;
  archived: boolean;
  role: Exclude<EffectiveRole, null>;
  permissions: SpacePermissions;
}

/** What a person may do with a meeting they can see. */
export interface MeetingAccess {
  meetingId: string;
  /** null = network-wide. */
  spaceId: string | null;
  /** Edit and cancel: coordinators and admins; in a space also its moderators (not in archived spaces). */
  manage: boolean;
}

/**
 * The one place that answers "which of these may this person see or change". Every path — REST,
 * search, mentions, notifications, sockets, downloads, calendar feeds — asks here.
 * Invisible → 404 (no existence oracle); visible but not allowed → 403.
 */
@Injectable()
export class AccessService {
  constructor(@Inject(AccessRepository) private readonly repository: AccessRepository) {}

  /** Access to each of the given spaces; invisible ones are absent from the map. */
  async spaces(user: AuthUser, spaceIds: string[], manager?: EntityManager): Promise<Map<string, SpaceAccess>> {
    return this.decideAll(user, await this.repository.spaceFacts(user.id, user.organisationId, [...new Set(spaceIds)], manager));
  }

  private decideAll(user: AuthUser, rows: SpaceFactsRow[]): Map<string, SpaceAccess> {
    const result = new Map<string, SpaceAccess>();
    for (const row of rows) {
      const access = this.decide(user, row);
      if (access) result.set(row.id, access);
    }
    return result;
  }

  /** The rules applied to one space's facts; null = invisible. */
  private decide(user: AuthUser, row: SpaceFactsRow): SpaceAccess | null {
    const facts: SpaceFacts = { visibility: row.visibility, archived: row.archived, membership: row.membership };
    const role = effectiveRole(user, facts);
    if (!role) return null;
    return { spaceId: row.id, visibility: row.visibility, archived: row.archived, role, permissions: spacePermissions(user, facts) };
  }

  /** Every space the person may see. */
  async visibleSpaces(user: AuthUser, manager?: EntityManager): Promise<Map<string, SpaceAccess>> {
    return this.decideAll(user, await this.repository.candidateSpaceFacts(user.id, user.organisationId, user.role === 'admin', manager));
  }

  async requireSpace(user: AuthUser, spaceId: string, manager?: EntityManager): Promise<SpaceAccess> {
    const access = (await this.spaces(user, [spaceId], manager)).get(spaceId);
    if (!access) throw notFound('Space');
    return access;
  }

  /**
   * `requireSpace` for facts read by the caller together with the space's content (the facts must
   * come from `membershipSql` for this person): null or invisible → 404.
   */
  spaceAccess(user: AuthUser, facts: SpaceFactsRow | null): SpaceAccess {
    const access = facts ? this.decide(user, facts) : null;
    if (!access) throw notFound('Space');
    return access;
  }

  /** The thread's space access; deleted threads and threads in invisible spaces are 404. */
  async requireThread(user: AuthUser, threadId: string, manager?: EntityManager): Promise<SpaceAccess> {
    return this.threadAccess(user, await this.repository.threadSpaceFacts(threadId, user.id, user.organisationId, manager));
  }

  /**
   * `requireThread` for facts read by the caller together with the thread (one round trip instead
   * of two; the facts must come from `membershipSql` for this person): null, deleted or invisible → 404.
   */
  threadAccess(user: AuthUser, facts: (SpaceFactsRow & { deleted: boolean }) | null): SpaceAccess {
    const access = facts && !facts.deleted ? this.decide(user, facts) : null;
    if (!access) throw notFound('Thread');
    return access;
  }

  async requirePost(user: AuthUser, postId: string, manager?: EntityManager): Promise<SpaceAccess & { threadId: string }> {
    const post = await this.repository.postThread(postId, manager);
    if (!post || post.threadDeleted) throw notFound('Post');
    const access = (await this.spaces(user, [post.spaceId], manager)).get(post.spaceId);
    if (!access) throw notFound('Post');
    return { ...access, threadId: post.threadId };
  }

  /** 403 unless the permission holds (the space is visible at this point). */
  assert(access: SpaceAccess, permission: keyof SpacePermissions, message?: string): void {
    if (!access.permissions[permission]) throw forbidden(message);
  }

  /** Of the given people, those who can see the space (active accounts only). For mentions and notifications. */
  async usersWhoCanSee(spaceId: string, userIds: string[], manager?: EntityManager): Promise<Set<string>> {
    const visible = new Set<string>();
    for (const { facts, ...subject } of await this.repository.spaceFactsOfPeople(spaceId, [...new Set(userIds)], manager)) {
      if (subject.status === 'active' && effectiveRole(subject, facts)) visible.add(subject.id);
    }
    return visible;
  }

  /**
   * Meetings follow their space: visible exactly when the space is. Network-wide meetings (no
   * space) are visible to all staff. Invisible ones are absent from the map.
   */
  async meetings(user: AuthUser, meetingIds: string[], manager?: EntityManager): Promise<Map<string, MeetingAccess>> {
    const scopes = await this.repository.meetingSpaces([...new Set(meetingIds)], manager);
    const spaceIds = [...new Set([...scopes.values()].filter((id): id is string => id !== null))];
    const spaces = await this.spaces(user, spaceIds, manager);
    const result = new Map<string, MeetingAccess>();
    for (const [meetingId, spaceId] of scopes) {
      const manage = this.meetingScope(user, spaceId, spaces);
      if (manage !== null) result.set(meetingId, { meetingId, spaceId, manage });
    }
    return result;
  }

  async requireMeeting(user: AuthUser, meetingId: string, manager?: EntityManager): Promise<MeetingAccess> {
    const access = (await this.meetings(user, [meetingId], manager)).get(meetingId);
    if (!access) throw notFound('Meeting');
    return access;
  }

  /** May the person announce a meeting in this space (or network-wide for null)? 404 for an invisible space, else 403. */
  async requireMeetingCreation(user: AuthUser, spaceId: string | null, manager?: EntityManager): Promise<void> {
    if (spaceId === null) {
      // there is no space to hide: the rule is a role permission
      if (!hasPermission(user.role, 'meetings.create')) throw forbidden('Only coordinators and admins announce network-wide meetings');
      return;
    }
    const manage = this.meetingScope(user, spaceId, await this.spaces(user, [spaceId], manager));
    if (manage === null) throw notFound('Space');
    if (!manage) throw forbidden('Only coordinators, admins and moderators of the space announce meetings');
  }

  /** null = invisible; otherwise whether the person manages meetings there. */
  private meetingScope(user: AuthUser, spaceId: string | null, spaces: Map<string, SpaceAccess>): boolean | null {
    if (spaceId === null) return isStaff(user.role) ? hasPermission(user.role, 'meetings.create') : null;
    const space = spaces.get(spaceId);
    if (!space) return null;
    return space.permissions.createAnnouncement;
  }

  /** May the person create, edit or archive an organisation of this type (organisations are visible to all)? */
  mayManageOrganisation(user: AuthUser, type: OrganisationType): boolean {
    return mayManageOrganisation(user, type);
  }

  /** 403 unless the person may manage organisations of every given type (e.g. the old and the new type). */
  requireOrganisationManagement(user: AuthUser, ...types: OrganisationType[]): void {
    if (!types.every((type) => mayManageOrganisation(user, type))) {
      throw forbidden('Only admins manage service points; coordinators manage partner organisations');
    }
  }

  /** Network-wide meetings are for staff only: partners never see or hear of them. */
  async usersWhoCanSeeMeeting(spaceId: string | null, userIds: string[], manager?: EntityManager): Promise<Set<string>> {
    if (spaceId !== null) return this.usersWhoCanSee(spaceId, userIds, manager);
    const subjects = await this.repository.subjects([...new Set(userIds)], manager);
    return new Set(subjects.filter((s) => s.status === 'active' && isStaff(s.role)).map((s) => s.id));
  }
}
