import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type CreatePostRequest,
  type CreateThreadRequest,
  type CreateThreadResponse,
  type DraftDto,
  type MentionDto,
  type Page,
  type PiiFinding,
  type PostDto,
  type PostRevisionDto,
  type PostWriteResponse,
  type SaveDraftRequest,
  type SubscriptionLevel,
  type ThreadDto,
  type ThreadSummaryDto,
  type UnlinkedMention,
  type UpdatePostRequest,
  type UpdateThreadRequest,
} from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { decodeCursor, toPage } from '../../common/http/cursor.js';
import { inTransaction } from '../../database/transaction.js';
import { AccessService, type SpaceAccess } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { SpacesRepository } from '../spaces/spaces.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { piiSuspected, spaceArchived, threadLocked } from './forum.errors.js';
import { toDraftDto, toPostDto, toPostRevisionDto, toThreadDto, toThreadSummaryDto } from './forum.mapper.js';
import {
  ForumRepository,
  type AppendedReply,
  type PostPage,
  type PostWithRelations,
  type ReplyRefusal,
  type ReplyValues,
  type ThreadWithAuthor,
} from './forum.repository.js';
import { extractMentions, renderMarkdown, type ResolvedMention } from './markdown.renderer.js';
import { detectPii } from './pii/pii-detector.js';

interface WriteContext {
  user: AuthUser;
  ip: string;
}

@Injectable()
export class ForumService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ForumRepository) private readonly forum: ForumRepository,
    @Inject(SpacesRepository) private readonly spaces: SpacesRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  // ── threads ────────────────────────────────────────────────────────────────────────────────

  async listThreads(user: AuthUser, spaceId: string, query: { cursor?: string; limit?: number }): Promise<Page<ThreadSummaryDto>> {
    const limit = query.limit ?? 30;
    const cursor = decodeCursor(query.cursor, ['pinned', 'ts', 'id'] as const);
    // the space's facts come with the page; the rows are shown only when the rules allow
    const page = await this.forum.threadPage(spaceId, user.id, user.organisationId, limit, cursor);
    this.access.spaceAccess(user, page?.facts ?? null);
    return toPage(
      page!.rows,
      limit,
      (r) => toThreadSummaryDto(r.thread, r.lastReadSeq),
      (r) => ({ pinned: r.thread.pinned ? '1' : '0', ts: r.cursorTs, id: r.thread.id }),
    );
  }

  async createThread(
    ctx: WriteContext,
    spaceId: string,
    request: CreateThreadRequest,
    idempotencyKey?: string,
  ): Promise<CreateThreadResponse> {
    const { user } = ctx;
    const access = await this.access.requireSpace(user, spaceId);
    if (access.archived) throw spaceArchived();
    this.access.assert(access, 'post');
    const kind = request.kind ?? 'discussion';
    if (kind === 'case') {
      if (access.visibility === 'network')
        throw new DomainError(400, ErrorCode.ValidationFailed, 'Case threads belong in staff or private spaces only');
      this.access.assert(access, 'createCase', 'Only network staff open case threads');
    }
    if (kind === 'announcement') this.access.assert(access, 'createAnnouncement', 'Only coordinators and moderators make announcements');
    if (kind === 'case') this.checkPii([...detectPii(request.title, 'title'), ...detectPii(request.body, 'body')], request.acknowledgePii);

    const space = await this.spaces.findById(spaceId);
    if (!space) throw notFound('Space');
    const mentions = await this.resolveMentions(spaceId, request.body);

    const ids = await this.idempotency.run(user.id, idempotencyKey, `POST /spaces/${spaceId}/threads`, async (manager, afterCommit) => {
      let pseudonymCode: string | null = null;
      if (kind === 'case') {
        const year = new Date().getUTCFullYear();
        pseudonymCode = `F-${year}-${String(await this.forum.nextCaseNumber(year, manager)).padStart(4, '0')}`;
      }
      const threadId = await this.forum.insertThread(
        { spaceId, kind, title: request.title, authorId: user.id, pseudonymCode, retentionUntil: null },
        manager,
      );
      const { postId, seq } = await this.insertPost(
        manager,
        threadId,
        kind === 'case' ? space.caseRetentionMonths : null,
        user.id,
        request.body,
        null,
        mentions.resolved,
      );
      await this.attach(manager, spaceId, postId, request.attachmentIds);
      await this.forum.watchUnlessChosen(user.id, threadId, manager);
      await this.forum.markRead(user.id, threadId, 1, manager);
      await this.forum.deleteDraft(user.id, { spaceId }, manager);
      await this.auditPiiAcknowledged(
        ctx,
        threadId,
        request.acknowledgePii === true && kind === 'case',
        [request.title, request.body],
        manager,
      );
      afterCommit(() => this.events.emit('forum.thread_created', { threadId, spaceId, postId, authorId: user.id }));
      afterCommit(() =>
        this.events.emit('forum.post_created', {
          threadId,
          spaceId,
          postId,
          seq,
          authorId: user.id,
          replyToPostId: null,
          mentionedUserIds: mentions.resolved.map((m) => m.userId),
        }),
      );
      // the stored answer of an idempotent retry is built from committed rows below
      return { threadId, postId, unlinkedMentions: mentions.unlinked };
    });
    const [thread, post] = await Promise.all([this.getThread(user, ids.threadId), this.postDto(user, access, ids.postId)]);
    return { thread, post, unlinkedMentions: ids.unlinkedMentions };
  }

  /**
   * The discussion thread of a meeting: an `announcement` thread with a first post, written in the
   * caller's transaction (the caller has checked the right to announce). It raises no new-thread
   * notification: the meeting's own announcement covers it.
   */
  async createLinkedAnnouncement(
    manager: EntityManager,
    values: { spaceId: string; authorId: string; title: string; body: string },
  ): Promise<string> {
    const threadId = await this.forum.insertThread(
      {
        spaceId: values.spaceId,
        kind: 'announcement',
        title: values.title,
        authorId: values.authorId,
        pseudonymCode: null,
        retentionUntil: null,
      },
      manager,
    );
    await this.insertPost(manager, threadId, null, values.authorId, values.body, null, []);
    await this.forum.watchUnlessChosen(values.authorId, threadId, manager);
    await this.forum.markRead(values.authorId, threadId, 1, manager);
    return threadId;
  }

  async getThread(user: AuthUser, threadId: string): Promise<ThreadDto> {
    const { access, thread, lastReadSeq, subscription } = await this.readThread(user, threadId);
    return toThreadDto(thread, lastReadSeq, subscription ?? 'normal', {
      reply: access.permissions.post && !thread.locked,
      moderate: access.permissions.moderate,
      edit: access.permissions.moderate || (thread.authorId === user.id && access.permissions.post),
    });
  }

  async updateThread(ctx: WriteContext, threadId: string, request: UpdateThreadRequest): Promise<ThreadDto> {
    const { user } = ctx;
    const access = await this.access.requireThread(user, threadId);
    const thread = await this.requireThreadRow(threadId);
    const moderating = request.pinned !== undefined || request.locked !== undefined;
    if (moderating) this.access.assert(access, 'moderate', 'Only moderators pin or lock threads');
    if (request.title !== undefined) {
      if (!(access.permissions.moderate || (thread.authorId === user.id && access.permissions.post)))
        throw forbidden('Only the author or a moderator renames a thread');
      if (thread.kind === 'case') this.checkPii(detectPii(request.title, 'title'), undefined);
    }
    await inTransaction(this.dataSource, async (manager) => {
      await this.forum.updateThread(threadId, request, manager);
      if (moderating) {
        await this.audit.record(
          {
            actorId: user.id,
            action: 'thread.moderate',
            entityType: 'thread',
            entityId: threadId,
            ip: ctx.ip,
            details: { pinned: request.pinned, locked: request.locked },
          },
          manager,
        );
      }
    });
    return this.getThread(user, threadId);
  }

  async deleteThread(ctx: WriteContext, threadId: string): Promise<void> {
    const access = await this.access.requireThread(ctx.user, threadId);
    const thread = await this.requireThreadRow(threadId);
    if (!access.permissions.moderate && thread.authorId !== ctx.user.id) throw forbidden('Only the author or a moderator deletes a thread');
    await inTransaction(this.dataSource, async (manager) => {
      await this.forum.updateThread(threadId, { deletedAt: new Date() }, manager);
      await this.audit.record(
        { actorId: ctx.user.id, action: 'thread.delete', entityType: 'thread', entityId: threadId, ip: ctx.ip },
        manager,
      );
    });
  }

  /** Moderators keep a case thread beyond its retention date (reason required), or lift the hold. */
  async setLegalHold(ctx: WriteContext, threadId: string, reason: string | null): Promise<ThreadDto> {
    const access = await this.access.requireThread(ctx.user, threadId);
    this.access.assert(access, 'moderate', 'Only moderators place a legal hold');
    const thread = await this.requireThreadRow(threadId);
    if (thread.kind !== 'case') throw new DomainError(400, ErrorCode.ValidationFailed, 'Only case threads have a retention date');
    await inTransaction(this.dataSource, async (manager) => {
      await this.forum.updateThread(
        threadId,
        reason === null
          ? { legalHoldReason: null, legalHoldAt: null, legalHoldById: null }
          : { legalHoldReason: reason, legalHoldAt: new Date(), legalHoldById: ctx.user.id },
        manager,
      );
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'thread.legal_hold',
          entityType: 'thread',
          entityId: threadId,
          ip: ctx.ip,
          details: { hold: reason !== null, reason },
        },
        manager,
      );
    });
    return this.getThread(ctx.user, threadId);
  }

  async setThreadSubscription(user: AuthUser, threadId: string, level: SubscriptionLevel): Promise<{ level: SubscriptionLevel }> {
    await this.access.requireThread(user, threadId);
    await this.forum.setThreadSubscription(user.id, threadId, level);
    return { level };
  }

  // ── posts ──────────────────────────────────────────────────────────────────────────────────

  /** Posts in order; what is shown is marked read; every read of a case thread is audited. */
  async listPosts(
    ctx: WriteContext,
    threadId: string,
    query: { cursor?: string; limit?: number; fromSeq?: number },
  ): Promise<Page<PostDto>> {
    const { user } = ctx;
    const { access, thread } = await this.readThread(user, threadId);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, ['seq'] as const);
    const afterSeq = cursor ? Number(cursor.seq) : Math.max(0, (query.fromSeq ?? 1) - 1);
    if (!Number.isInteger(afterSeq) || afterSeq < 0) throw new DomainError(400, ErrorCode.ValidationFailed, 'cursor is not valid');
    // the page, its mentions and attachments, and the read marker moved to the last post shown
    const { posts, mentions, attachments } = await this.forum.readPostPage(threadId, afterSeq, limit, user.id);
    const page = toPage(
      posts,
      limit,
      (p) => p,
      (p) => ({ seq: String(p.seq) }),
    );
    const shown = page.items[page.items.length - 1]?.seq;
    if (thread.kind === 'case') {
      await this.audit.record({
        actorId: user.id,
        action: 'case.read',
        entityType: 'thread',
        entityId: threadId,
        ip: ctx.ip,
        details: { fromSeq: afterSeq + 1, toSeq: shown ?? null },
      });
    }
    return { items: await this.postDtos(user, access, thread, page.items, { mentions, attachments }), nextCursor: page.nextCursor };
  }

  async markRead(user: AuthUser, threadId: string, seq: number): Promise<void> {
    await this.access.requireThread(user, threadId);
    const thread = await this.requireThreadRow(threadId);
    await this.forum.markRead(user.id, threadId, Math.min(seq, thread.lastSeq));
  }

  async createPost(ctx: WriteContext, threadId: string, request: CreatePostRequest, idempotencyKey?: string): Promise<PostWriteResponse> {
    const { user } = ctx;
    const { access, thread } = await this.readThread(user, threadId);
    if (access.archived) throw spaceArchived();
    this.access.assert(access, 'post');
    if (thread.locked) throw threadLocked();
    if (thread.kind === 'case') this.checkPii(detectPii(request.body, 'body'), request.acknowledgePii);
    const retention = thread.kind === 'case' ? ((await this.spaces.findById(access.spaceId))?.caseRetentionMonths ?? 12) : null;
    const mentions = await this.resolveMentions(access.spaceId, request.body);
    const bodyHtml = renderMarkdown(request.body, mentions.resolved);

    const values = (attachmentIds: string[]): ReplyValues => ({
      threadId,
      authorId: user.id,
      body: request.body,
      bodyHtml,
      replyToPostId: request.replyToPostId ?? null,
      retentionMonths: retention,
      mentionedUserIds: mentions.resolved.map((m) => m.userId),
      attachmentIds,
    });
    const announce = (postId: string, seq: number) =>
      this.events.emit('forum.post_created', {
        threadId,
        spaceId: access.spaceId,
        postId,
        seq,
        authorId: user.id,
        replyToPostId: request.replyToPostId ?? null,
        mentionedUserIds: mentions.resolved.map((m) => m.userId),
      });
    const auditPii = request.acknowledgePii === true && thread.kind === 'case';
    let written: AppendedReply | undefined;
    if (idempotencyKey === undefined && !auditPii) {
      // the common reply: one statement, atomic by itself (attachments are checked before it)
      const attachmentIds = await this.attachable(this.dataSource.manager, access.spaceId, request.attachmentIds);
      written = this.replied(await this.forum.appendReply(values(attachmentIds)));
      announce(written.post.id, written.post.seq);
    } else {
      const result = await this.idempotency.run(
        user.id,
        idempotencyKey,
        `POST /threads/${threadId}/posts`,
        async (manager, afterCommit) => {
          const attachmentIds = await this.attachable(manager, access.spaceId, request.attachmentIds);
          await this.auditPiiAcknowledged(ctx, threadId, auditPii, [request.body], manager);
          const reply = this.replied(await this.forum.appendReply(values(attachmentIds), manager));
          written = reply;
          afterCommit(() => announce(reply.post.id, reply.post.seq));
          return { postId: reply.post.id, seq: reply.post.seq, unlinkedMentions: mentions.unlinked };
        },
      );
      if (!written) {
        // a retry with the same key: the stored answer names the post written the first time
        const post = await this.postDto(user, access, result.postId, thread);
        await this.forum.markRead(user.id, threadId, post.seq);
        return { post, unlinkedMentions: result.unlinkedMentions };
      }
    }
    const [post] = await this.postDtos(user, access, thread, [written.post], written);
    return { post: post!, unlinkedMentions: mentions.unlinked };
  }

  /** The reply as written, or the answer to why it was not. */
  private replied(outcome: AppendedReply | { refused: ReplyRefusal }): AppendedReply {
    if (!('refused' in outcome)) return outcome;
    if (outcome.refused === 'locked') throw threadLocked();
    if (outcome.refused === 'replyTo')
      throw new DomainError(400, ErrorCode.ValidationFailed, 'replyToPostId must be a post of this thread');
    throw notFound('Thread');
  }

  /** Edits keep every earlier version. */
  async updatePost(ctx: WriteContext, postId: string, request: UpdatePostRequest): Promise<PostWriteResponse> {
    const { user } = ctx;
    const access = await this.access.requirePost(user, postId);
    const post = await this.requirePostRow(postId);
    const thread = await this.requireThreadRow(post.threadId);
    if (post.deletedAt) throw new DomainError(409, ErrorCode.Conflict, 'A deleted post cannot be edited');
    const moderator = access.permissions.moderate;
    if (!moderator) {
      if (post.authorId !== user.id) throw forbidden('Only the author or a moderator edits a post');
      if (access.archived) throw spaceArchived();
      if (thread.locked) throw threadLocked();
    }
    if (thread.kind === 'case') this.checkPii(detectPii(request.body, 'body'), request.acknowledgePii);
    const mentions = await this.resolveMentions(access.spaceId, request.body);
    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      await this.forum.insertRevision({ postId, revision: post.revisionCount + 1, body: post.body, editedById: user.id }, manager);
      await this.forum.updatePostBody(postId, request.body, renderMarkdown(request.body, mentions.resolved), manager);
      await this.forum.replaceMentions(
        postId,
        mentions.resolved.map((m) => m.userId),
        manager,
      );
      await this.auditPiiAcknowledged(ctx, thread.id, request.acknowledgePii === true && thread.kind === 'case', [request.body], manager);
      afterCommit(() =>
        this.events.emit('forum.post_updated', {
          threadId: thread.id,
          spaceId: access.spaceId,
          postId,
          seq: post.seq,
          editorId: user.id,
          mentionedUserIds: mentions.resolved.map((m) => m.userId),
        }),
      );
    });
    return { post: await this.postDto(user, access, postId), unlinkedMentions: mentions.unlinked };
  }

  /** Soft delete: the post stays in place as "deleted" and leaves search. */
  async deletePost(ctx: WriteContext, postId: string): Promise<void> {
    const access = await this.access.requirePost(ctx.user, postId);
    const post = await this.requirePostRow(postId);
    if (post.deletedAt) return;
    if (!access.permissions.moderate && post.authorId !== ctx.user.id) throw forbidden('Only the author or a moderator deletes a post');
    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      await this.forum.softDeletePost(postId, ctx.user.id, manager);
      await this.forum.decrementPostCount(post.threadId, manager);
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'post.delete',
          entityType: 'post',
          entityId: postId,
          ip: ctx.ip,
          details: { threadId: post.threadId },
        },
        manager,
      );
      afterCommit(() =>
        this.events.emit('forum.post_deleted', { threadId: post.threadId, spaceId: access.spaceId, postId, seq: post.seq }),
      );
    });
  }

  async revisions(user: AuthUser, postId: string): Promise<PostRevisionDto[]> {
    const access = await this.access.requirePost(user, postId);
    const post = await this.requirePostRow(postId);
    if (!access.permissions.moderate && post.authorId !== user.id) throw forbidden('Only the author and moderators see the edit history');
    return (await this.forum.revisions(postId)).map(toPostRevisionDto);
  }

  // ── drafts ─────────────────────────────────────────────────────────────────────────────────

  async getDraft(user: AuthUser, target: { threadId: string } | { spaceId: string }): Promise<DraftDto> {
    await this.requireTarget(user, target);
    const draft = await this.forum.findDraft(user.id, target);
    if (!draft) throw notFound('Draft');
    return toDraftDto(draft);
  }

  async saveDraft(user: AuthUser, target: { threadId: string } | { spaceId: string }, request: SaveDraftRequest): Promise<DraftDto> {
    await this.requireTarget(user, target);
    return toDraftDto(await this.forum.saveDraft(user.id, target, 'spaceId' in target ? (request.title ?? null) : null, request.body));
  }

  async deleteDraft(user: AuthUser, target: { threadId: string } | { spaceId: string }): Promise<void> {
    await this.requireTarget(user, target);
    await this.forum.deleteDraft(user.id, target);
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  private async requireTarget(user: AuthUser, target: { threadId: string } | { spaceId: string }): Promise<void> {
    if ('threadId' in target) await this.access.requireThread(user, target.threadId);
    else await this.access.requireSpace(user, target.spaceId);
  }

  /** Access, thread row, read marker and subscription of a reader, in one round trip (404 as `requireThread`). */
  private async readThread(
    user: AuthUser,
    threadId: string,
  ): Promise<{ access: SpaceAccess; thread: ThreadWithAuthor; lastReadSeq: number | null; subscription: SubscriptionLevel | null }> {
    const row = await this.forum.threadForReader(threadId, user.id, user.organisationId);
    const access = this.access.threadAccess(user, row?.facts ?? null);
    return { access, thread: row!.thread, lastReadSeq: row!.lastReadSeq, subscription: row!.subscription };
  }

  private async requireThreadRow(threadId: string): Promise<ThreadWithAuthor> {
    const thread = await this.forum.findThread(threadId);
    if (!thread || thread.deletedAt) throw notFound('Thread');
    return thread;
  }

  private async requirePostRow(postId: string): Promise<PostWithRelations> {
    const post = await this.forum.findPost(postId);
    if (!post) throw notFound('Post');
    return post;
  }

  /** Refuses likely personal data unless the author confirmed it. */
  private checkPii(findings: PiiFinding[], acknowledged: boolean | undefined): void {
    if (findings.length > 0 && acknowledged !== true) throw piiSuspected(findings);
  }

  /** Records that personal data was knowingly posted (the kinds only, never the data). */
  private async auditPiiAcknowledged(
    ctx: WriteContext,
    threadId: string,
    acknowledged: boolean,
    texts: string[],
    manager: EntityManager,
  ): Promise<void> {
    if (!acknowledged) return;
    const kinds = [...new Set(texts.flatMap((text) => detectPii(text, 'body').map((f) => f.kind)))];
    if (kinds.length === 0) return;
    await this.audit.record(
      { actorId: ctx.user.id, action: 'case.pii_acknowledged', entityType: 'thread', entityId: threadId, ip: ctx.ip, details: { kinds } },
      manager,
    );
  }

  /** @handles linked only to people who can see the space; the rest are reported back to the author. */
  private async resolveMentions(spaceId: string, body: string): Promise<{ resolved: ResolvedMention[]; unlinked: UnlinkedMention[] }> {
    const handles = extractMentions(body).slice(0, 50);
    if (handles.length === 0) return { resolved: [], unlinked: [] };
    const found = (await this.users.findByHandles(handles)).filter((u) => u.status === 'active');
    const visible = await this.access.usersWhoCanSee(
      spaceId,
      found.map((u) => u.id),
    );
    const byHandle = new Map(found.map((u) => [u.handle, u]));
    const resolved: ResolvedMention[] = [];
    const unlinked: UnlinkedMention[] = [];
    for (const handle of handles) {
      const person = byHandle.get(handle);
      if (!person) unlinked.push({ handle, reason: 'unknown' });
      else if (!visible.has(person.id)) unlinked.push({ handle, reason: 'cannot_see_space' });
      else resolved.push({ handle, userId: person.id });
    }
    return { resolved, unlinked };
  }

  private async insertPost(
    manager: EntityManager,
    threadId: string,
    retentionMonths: number | null,
    authorId: string,
    body: string,
    replyToPostId: string | null,
    mentions: ResolvedMention[],
  ): Promise<{ postId: string; seq: number }> {
    const seq = await this.forum.appendToThread(threadId, retentionMonths, manager);
    const postId = await this.forum.insertPost(
      { threadId, seq, authorId, body, bodyHtml: renderMarkdown(body, mentions), replyToPostId },
      manager,
    );
    await this.forum.insertMentions(
      postId,
      mentions.map((m) => m.userId),
      manager,
    );
    return { postId, seq };
  }

  /**
   * Stores a post's attachments: each must be a document of the thread's space outside the trash.
   * Unknown, foreign and trashed documents get the same answer (no hint whether an id exists elsewhere).
   */
  private async attach(manager: EntityManager, spaceId: string, postId: string, attachmentIds: string[] | undefined): Promise<void> {
    await this.forum.insertAttachments(postId, await this.attachable(manager, spaceId, attachmentIds), manager);
  }

  /** The checks of `attach`, without storing anything: the ids to store. */
  private async attachable(manager: EntityManager, spaceId: string, attachmentIds: string[] | undefined): Promise<string[]> {
    const ids = [...new Set((attachmentIds ?? []).map((id) => id.toLowerCase()))];
    if (ids.length === 0) return [];
    const found = new Map((await this.forum.attachableDocuments(ids, manager)).map((d) => [d.id, d]));
    const bad = ids.filter((id) => {
      const doc = found.get(id);
      return !doc || !doc.live || doc.spaceId !== spaceId;
    });
    if (bad.length > 0) {
      throw new DomainError(
        400,
        ErrorCode.ValidationFailed,
        `attachmentIds: ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a document of this space (or in the trash)`,
      );
    }
    return ids;
  }

  private async postDto(
    user: AuthUser,
    access: SpaceAccess,
    postId: string,
    knownThread?: ThreadWithAuthor,
    known?: Pick<PostPage, 'mentions' | 'attachments'>,
  ): Promise<PostDto> {
    const post = await this.requirePostRow(postId);
    const thread = knownThread ?? (await this.requireThreadRow(post.threadId));
    const [dto] = await this.postDtos(user, access, thread, [post], known);
    return dto!;
  }

  private async postDtos(
    user: AuthUser,
    access: SpaceAccess,
    thread: ThreadWithAuthor,
    posts: PostWithRelations[],
    known?: Pick<PostPage, 'mentions' | 'attachments'>,
  ): Promise<PostDto[]> {
    const postIds = posts.map((p) => p.id);
    let mentions = known?.mentions;
    let attachments = known?.attachments;
    if (!mentions || !attachments)
      [mentions, attachments] = await Promise.all([this.forum.mentionsOf(postIds), this.forum.attachmentsOf(postIds)]);
    return posts.map((p) => {
      const own = p.authorId === user.id;
      const moderator = access.permissions.moderate;
      const live = p.deletedAt === null;
      const list: MentionDto[] = (mentions.get(p.id) ?? []).map((m) => ({
        handle: m.handle,
        userId: m.userId,
        displayName: m.displayName,
      }));
      return toPostDto(
        p,
        list,
        {
          edit: live && (moderator || (own && access.permissions.post && !thread.locked)),
          delete: live && (moderator || own),
        },
        attachments.get(p.id) ?? [],
      );
    });
  }
}
