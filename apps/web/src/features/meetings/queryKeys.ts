import type { MeetingListParams } from './meetingsApi';

/** TanStack Query keys of the meetings area; the `['meetings']` prefix invalidates all of it. */
export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => ['meetings', 'list'] as const,
  list: (params: MeetingListParams) => ['meetings', 'list', params.from, params.to, params.spaceId ?? '', params.format ?? ''] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  attendees: (id: string) => ['meetings', 'one', id, 'attendees'] as const,
  document: (id: string) => ['meetings', 'document', id] as const,
  spaces: () => ['meetings', 'spaces'] as const,
  feed: () => ['meetings', 'feed'] as const,
};
