import type { SearchType } from '@treffpunkt/contracts';

/** TanStack Query keys of the forum; prefixes allow invalidating whole groups. */
export const forumKeys = {
  all: ['forum'] as const,
  spaces: () => ['forum', 'spaces'] as const,
  space: (id: string) => ['forum', 'space', id] as const,
  threads: (spaceId: string) => ['forum', 'space', spaceId, 'threads'] as const,
  members: (spaceId: string) => ['forum', 'space', spaceId, 'members'] as const,
  spaceDraft: (spaceId: string) => ['forum', 'draft', 'space', spaceId] as const,
  thread: (id: string) => ['forum', 'thread', id] as const,
  posts: (threadId: string) => ['forum', 'thread', threadId, 'posts'] as const,
  threadDraft: (threadId: string) => ['forum', 'draft', 'thread', threadId] as const,
  revisions: (postId: string) => ['forum', 'revisions', postId] as const,
  mentionable: (spaceId: string, q: string) => ['forum', 'mentionable', spaceId, q] as const,
  search: (q: string, type: SearchType, spaceId: string) => ['forum', 'search', q, type, spaceId] as const,
  users: (q: string) => ['users', 'search', q] as const,
};
