import type {
  DraftDto,
  MentionDto,
  PostAttachmentDto,
  PostDto,
  PostRevisionDto,
  SubscriptionLevel,
  ThreadDto,
  ThreadSummaryDto,
} from '@treffpunkt/contracts';
import { toUserSummary } from '../users/users.mapper.js';
import type { UserWithOrganisation } from '../users/users.repository.js';
import type { Draft } from './entities/draft.entity.js';
import type { PostRevision } from './entities/post-revision.entity.js';
import type { PostWithRelations, ThreadWithAuthor } from './forum.repository.js';

export const toThreadSummaryDto = (t: ThreadWithAuthor, lastReadSeq: number | null): ThreadSummaryDto => ({
  id: t.id,
  spaceId: t.spaceId,
  kind: t.kind,
  title: t.title,
  pseudonymCode: t.pseudonymCode,
  author: toUserSummary(t.author),
  pinned: t.pinned,
  locked: t.locked,
  postCount: t.postCount,
  unreadCount: Math.max(0, t.lastSeq - (lastReadSeq ?? 0)),
  isNew: lastReadSeq === null,
  lastPostAt: t.lastPostAt.toISOString(),
  createdAt: t.createdAt.toISOString(),
});

export const toThreadDto = (
  t: ThreadWithAuthor,
  lastReadSeq: number | null,
  subscription: SubscriptionLevel,
  permissions: ThreadDto['permissions'],
): ThreadDto => ({
  ...toThreadSummaryDto(t, lastReadSeq),
  retentionUntil: t.legalHoldAt ? null : (t.retentionUntil?.toISOString() ?? null),
  legalHold: t.legalHoldAt ? { reason: t.legalHoldReason ?? '', since: t.legalHoldAt.toISOString() } : null,
  lastReadSeq: lastReadSeq ?? 0,
  subscription,
  permissions,
});

export const toPostDto = (
  p: PostWithRelations,
  mentions: MentionDto[],
  permissions: PostDto['permissions'],
  attachments: PostAttachmentDto[] = [],
): PostDto => {
  const deleted = p.deletedAt !== null;
  return {
    id: p.id,
    threadId: p.threadId,
    seq: p.seq,
    author: toUserSummary(p.author),
    body: deleted ? '' : p.body,
    html: deleted ? '' : p.bodyHtml,
    replyTo: p.replyToPost ? { id: p.replyToPost.id, seq: p.replyToPost.seq, author: toUserSummary(p.replyToPost.author) } : null,
    mentions: deleted ? [] : mentions,
    deleted,
    edited: p.editedAt !== null,
    revisionCount: p.revisionCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    permissions,
    attachments: deleted ? [] : attachments,
  };
};

export const toPostRevisionDto = (r: PostRevision & { editedBy: UserWithOrganisation }): PostRevisionDto => ({
  revision: r.revision,
  body: r.body,
  editedBy: toUserSummary(r.editedBy),
  createdAt: r.createdAt.toISOString(),
});

export const toDraftDto = (d: Draft): DraftDto => ({ title: d.title, body: d.body, updatedAt: d.updatedAt.toISOString() });
