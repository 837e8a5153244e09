import { Inject, Injectable } from '@nestjs/common';
import type { SpaceRole, SubscriptionLevel } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { SpaceMember } from './entities/space-member.entity.js';
import { SpaceSubscription } from './entities/space-subscription.entity.js';
import { Space } from './entities/space.entity.js';

export interface SpaceListRow extends Space {
  threadCount: number;
  unreadThreadCount: number;
  subscription: SubscriptionLevel | null;
}

export type MemberRow = SpaceMember & { user: SpaceMember['user'] & object; organisation: SpaceMember['organisation'] };

@Injectable()
export class SpacesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Space);
  }

  /** The given spaces with thread counts and the person's unread-thread count and subscription. */
  async listWithCounts(userId: string, spaceIds: string[]): Promise<SpaceListRow[]> {
    if (spaceIds.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT s.id, s.name, s.slug, s.description, s.visibility, s.case_retention_months, s.archived_at, s.created_at,
              count(t.id)::int AS thread_count,
              count(t.id) FILTER (WHERE t.last_seq > coalesce(r.last_read_seq, 0))::int AS unread_thread_count,
              sub.level AS subscription
         FROM spaces s
         LEFT JOIN threads t ON t.space_id = s.id AND t.deleted_at IS NULL
         LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
         LEFT JOIN space_subscriptions sub ON sub.space_id = s.id AND sub.user_id = $1
        WHERE s.id = ANY($2::uuid[])
        GROUP BY s.id, sub.level
        ORDER BY s.archived_at IS NOT NULL, s.name`,
      [userId, spaceIds],
    );
    return rows.map((r): SpaceListRow =>
      Object.assign(new Space(), {
        id: r.id as string,
        name: r.name as string,
        slug: r.slug as string,
        description: r.description as string,
        visibility: r.visibility as Space['visibility'],
        caseRetentionMonths: r.case_retention_months as number,
        archivedAt: r.archived_at as Date | null,
        createdAt: r.created_at as Date,
        threadCount: r.thread_count as number,
        unreadThreadCount: r.unread_thread_count as number,
        subscription: r.subscription as SubscriptionLevel | null,
      }),
    );
  }

  findById(id: string, manager?: EntityManager): Promise<Space | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  async slugExists(slug: string, manager?: EntityManager): Promise<boolean> {
    return (await this.repo(manager).count({ where: { slug } })) > 0;
  }

  async insert(
    values: Pick<Space, 'name' | 'slug' | 'description' | 'visibility' | 'caseRetentionMonths' | 'createdById'>,
    manager?: EntityManager,
  ): Promise<string> {
    const result = await this.repo(manager).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(
    id: string,
    values: Partial<Pick<Space, 'name' | 'description' | 'visibility' | 'caseRetentionMonths' | 'archivedAt'>>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ id }, values);
  }

  async members(spaceId: string): Promise<MemberRow[]> {
    const rows = await this.dataSource.getRepository(SpaceMember).find({
      where: { spaceId },
      relations: { user: { organisation: true }, organisation: true },
      order: { role: 'DESC', createdAt: 'ASC' },
    });
    return rows as MemberRow[];
  }

  findMember(spaceId: string, memberId: string, manager?: EntityManager): Promise<SpaceMember | null> {
    return (manager ?? this.dataSource.manager).getRepository(SpaceMember).findOne({ where: { id: memberId, spaceId } });
  }

  /** Adds or updates a membership (same person or organisation again changes the role). */
  async upsertMember(
    spaceId: string,
    subject: { userId: string } | { organisationId: string },
    role: SpaceRole,
    manager?: EntityManager,
  ): Promise<string> {
    const column = 'userId' in subject ? 'user_id' : 'organisation_id';
    const value = 'userId' in subject ? subject.userId : subject.organisationId;
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO space_members (space_id, ${column}, role) VALUES ($1, $2, $3)
       ON CONFLICT (space_id, ${column}) WHERE ${column} IS NOT NULL DO UPDATE SET role = EXCLUDED.role
       RETURNING id`,
      [spaceId, value, role],
    );
    return rows[0]!.id;
  }

  async removeMember(id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(SpaceMember).delete({ id });
  }

  async memberWithRelations(id: string): Promise<MemberRow | null> {
    const row = await this.dataSource
      .getRepository(SpaceMember)
      .findOne({ where: { id }, relations: { user: { organisation: true }, organisation: true } });
    return row as MemberRow | null;
  }

  async setSubscription(userId: string, spaceId: string, level: SubscriptionLevel, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(SpaceSubscription).upsert({ userId, spaceId, level }, ['userId', 'spaceId']);
  }
}
