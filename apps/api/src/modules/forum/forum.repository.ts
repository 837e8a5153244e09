import { Inject, Injectable } from '@nestjs/common';
import type { OrganisationType, Role, SubscriptionLevel, ThreadKind } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared.js';
import { membershipSql, type SpaceFactsRow } from '../access/access.repository.js';
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
export interface MentionRow {
  userId: string;
  handle: string;
  displayName: string;
}
export interface AttachmentRow {
  documentId: string;
  name: string;
  size: number;
  contentType: string;
}
/** A thread as one reader sees it: the row, its space's facts for the access rules, their read marker and subscription. */
export interface ThreadForReader {
  thread: ThreadWithAuthor;
  facts: SpaceFactsRow & { deleted: boolean };
  lastReadSeq: number | null;
  subscription: SubscriptionLevel | null;
}
/** What a reply writes (ForumRepository.appendReply). */
export interface ReplyValues {
  threadId: string;
  authorId: string;
  body: string;
  bodyHtml: string;
  replyToPostId: string | null;
  /** Case threads: the retention date moves to this many months from now. */
  retentionMonths: number | null;
  mentionedUserIds: string[];
  attachmentIds: string[];
}
/** Why a reply was not written: the thread is gone, locked, or the post replied to is not one of its posts. */
export type ReplyRefusal = 'thread' | 'locked' | 'replyTo';
/** A reply as written, with its mentions and attachments (as PostPage has them). */
export interface AppendedReply {
  post: PostWithRelations;
  mentions: Map<string, MentionRow[]>;
  attachments: Map<string, AttachmentRow[]>;
}
/** A page of posts with the mentions and attachments of each post. */
export interface PostPage {
  posts: PostWithRelations[];
  mentions: Map<string, MentionRow[]>;
  attachments: Map<string, AttachmentRow[]>;
}

/**
 * The reading queries below are plain SQL mapped by hand (no entity hydration): thread lists and post
 * pages are the most frequent requests. `a` is the alias prefix of a person's summary columns.
 */
const authorSql = (user: string, organisation: string, a: string): string =>
  `${user}.id AS ${a}id, ${user}.display_name AS ${a}display_name, ${user}.handle AS ${a}handle, ${user}.role AS ${a}role,
   ${user}.organisation_id AS ${a}organisation_id, ${organisation}.name AS ${a}org_name, ${organisation}.type AS ${a}org_type,
   ${organisation}.city AS ${a}org_city`;

type Raw = Record<string, unknown>;

/** A post's own columns, in the order postOf reads them. */
const POST_COLUMNS = [
  'id',
  'thread_id',
  'seq',
  'author_id',
  'body',
  'body_html',
  'reply_to_post_id',
  'revision_count',
  'edited_at',
  'deleted_at',
  'deleted_by_id',
  'created_at',
  'updated_at',
];
/** A post's mentions (`m` with `mu` joined) and live attachments (`a` with the joins below) as JSON lists. */
const MENTIONS_JSON = `json_agg(json_build_object('userId', mu.id, 'handle', mu.handle, 'displayName', mu.display_name) ORDER BY mu.handle)`;
const ATTACHMENTS_JSON = `json_agg(json_build_object('documentId', d.id, 'name', d.name, 'size', v.size, 'contentType', v.content_type)
                                   ORDER BY d.name, d.id)`;
const ATTACHMENTS_JOIN = `JOIN documents d ON d.id = a.document_id
  JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version WHERE d.deleted_at IS NULL`;

function authorOf(r: Raw, a: string): UserWithOrganisation {
  const organisationId = r[`${a}organisation_id`] as string;
  return {
    id: r[`${a}id`] as string,
    displayName: r[`${a}display_name`] as string,
    handle: r[`${a}handle`] as string,
    role: r[`${a}role`] as Role,
    organisationId,
    organisation: {
      id: organisationId,
      name: r[`${a}org_name`] as string,
      type: r[`${a}org_type`] as OrganisationType,
      city: r[`${a}org_city`] as string | null,
    },
  } as UserWithOrganisation;
}

const THREAD_SQL = `t.id, t.space_id, t.kind, t.title, t.author_id, t.pseudonym_code, t.pinned, t.locked, t.last_seq, t.post_count,
  t.last_post_at, t.retention_until, t.legal_hold_reason, t.legal_hold_at, t.legal_hold_by_id, t.deleted_at, t.created_at,
  t.updated_at, ${authorSql('u', 'o', 'u_')}`;

function threadOf(r: Raw): ThreadWithAuthor {
  return {
    id: r.id as string,
    spaceId: r.space_id as string,
    kind: r.kind as ThreadKind,
    title: r.title as string,
    authorId: r.author_id as string,
    pseudonymCode: r.pseudonym_code as string | null,
    pinned: r.pinned as boolean,
    locked: r.locked as boolean,
    lastSeq: r.last_seq as number,
    postCount: r.post_count as number,
    lastPostAt: r.last_post_at as Date,
    retentionUntil: r.retention_until as Date | null,
    legalHoldReason: r.legal_hold_reason as string | null,
    legalHoldAt: r.legal_hold_at as Date | null,
    legalHoldById: r.legal_hold_by_id as string | null,
    deletedAt: r.deleted_at as Date | null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    author: authorOf(r, 'u_'),
  } as ThreadWithAuthor;
}

function postOf(r: Raw): PostWithRelations {
  return {
    id: r.id as string,
    threadId: r.thread_id as string,
    seq: r.seq as number,
    authorId: r.author_id as string,
    body: r.body as string,
    bodyHtml: r.body_html as string,
    replyToPostId: r.reply_to_post_id as string | null,
    revisionCount: r.revision_count as number,
    editedAt: r.edited_at as Date | null,
    deletedAt: r.deleted_at as Date | null,
    deletedById: r.deleted_by_id as string | null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    author: authorOf(r, 'u_'),
    replyToPost:
      r.rp_id === null
        ? null
        : ({ id: r.rp_id as string, seq: r.rp_seq as number, authorId: r.rp_author_id as string, author: authorOf(r, 'ru_') } as Post & {
            author: UserWithOrganisation;
          }),
  } as PostWithRelations;
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
    const rows: Raw[] = await this.m(manager).query(
      `SELECT ${THREAD_SQL} FROM threads t JOIN users u ON u.id = t.author_id JOIN organisations o ON o.id = u.organisation_id
        WHERE t.id = $1`,
      [id],
    );
    return rows[0] ? threadOf(rows[0]) : null;
  }

  /**
   * The thread with everything a reader's request needs before it can answer, in one round trip:
   * its space's facts for the access rules (see AccessService.threadAccess), the reader's read marker
   * and subscription. Null when the thread does not exist.
   */
  async threadForReader(id: string, userId: string, organisationId: string): Promise<ThreadForReader | null> {
    const rows: Raw[] = await queryPrepared<Raw>(
      this.dataSource,
      `SELECT ${THREAD_SQL}, s.visibility, s.archived_at IS NOT NULL AS archived, ${membershipSql('s.id', '$2', '$3')} AS membership,
              (SELECT r.last_read_seq FROM thread_reads r WHERE r.user_id = $2 AND r.thread_id = t.id) AS last_read_seq,
              (SELECT ts.level FROM thread_subscriptions ts WHERE ts.user_id = $2 AND ts.thread_id = t.id) AS subscription
         FROM threads t JOIN spaces s ON s.id = t.space_id JOIN users u ON u.id = t.author_id JOIN organisations o ON o.id = u.organisation_id
        WHERE t.id = $1`,
      [id, userId, organisationId],
    );
    const r = rows[0];
    if (!r) return null;
    const thread = threadOf(r);
    return {
      thread,
      facts: {
        id: thread.spaceId,
        visibility: r.visibility as SpaceFactsRow['visibility'],
        archived: r.archived as boolean,
        membership: r.membership as SpaceFactsRow['membership'],
        deleted: thread.deletedAt !== null,
      },
      lastReadSeq: r.last_read_seq as number | null,
      subscription: r.subscription as SubscriptionLevel | null,
    };
  }

  /** Pinned first, then by last activity; keyset-paginated. */
  /**
   * A page of a space's threads for one reader, with the space's facts for the access rules (see
   * AccessService.spaceAccess) in the same round trip; the caller shows the rows only when the rules
   * allow. Null when the space does not exist.
   */
  async threadPage(
    spaceId: string,
    userId: string,
    organisationId: string,
    limit: number,
    cursor?: ThreadCursor,
  ): Promise<{ facts: SpaceFactsRow; rows: ThreadListRow[] } | null> {
    const params: unknown[] = [spaceId, userId, organisationId, limit + 1];
    if (cursor) params.push(cursor.pinned === '1', cursor.ts, cursor.id);
    const rows: Raw[] = await queryPrepared<Raw>(
      this.dataSource,
      // the page's rows are chosen first (index order), then their authors and the reader's markers
      // are looked up for those rows only; the space's facts are computed once
      `WITH f AS MATERIALIZED (
         SELECT s.visibility AS space_visibility, s.archived_at IS NOT NULL AS space_archived,
                ${membershipSql('s.id', '$2', '$3')} AS space_membership
           FROM spaces s WHERE s.id = $1)
       SELECT f.*, l.* FROM f
       LEFT JOIN LATERAL (
         SELECT ${THREAD_SQL}, (SELECT r.last_read_seq FROM thread_reads r WHERE r.user_id = $2 AND r.thread_id = t.id) AS last_read_seq,
                t.last_post_at::text AS cursor_ts
           FROM (SELECT * FROM threads t
                  WHERE t.space_id = $1 AND t.deleted_at IS NULL${cursor ? ' AND (t.pinned, t.last_post_at, t.id) < ($5, CAST($6 AS timestamptz), $7)' : ''}
                  ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC
                  LIMIT $4) t
           JOIN users u ON u.id = t.author_id JOIN organisations o ON o.id = u.organisation_id
          ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC) l ON true`,
      params,
    );
    const first = rows[0];
    if (!first) return null;
    return {
      facts: {
        id: spaceId,
        visibility: first.space_visibility as SpaceFactsRow['visibility'],
        archived: first.space_archived as boolean,
        membership: first.space_membership as SpaceFactsRow['membership'],
      },
      rows: rows
        .filter((r) => r.id !== null)
        .map((r) => ({ thread: threadOf(r), lastReadSeq: r.last_read_seq as number | null, cursorTs: r.cursor_ts as string })),
    };
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
    const appended = await this.appendPost(id, retentionMonths, manager);
    return appended!.seq;
  }

  /**
   * `appendToThread` that also reports the thread's state (null: no such thread). The update locks
   * the thread row until commit, so the caller rolls back when the thread turns out deleted or locked
   * and does as little as possible after it.
   */
  async appendPost(
    id: string,
    retentionMonths: number | null,
    manager: EntityManager,
  ): Promise<{ seq: number; locked: boolean; deleted: boolean } | null> {
    const rows: Array<{ last_seq: number; locked: boolean; deleted: boolean }> = await manager.query(
      // (wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING)
      `WITH updated AS (
         UPDATE threads SET last_seq = last_seq + 1, post_count = post_count + 1, last_post_at = now(), updated_at = now(),
                retention_until = CASE WHEN $2::int IS NULL THEN retention_until ELSE now() + make_interval(months => $2::int) END
          WHERE id = $1 RETURNING last_seq, locked, deleted_at IS NOT NULL AS deleted)
       SELECT last_seq, locked, deleted FROM updated`,
      [id, retentionMonths],
    );
    const row = rows[0];
    return row ? { seq: row.last_seq, locked: row.locked, deleted: row.deleted } : null;
  }

  /**
   * A reply in one statement (atomic on its own, or part of the caller's transaction): the thread's
   * next number (the row lock is held only for this statement), the post, its mentions and
   * attachments, the author's watch (unless they chose a level) and read marker, their draft
   * removed. Nothing is written when the thread is gone or locked or `replyToPostId` is not one of
   * its posts: then `refused` says which (for the answer), read after the fact.
   */
  async appendReply(values: ReplyValues, manager?: EntityManager): Promise<AppendedReply | { refused: ReplyRefusal }> {
    const rows: Raw[] = await queryPrepared<Raw>(
      this.m(manager),
      `WITH numbered AS (
         UPDATE threads t SET last_seq = t.last_seq + 1, post_count = t.post_count + 1, last_post_at = now(), updated_at = now(),
                retention_until = CASE WHEN $6::int IS NULL THEN t.retention_until ELSE now() + make_interval(months => $6::int) END
          WHERE t.id = $1 AND t.deleted_at IS NULL AND NOT t.locked
            AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM posts r WHERE r.id = $5::uuid AND r.thread_id = $1))
          RETURNING t.last_seq),
       p AS (
         INSERT INTO posts (thread_id, seq, author_id, body, body_html, reply_to_post_id)
         SELECT $1, numbered.last_seq, $2, $3, $4, $5::uuid FROM numbered
         RETURNING ${POST_COLUMNS.map((c) => `posts.${c}`).join(', ')}),
       mentioned AS (
         INSERT INTO post_mentions (post_id, user_id) SELECT p.id, m.user_id FROM p, unnest($7::uuid[]) AS m(user_id) ON CONFLICT DO NOTHING
         RETURNING user_id),
       attached AS (
         INSERT INTO post_attachments (post_id, document_id) SELECT p.id, d.document_id FROM p, unnest($8::uuid[]) AS d(document_id)
         ON CONFLICT DO NOTHING RETURNING document_id),
       watching AS (
         INSERT INTO thread_subscriptions (user_id, thread_id, level) SELECT $2, $1, 'watching' FROM numbered ON CONFLICT DO NOTHING),
       draft AS (DELETE FROM drafts WHERE user_id = $2 AND thread_id = $1 AND EXISTS (SELECT 1 FROM numbered)),
       marker AS (
         INSERT INTO thread_reads (user_id, thread_id, last_read_seq, updated_at) SELECT $2, $1, numbered.last_seq, now() FROM numbered
         ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read_seq = greatest(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now())
       SELECT ${POST_COLUMNS.map((c) => `p.${c}`).join(', ')}, ${authorSql('u', 'o', 'u_')},
              rp.id AS rp_id, rp.seq AS rp_seq, rp.author_id AS rp_author_id, ${authorSql('ru', 'ro', 'ru_')},
              (SELECT ${MENTIONS_JSON} FROM mentioned m JOIN users mu ON mu.id = m.user_id) AS mentions,
              (SELECT ${ATTACHMENTS_JSON} FROM attached a ${ATTACHMENTS_JOIN}) AS attachments
         FROM p JOIN users u ON u.id = p.author_id JOIN organisations o ON o.id = u.organisation_id
         LEFT JOIN posts rp ON rp.id = p.reply_to_post_id LEFT JOIN users ru ON ru.id = rp.author_id
         LEFT JOIN organisations ro ON ro.id = ru.organisation_id`,
      [
        values.threadId,
        values.authorId,
        values.body,
        values.bodyHtml,
        values.replyToPostId,
        values.retentionMonths,
        values.mentionedUserIds,
        values.attachmentIds,
      ],
    );
    const r = rows[0];
    if (r) {
      const post = postOf(r);
      return {
        post,
        mentions: new Map(r.mentions ? [[post.id, r.mentions as MentionRow[]]] : []),
        attachments: new Map(r.attachments ? [[post.id, r.attachments as AttachmentRow[]]] : []),
      };
    }
    const [why] = await this.m(manager).query<Array<{ deleted: boolean; locked: boolean; reply_ok: boolean }>>(
      `SELECT t.deleted_at IS NOT NULL AS deleted, t.locked,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM posts r WHERE r.id = $2::uuid AND r.thread_id = t.id)) AS reply_ok
         FROM threads t WHERE t.id = $1`,
      [values.threadId, values.replyToPostId],
    );
    return { refused: !why || why.deleted ? 'thread' : why.locked ? 'locked' : !why.reply_ok ? 'replyTo' : 'thread' };
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

  /**
   * A reader's page of posts after `afterSeq` (limit + 1 rows: the extra one says whether there is a
   * next page), each with its mentions and live attachments, in one statement that also moves the
   * reader's marker forward to the last post shown (never back).
   */
  async readPostPage(threadId: string, afterSeq: number, limit: number, readerId: string): Promise<PostPage> {
    const rows: Raw[] = await queryPrepared<Raw>(
      this.dataSource,
      `WITH page AS (
         SELECT ${POST_COLUMNS.map((c) => `p.${c}`).join(', ')}
           FROM posts p WHERE p.thread_id = $1 AND p.seq > $2 ORDER BY p.seq LIMIT $3::int + 1
       ), marked AS (
         INSERT INTO thread_reads (user_id, thread_id, last_read_seq, updated_at)
         SELECT $4, $1, max(shown.seq), now() FROM (SELECT seq FROM page ORDER BY seq LIMIT $3::int) shown
         HAVING count(*) > 0
            -- a page read before writes nothing (not even a row lock): the request stays read-only
            AND NOT EXISTS (SELECT 1 FROM thread_reads r WHERE r.user_id = $4 AND r.thread_id = $1 AND r.last_read_seq >= max(shown.seq))
         ON CONFLICT (user_id, thread_id) DO UPDATE
           SET last_read_seq = greatest(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       )
       SELECT page.*, ${authorSql('u', 'o', 'u_')}, rp.id AS rp_id, rp.seq AS rp_seq, rp.author_id AS rp_author_id,
              ${authorSql('ru', 'ro', 'ru_')},
              (SELECT ${MENTIONS_JSON} FROM post_mentions m JOIN users mu ON mu.id = m.user_id WHERE m.post_id = page.id) AS mentions,
              (SELECT ${ATTACHMENTS_JSON} FROM post_attachments a ${ATTACHMENTS_JOIN} AND a.post_id = page.id) AS attachments
         FROM page
         JOIN users u ON u.id = page.author_id JOIN organisations o ON o.id = u.organisation_id
         LEFT JOIN posts rp ON rp.id = page.reply_to_post_id
         LEFT JOIN users ru ON ru.id = rp.author_id LEFT JOIN organisations ro ON ro.id = ru.organisation_id
        ORDER BY page.seq`,
      [threadId, afterSeq, limit, readerId],
    );
    const page: PostPage = { posts: [], mentions: new Map(), attachments: new Map() };
    for (const r of rows) {
      page.posts.push(postOf(r));
      if (r.mentions) page.mentions.set(r.id as string, r.mentions as MentionRow[]);
      if (r.attachments) page.attachments.set(r.id as string, r.attachments as AttachmentRow[]);
    }
    return page;
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
    await this.insertMentions(postId, userIds, manager);
  }

  /** The mentions of a new post (which has none yet). */
  async insertMentions(postId: string, userIds: string[], manager: EntityManager): Promise<void> {
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

  /** Moves the read marker forward only (a marker already there or further is not written at all). */
  async markRead(userId: string, threadId: string, seq: number, manager?: EntityManager): Promise<void> {
    await this.m(manager).query(
      `INSERT INTO thread_reads (user_id, thread_id, last_read_seq, updated_at)
       SELECT $1, $2, $3::int, now()
        WHERE NOT EXISTS (SELECT 1 FROM thread_reads r WHERE r.user_id = $1 AND r.thread_id = $2 AND r.last_read_seq >= $3::int)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read_seq = greatest(thread_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()`,
      [userId, threadId, seq],
    );
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
