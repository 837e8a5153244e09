import { Inject, Injectable } from '@nestjs/common';
import type { Role, SpaceRole, SpaceVisibility, UserStatus } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared.js';
import type { SpaceFacts } from './access.rules.js';

export interface SpaceFactsRow {
  id: string;
  visibility: SpaceVisibility;
  archived: boolean;
  membership: SpaceRole | null;
}

export interface SubjectRow {
  id: string;
  role: Role;
  organisationId: string;
  status: UserStatus;
}

/**
 * The person's role in a space, as an SQL expression: membership directly or through the
 * organisation; moderator wins ('moderator' > 'member' alphabetically, so max() picks the stronger
 * role). `space`, `userId` and `organisationId` are SQL expressions (a column, a parameter).
 * Exported for queries that read a thread together with its space's facts in one round trip.
 */
export function membershipSql(space: string, userId: string, organisationId: string): string {
  return `(SELECT max(m.role) FROM space_members m WHERE m.space_id = ${space} AND (m.user_id = ${userId} OR m.organisation_id = ${organisationId}))`;
}

/** The queries behind the access service; every answer is batched. */
@Injectable()
export class AccessRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** Facts of the given spaces for one person (membership directly or through the organisation; moderator wins). */
  async spaceFacts(userId: string, organisationId: string, spaceIds: string[], manager?: EntityManager): Promise<SpaceFactsRow[]> {
    if (spaceIds.length === 0) return [];
    const rows: Array<{ id: string; visibility: SpaceVisibility; archived: boolean; membership: SpaceRole | null }> = await queryPrepared(
      this.q(manager),
      `SELECT s.id, s.visibility, s.archived_at IS NOT NULL AS archived, ${membershipSql('s.id', '$1', '$2')} AS membership
         FROM spaces s WHERE s.id = ANY($3::uuid[])`,
      [userId, organisationId, spaceIds],
    );
    return rows;
  }

  /**
   * The facts of every space a person may see, before the rules are applied (candidates: every space
   * for admins, else network and staff spaces and those with a membership), in one round trip.
   */
  async candidateSpaceFacts(
    userId: string,
    organisationId: string,
    includeAll: boolean,
    manager?: EntityManager,
  ): Promise<SpaceFactsRow[]> {
    const membership = membershipSql('s.id', '$1', '$2');
    return queryPrepared(
      this.q(manager),
      `SELECT * FROM (SELECT s.id, s.visibility, s.archived_at IS NOT NULL AS archived, ${membership} AS membership FROM spaces s) c
        WHERE $3 OR c.visibility IN ('network', 'staff') OR c.membership IS NOT NULL`,
      [userId, organisationId, includeAll],
    );
  }

  /**
   * A space's facts for each of the given people who exist (their role, organisation, status and
   * membership), in one round trip: who may hear of something in the space (mentions, notifications).
   * Empty when the space does not exist.
   */
  async spaceFactsOfPeople(
    spaceId: string,
    userIds: string[],
    manager?: EntityManager,
  ): Promise<Array<SubjectRow & { facts: SpaceFacts }>> {
    if (userIds.length === 0) return [];
    const rows: Array<SubjectRow & { visibility: SpaceVisibility; archived: boolean; membership: SpaceRole | null }> = await queryPrepared(
      this.q(manager),
      `SELECT u.id, u.role, u.organisation_id AS "organisationId", u.status, s.visibility, s.archived_at IS NOT NULL AS archived,
              ${membershipSql('s.id', 'u.id', 'u.organisation_id')} AS membership
         FROM spaces s JOIN users u ON u.id = ANY($2::uuid[]) WHERE s.id = $1`,
      [spaceId, userIds],
    );
    return rows.map(({ visibility, archived, membership, ...subject }) => ({ ...subject, facts: { visibility, archived, membership } }));
  }

  async subjects(userIds: string[], manager?: EntityManager): Promise<SubjectRow[]> {
    if (userIds.length === 0) return [];
    return queryPrepared(
      this.q(manager),
      `SELECT id, role, organisation_id AS "organisationId", status FROM users WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
  }

  /**
   * A thread's space and that space's facts for one person, in one round trip (every request on a
   * thread starts here). Null when the thread does not exist.
   */
  async threadSpaceFacts(
    threadId: string,
    userId: string,
    organisationId: string,
    manager?: EntityManager,
  ): Promise<(SpaceFactsRow & { deleted: boolean }) | null> {
    const rows: Array<SpaceFactsRow & { deleted: boolean }> = await queryPrepared(
      this.q(manager),
      `SELECT s.id, s.visibility, s.archived_at IS NOT NULL AS archived, t.deleted_at IS NOT NULL AS deleted,
              ${membershipSql('s.id', '$2', '$3')} AS membership
         FROM threads t JOIN spaces s ON s.id = t.space_id WHERE t.id = $1`,
      [threadId, userId, organisationId],
    );
    return rows[0] ?? null;
  }

  async postThread(postId: string, manager?: EntityManager): Promise<{ threadId: string; spaceId: string; threadDeleted: boolean } | null> {
    const rows: Array<{ thread_id: string; space_id: string; deleted: boolean }> = await queryPrepared(
      this.q(manager),
      `SELECT p.thread_id, t.space_id, t.deleted_at IS NOT NULL AS deleted FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1`,
      [postId],
    );
    return rows[0] ? { threadId: rows[0].thread_id, spaceId: rows[0].space_id, threadDeleted: rows[0].deleted } : null;
  }

  /** The space of each meeting (null = network-wide); unknown ids are absent. */
  async meetingSpaces(meetingIds: string[], manager?: EntityManager): Promise<Map<string, string | null>> {
    if (meetingIds.length === 0) return new Map();
    const rows: Array<{ id: string; space_id: string | null }> = await queryPrepared(
      this.q(manager),
      'SELECT id, space_id FROM meetings WHERE id = ANY($1::uuid[])',
      [meetingIds],
    );
    return new Map(rows.map((r) => [r.id, r.space_id]));
  }
}
