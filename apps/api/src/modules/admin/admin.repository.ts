import { Inject, Injectable } from '@nestjs/common';
import type { SpaceVisibility } from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';

export interface AdminSpaceRow {
  id: string;
  name: string;
  slug: string;
  visibility: SpaceVisibility;
  archivedAt: Date | null;
  memberCount: number;
  threadCount: number;
  createdAt: Date;
}

/** Read models of the administration screens that no feature module answers on its own. */
@Injectable()
export class AdminRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The given spaces with member and thread counts, active ones first, then by name. */
  async spacesOverview(spaceIds: string[]): Promise<AdminSpaceRow[]> {
    if (spaceIds.length === 0) return [];
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        name: string;
        slug: string;
        visibility: SpaceVisibility;
        archived_at: Date | null;
        member_count: number;
        thread_count: number;
        created_at: Date;
      }>
    >(
      `SELECT s.id, s.name, s.slug, s.visibility, s.archived_at, s.created_at,
              (SELECT count(*)::int FROM space_members m WHERE m.space_id = s.id) AS member_count,
              (SELECT count(*)::int FROM threads t WHERE t.space_id = s.id AND t.deleted_at IS NULL) AS thread_count
         FROM spaces s
        WHERE s.id = ANY($1::uuid[])
        ORDER BY s.archived_at IS NOT NULL, s.name, s.id`,
      [spaceIds],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      visibility: r.visibility,
      archivedAt: r.archived_at,
      memberCount: r.member_count,
      threadCount: r.thread_count,
      createdAt: r.created_at,
    }));
  }
}
