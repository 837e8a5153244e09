import {
  Routes,
  type PiiFinding,
  type PostDto,
  type SearchHitDto,
  type SpaceDto,
  type ThreadDto,
  type ThreadSummaryDto,
  type UserSummary,
} from '@treffpunkt/contracts';
import { json, makeUser, session, type Handler } from './fakeApi';

export const SPACE_ID = 'space-1';
export const THREAD_ID = 'thread-1';

export function person(overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: 'user-anna',
    displayName: 'Anna Schmidt',
    handle: 'anna.schmidt',
    role: 'advisor',
    organisation: { id: 'org-1', name: 'Beratungsstelle Magdeburg', type: 'service_point', city: 'Magdeburg' },
    ...overrides,
  };
}

export function makeSpace(overrides: Partial<SpaceDto> = {}): SpaceDto {
  return {
    id: SPACE_ID,
    name: 'Anerkennung',
    slug: 'anerkennung',
    description: 'Austausch zur Anerkennung ausländischer Abschlüsse',
    visibility: 'network',
    caseRetentionMonths: 24,
    archived: false,
    threadCount: 2,
    unreadThreadCount: 0,
    permissions: { post: true, moderate: false, manage: false, createCase: false, createAnnouncement: false },
    subscription: 'normal',
    createdAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function makeThreadSummary(overrides: Partial<ThreadSummaryDto> = {}): ThreadSummaryDto {
  return {
    id: THREAD_ID,
    spaceId: SPACE_ID,
    kind: 'discussion',
    title: 'Anerkennung Pflegefachkräfte',
    pseudonymCode: null,
    author: person(),
    pinned: false,
    locked: false,
    postCount: 3,
    unreadCount: 0,
    isNew: false,
    lastPostAt: '2026-11-20T09:00:00.000Z',
    createdAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export function makeThread(overrides: Partial<ThreadDto> = {}): ThreadDto {
  return {
    ...makeThreadSummary(),
    retentionUntil: null,
    legalHold: null,
    lastReadSeq: 0,
    subscription: 'normal',
    permissions: { reply: true, moderate: false, edit: false },
    ...overrides,
  };
}

export function makePost(seq: number, overrides: Partial<PostDto> = {}): PostDto {
  return {
    id: `post-${String(seq)}`,
    threadId: THREAD_ID,
    seq,
    author: person(),
    body: `Beitrag ${String(seq)}`,
    html: `<p>Beitrag ${String(seq)}</p>`,
    replyTo: null,
    mentions: [],
    deleted: false,
    edited: false,
    revisionCount: 0,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    permissions: { edit: false, delete: false },
    attachments: [],
    ...overrides,
  };
}

export function makeHit(overrides: Partial<SearchHitDto> = {}): SearchHitDto {
  return {
    type: 'threads',
    threadId: THREAD_ID,
    postId: null,
    postSeq: null,
    spaceId: SPACE_ID,
    spaceName: 'Anerkennung',
    threadTitle: 'Anerkennung Pflegefachkräfte',
    pseudonymCode: null,
    snippet: 'Zur <mark>Anerkennung</mark> von Abschlüssen',
    author: person(),
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export const piiError = (findings: PiiFinding[]): Response =>
  json(422, { statusCode: 422, code: 'PII_SUSPECTED', message: 'PII', correlationId: 'corr-pii', findings });

/** Routes every forum page needs: a session and an empty draft. */
export function baseRoutes(): Record<string, Handler> {
  return {
    [`POST ${Routes.auth.refresh}`]: () => json(200, session(makeUser())),
  };
}
