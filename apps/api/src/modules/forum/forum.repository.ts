import { Inject, Injectable } from '@nestjs/common';
import type { SubscriptionLevel, ThreadKind } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserWithOrganisation } from '../users/users.repository.js';
import { Draft } from './entities/draft.entity.js';
import { PostRevision } from './entities/post-revision.entity.js';
import { Post } from './entities/post.entity.js';
import { ThreadSubscription } from './entities/thread-subscription.entity.js';
import { Thread } from './entities/thread.entity.js';

export type ThreadWithAuthor = Thread & { author: UserWithOrganisation };
export type PostWithRelations = Post & { author: UserWithOrganisation; replyToPost: (Post & { author: UserWithOrganisation }) | null };
export interface ThreadListRow {
  thread: ThreadWithAuthor;
  lastReadSeq: number | null;
  cursorTs: string;
}
export interface ThreadCursor {
  pinned: string;
  ts: string;
  id: string;
}

/**
 * What lists and pages show of a person (UserSummary): explicit columns instead of whole rows, so
 * password hashes, profiles and organisation descriptions are never read for a thread list.
 */
function authorSummaryColumns(user: string, organisation: string): string[] {
  return [
    `${user}.id`,
    `${user}.displayName`,
    `${user}.handle`,
    `${user}.role`,
    `${user}.organisationId`,
    `${organisation}.id`,
    `${organisation}.name`,
    `${organisation}.type`,
    `${organisation}.city`,
  ];
}

@Injectable()
export class ForumRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // ── threads ────────────────────────────────────────────────────────────────────────────────

  async insertThread(
    values: Pick<Thread, 'spaceId' | 'kind' | 'title' | 'authorId' | 'pseudonymCode' | 'retentionUntil'>,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(Thread).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async findThread(id: string, manager?: EntityManager): Promise<ThreadWithAuthor | null> {
    // one query (findOne with relations sends two), the author as a summary only
    const thread = await this.m(manager)
      .getRepository(Thread)
      .createQueryBuilder('t')
      .innerJoin('t.author', 'u')
      .innerJoin('u.organisation', 'o')
      .addSelect(authorSummaryColumns('u', 'o'))
      .where('t.id = :id', { id })
      .getOne();
    return thread as ThreadWithAuthor | null;
  }

  /** Locks the thread row: posts in one thread are numbered one after another. */
  async lockThread(id: string, manager: EntityManager): Promise<Thread | null> {
    return manager.getRepository(Thread).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
  }

  /** Pinned first, then by last activity; keyset-paginated. */
  async threadPage(spaceId: string, userId: string, limit: number, cursor?: ThreadCursor): Promise<ThreadListRow[]> {
    const qb = this.dataSource
      .getRepository(Thread)
      .createQueryBuilder('t')
      .innerJoin('t.author', 'u')
      .innerJoin('u.organisation', 'o')
      .addSelect(authorSummaryColumns('u', 'o'))
      .leftJoin('thread_reads', 'r', 'r.thread_id = t.id AND r.user_id = :userId', { userId })
      .addSelect('r.last_read_seq', 'last_read_seq')
      .addSelect('t.last_post_at::text', 'cursor_ts')
      .where('t.space_id = :spaceId', { spaceId })
      .andWhere('t.deleted_at IS NULL')
      .orderBy('t.pinned', 'DESC')
      .addOrderBy('t.last_post_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1);
    if (cursor) {
      qb.andWhere('(t.pinned, t.last_post_at, t.id) < (:pinned, CAST(:ts AS timestamptz), :id)', {
        pinned: cursor.pinned === '1',
        ts: cursor.ts,
        id: cursor.id,
      });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ last_read_seq: number | null; cursor_ts: string; t_id: string }>();
    const extra = new Map(raw.map((r) => [r.t_id, r]));
    return entities.map((thread) => ({
      thread: thread as ThreadWithAuthor,
      lastReadSeq: extra.get(thread.id)?.last_read_seq ?? null,
      cursorTs: extra.get(thread.id)?.cursor_ts ?? '',
    }));
  }

  async updateThread(
    id: string,
    values: Partial<
      Pick<Thread, 'title' | 'pinned' | 'locked' | 'deletedAt' | 'legalHoldReason' | 'legalHoldAt' | 'legalHoldById' | 'retentionUntil'>
    >,
    manager?: EntityManager,
  ): Promise<void> {
    await this.m(manager).getRepository(Thread).update({ id }, values);
  }

  /** Numbers the next post and records the activity; case threads get their retention date moved on. */
  async appendToThread(id: string, retentionMonths: number | null, manager: EntityManager): Promise<number> {
    const rows: Array<{ last_seq: number }> = await manager.query(
      // (wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING)
      `WITH updated AS (
         UPDATE threads SET last_seq = last_seq + 1, post_count = post_count + 1, last_post_at = now(), updated_at = now(),
                retention_until = CASE WHEN $2::int IS NULL THEN retention_until ELSE now() + make_interval(months => $2::int) END
          WHERE id = $1 RETURNING last_seq)
       SELECT last_seq FROM updated`,
      [id, retentionMonths],
    );
    return rows[0]!.last_seq;
  }

  async decrementPostCount(id: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET post_count = greatest(post_count - 1, 0) WHERE id = $1', [id]);
  }

  /** F-<year>-<n>: the next number of the year, gap-free under concurrency (row lock on the year). */
  async nextCaseNumber(year: number, manager: EntityManager): Promise<number> {
    const rows: Array<{ last_value: number }> = await manager.query(
      `INSERT INTO case_sequences (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = case_sequences.last_value + 1 RETURNING last_value`,
      [year],
    );
    return rows[0]!.last_value;
  }

  // ── posts ──────────────────────────────────────────────────────────────────────────────────

  async insertPost(
    values: Pick<Post, 'threadId' | 'seq' | 'authorId' | 'body' | 'bodyHtml' | 'replyToPostId'>,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(Post).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  private postQuery(manager?: EntityManager) {
    return this.m(manager)
      .getRepository(Post)
      .createQueryBuilder('p')
      .innerJoin('p.author', 'u')
      .innerJoin('u.organisation', 'o')
      .leftJoin('p.replyToPost', 'rp')
      .leftJoin('rp.author', 'ru')
      .leftJoin('ru.organisation', 'ro')
      .addSelect([...authorSummaryColumns('u', 'o'), 'rp.id', 'rp.seq', 'rp.authorId', ...authorSummaryColumns('ru', 'ro')]);
  }

  async findPost(id: string, manager?: EntityManager): Promise<PostWithRelations | null> {
    return (await this.postQuery(manager).where('p.id = :id', { id }).getOne()) as PostWithRelations | null;
  }

  async findPostInThread(threadId: string, postId: string, manager?: EntityManager): Promise<Post | null> {
    return this.m(manager)
      .getRepository(Post)
      .findOne({ where: { id: postId, threadId } });
  }

  async postPage(threadId: string, afterSeq: number, limit: number): Promise<PostWithRelations[]> {
    return (await this.postQuery()
      .where('p.thread_id = :threadId AND p.seq > :afterSeq', { threadId, afterSeq })
      .orderBy('p.seq', 'ASC')
      .limit(limit + 1)
      .getMany()) as PostWithRelations[];
  }

  async firstPostId(threadId: string, manager?: EntityManager): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.m(manager).query('SELECT id FROM posts WHERE thread_id = $1 AND seq = 1', [threadId]);
    return rows[0]?.id ?? null;
  }

  async updatePostBody(id: string, body: string, bodyHtml: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE posts SET body = $2, body_html = $3, edited_at = now(), updated_at = now(), revision_count = revision_count + 1 WHERE id = $1',
      [id, body, bodyHtml],
    );
  }

  async insertRevision(values: Pick<PostRevision, 'postId' | 'revision' | 'body' | 'editedById'>, manager: EntityManager): Promise<void> {
    await manager.getRepository(PostRevision).insert(values);
  }

  async softDeletePost(id: string, byUserId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE posts SET deleted_at = now(), deleted_by_id = $2, updated_at = now() WHERE id = $1 AND deleted_at IS NULL',
      [id, byUserId],
    );
  }

  async revisions(postId: string): Promise<Array<PostRevision & { editedBy: UserWithOrganisation }>> {
    const rows = await this.dataSource
      .getRepository(PostRevision)
      .find({ where: { postId }, relations: { editedBy: { organisation: true } }, order: { revision: 'DESC' } });
    return rows as Array<PostRevision & { editedBy: UserWithOrganisation }>;
  }

  async replaceMentions(postId: string, userIds: string[], manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM post_mentions WHERE post_id = $1', [postId]);
    if (userIds.length > 0) {
      await manager.query('INSERT INTO post_mentions (post_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
        postId,
        userIds,
      ]);
    }
  }

  /** Linked mentions of the given posts: post id → people. */
  async insertAttachments(postId: string, documentIds: string[], manager: EntityManager): Promise<void> {
    if (documentIds.length === 0) return;
    await manager.query('INSERT INTO post_attachments (post_id, document_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
      postId,
      documentIds,
    ]);
  }

  /** The given documents with their space and whether they (or a folder above them) are in the trash. */
  async attachableDocuments(documentIds: string[], manager: EntityManager): Promise<Array<{ id: string; spaceId: string; live: boolean }>> {
    if (documentIds.length === 0) return [];
    const rows: Array<{ id: string; space_id: string; live: boolean }> = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT d.id AS document_id, f.id, f.parent_id, f.deleted_at
           FROM documents d JOIN folders f ON f.id = d.folder_id WHERE d.id = ANY($1::uuid[])
         UNION ALL
         SELECT up.document_id, p.id, p.parent_id, p.deleted_at FROM folders p JOIN up ON p.id = up.parent_id
       )
       SELECT d.id, d.space_id,
              (d.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM up WHERE up.document_id = d.id AND up.deleted_at IS NOT NULL)) AS live
         FROM documents d WHERE d.id = ANY($1::uuid[])`,
      [documentIds],
    );
    return rows.map((r) => ({ id: r.id, spaceId: r.space_id, live: r.live }));
  }

  /** Attached documents per post (live ones, in attachment order by name), in one query. */
  async attachmentsOf(
    postIds: string[],
  ): Promise<Map<string, Array<{ documentId: string; name: string; size: number; contentType: string }>>> {
    const result = new Map<string, Array<{ documentId: string; name: string; size: number; contentType: string }>>();
    if (postIds.length === 0) return result;
    const rows: Array<{ post_id: string; document_id: string; name: string; size: string | number; content_type: string }> =
      await this.dataSource.query(
        `SELECT a.post_id, d.id AS document_id, d.name, v.size, v.content_type
           FROM post_attachments a
           JOIN documents d ON d.id = a.document_id
           JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
          WHERE a.post_id = ANY($1::uuid[]) AND d.deleted_at IS NULL
          ORDER BY d.name, d.id`,
        [postIds],
      );
    for (const row of rows) {
      const list = result.get(row.post_id) ?? [];
      list.push({ documentId: row.document_id, name: row.name, size: Number(row.size), contentType: row.content_type });
      result.set(row.post_id, list);
    }
    return result;
  }

  async mentionsOf(postIds: string[]): Promise<Map<string, Array<{ userId: string; handle: string; displayName: string }>>> {
    const result = new Map<string, Array<{ userId: string; handle: string; displayName: string }>>();
    if (postIds.length === 0) return result;
    const rows: Array<{ post_id: string; user_id: string; handle: string; display_name: string }> = await this.dataSource.query(
      'SELECT m.post_id, u.id AS user_id, u.handle, u.display_name FROM post_mentions m JOIN users u ON u.id = m.user_id WHERE m.post_id = ANY($1::uuid[]) ORDER BY u.handle',
      [postIds],
    );
    for (const row of rows) {
      const list = result.get(row.post_id) ?? [];
      list.push({ userId: row.user_id, handle: row.handle, displayName: row.display_name });
      result.set(row.post_id, list);
    }
    return result;
  }

  // ── read tracking and subscriptions ────────────────────────────────────────────────────────

  /** The person's read marker, or null when they never opened the thread. */
  async lastReadSeq(userId: string, threadId: string): Promise<number | null> {
    const rows: Array<{ last_read_seq: number }> = await this.dataSource.query(
      'SELECT last_read_seq FROM thread_reads WHERE user_id = $1 AND thread_id = $2',
      [userId, threadId],
    );
    return rows[0]?.last_read_seq ?? null;
  }

  /** Moves the read marker forward only. */
  async markRead(userId: string, threadId: string, seq: number, manager?: EntityManager): Promise<void> {
    await this.m(manager).query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read_seq = greatest(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()`,
      [userId, threadId, seq],
    );
  }

  async threadSubscription(userId: string, threadId: string): Promise<SubscriptionLevel | null> {
    const rows: Array<{ level: SubscriptionLevel }> = await this.dataSource.query(
      'SELECT level FROM thread_subscriptions WHERE user_id = $1 AND thread_id = $2',
      [userId, threadId],
    );
    return rows[0]?.level ?? null;
  }

  async setThreadSubscription(userId: string, threadId: string, level: SubscriptionLevel, manager?: EntityManager): Promise<void> {
    await this.m(manager).getRepository(ThreadSubscription).upsert({ userId, threadId, level }, ['userId', 'threadId']);
  }

  /** Authors and repliers watch automatically, unless they chose a level themselves (muted stays muted). */
  async watchUnlessChosen(userId: string, threadId: string, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO thread_subscriptions (user_id, thread_id, level) VALUES ($1, $2, 'watching') ON CONFLICT DO NOTHING`, [
      userId,
      threadId,
    ]);
  }

  // ── drafts ─────────────────────────────────────────────────────────────────────────────────

  findDraft(userId: string, target: { threadId: string } | { spaceId: string }): Promise<Draft | null> {
    return this.dataSource.getRepository(Draft).findOne({ where: { userId, ...target } });
  }

  async saveDraft(userId: string, target: { threadId: string } | { spaceId: string }, title: string | null, body: string): Promise<Draft> {
    const column = 'threadId' in target ? 'thread_id' : 'space_id';
    const value = 'threadId' in target ? target.threadId : target.spaceId;
    const rows: Array<{ title: string | null; body: string; updated_at: Date }> = await this.dataSource.query(
      `INSERT INTO drafts (user_id, ${column}, title, body, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id, ${column}) WHERE ${column} IS NOT NULL DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()
       RETURNING title, body, updated_at`,
      [userId, value, title, body],
    );
    return Object.assign(new Draft(), { userId, title: rows[0]!.title, body: rows[0]!.body, updatedAt: rows[0]!.updated_at });
  }

  async deleteDraft(userId: string, target: { threadId: string } | { spaceId: string }, manager?: EntityManager): Promise<void> {
    await this.m(manager)
      .getRepository(Draft)
      .delete({ userId, ...target });
  }

  // ── retention ──────────────────────────────────────────────────────────────────────────────

  async expiredCaseThreads(now: Date, limit: number): Promise<Array<{ id: string; spaceId: string; pseudonymCode: string | null }>> {
    const rows: Array<{ id: string; space_id: string; pseudonym_code: string | null }> = await this.dataSource.query(
      `SELECT id, space_id, pseudonym_code FROM threads
        WHERE kind = 'case' AND retention_until IS NOT NULL AND retention_until <= $1 AND legal_hold_at IS NULL
        ORDER BY retention_until LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({ id: r.id, spaceId: r.space_id, pseudonymCode: r.pseudonym_code }));
  }

  /** Deletes a thread for good: posts, revisions, mentions, reads, subscriptions and drafts go with it (FK cascades). */
  async purgeThread(id: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH deleted AS (DELETE FROM threads WHERE id = $1 AND legal_hold_at IS NULL RETURNING id) SELECT id FROM deleted`,
      [id],
    );
    return rows.length === 1;
  }

  kindOf(threadId: string): Promise<ThreadKind | null> {
    return this.dataSource
      .getRepository(Thread)
      .findOne({ where: { id: threadId }, select: { kind: true } })
      .then((t) => t?.kind ?? null);
  }
}
