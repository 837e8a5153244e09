import type { Page } from './common.js';
import type { SubscriptionLevel } from './spaces.js';
import type { UserSummary } from './users.js';

export const THREAD_KINDS = ['discussion', 'case', 'announcement'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** Maximum Markdown length of one post (characters). */
export const POST_BODY_MAX = 50_000;
export const THREAD_TITLE_MAX = 200;

export interface ThreadSummaryDto {
  id: string;
  spaceId: string;
  kind: ThreadKind;
  title: string;
  /** Case threads only, e.g. F-2026-0042. */
  pseudonymCode: string | null;
  author: UserSummary;
  pinned: boolean;
  locked: boolean;
  postCount: number;
  /** Posts after the caller's last read post (0 when read). */
  unreadCount: number;
  /** The caller never opened this thread. */
  isNew: boolean;
  lastPostAt: string;
  createdAt: string;
}

export interface ThreadDto extends ThreadSummaryDto {
  /** Case threads: when the thread will be deleted (null while on legal hold). */
  retentionUntil: string | null;
  legalHold: { reason: string; since: string } | null;
  /** Sequence number of the last post the caller had read before this request. */
  lastReadSeq: number;
  subscription: SubscriptionLevel;
  permissions: { reply: boolean; moderate: boolean; edit: boolean };
}

/** Most documents one post carries. */
export const POST_ATTACHMENTS_MAX = 10;

export interface CreateThreadRequest {
  title: string;
  body: string;
  kind?: ThreadKind;
  acknowledgePii?: boolean;
  /** Documents (live, in the thread's space) attached to the first post; at most POST_ATTACHMENTS_MAX. */
  attachmentIds?: string[];
}

/** Moderator (and author for the title) changes. */
export interface UpdateThreadRequest {
  title?: string;
  pinned?: boolean;
  locked?: boolean;
}

export interface LegalHoldRequest {
  /** null lifts the hold. */
  reason: string | null;
}

export interface MentionDto {
  handle: string;
  userId: string;
  displayName: string;
}

export interface PostDto {
  id: string;
  threadId: string;
  /** 1-based position in the thread. */
  seq: number;
  author: UserSummary;
  /** Markdown source (empty when deleted). */
  body: string;
  /** Sanitised HTML rendered by the server (empty when deleted). */
  html: string;
  replyTo: { id: string; seq: number; author: UserSummary } | null;
  mentions: MentionDto[];
  deleted: boolean;
  edited: boolean;
  revisionCount: number;
  createdAt: string;
  updatedAt: string;
  permissions: { edit: boolean; delete: boolean };
  /** Documents attached to the post (empty when deleted). */
  attachments: PostAttachmentDto[];
}

export interface PostAttachmentDto {
  documentId: string;
  name: string;
  size: number;
  contentType: string;
}

export interface CreatePostRequest {
  body: string;
  replyToPostId?: string;
  acknowledgePii?: boolean;
  /** Documents (live, in the thread's space) attached to the post; at most POST_ATTACHMENTS_MAX. */
  attachmentIds?: string[];
}

export interface UpdatePostRequest {
  body: string;
  acknowledgePii?: boolean;
}

/** @handles in a post that were not linked, and why. */
export interface UnlinkedMention {
  handle: string;
  reason: 'unknown' | 'cannot_see_space';
}

/** Answer to creating or editing a post (and creating a thread). */
export interface PostWriteResponse {
  post: PostDto;
  unlinkedMentions: UnlinkedMention[];
}

export interface CreateThreadResponse extends PostWriteResponse {
  thread: ThreadDto;
}

export interface PostRevisionDto {
  revision: number;
  body: string;
  editedBy: UserSummary;
  createdAt: string;
}

export interface DraftDto {
  title: string | null;
  body: string;
  updatedAt: string;
}

export interface SaveDraftRequest {
  title?: string;
  body: string;
}

export interface MarkReadRequest {
  /** Sequence number of the last post shown. */
  seq: number;
}

/** Personal-data check of case posts (422 PII_SUSPECTED carries these in `findings`). */
export const PII_KINDS = ['email', 'phone', 'birth_date', 'iban', 'id_number', 'street_address'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export interface PiiFinding {
  kind: PiiKind;
  /** UTF-16 offsets into the submitted text (title + "\n\n" + body for a new thread's first post: see `field`). */
  start: number;
  end: number;
  text: string;
  field: 'title' | 'body';
}

export interface PiiErrorBody {
  statusCode: 422;
  code: 'PII_SUSPECTED';
  message: string;
  correlationId: string;
  findings: PiiFinding[];
}

export const SEARCH_TYPES = ['threads', 'posts'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchHitDto {
  type: SearchType;
  threadId: string;
  postId: string | null;
  postSeq: number | null;
  spaceId: string;
  spaceName: string;
  threadTitle: string;
  pseudonymCode: string | null;
  /** HTML-escaped text with matches wrapped in <mark>…</mark>; nothing else is markup. */
  snippet: string;
  author: UserSummary;
  createdAt: string;
}

/**
 * A page of forum search results. Of a word that matches very many posts or threads only the newest
 * `moreThan` of each kind are ranked and paged; `moreThan` is null when every match was ranked.
 */
export interface SearchPage extends Page<SearchHitDto> {
  moreThan: number | null;
}

export const SEARCH_QUERY_MAX = 500;
