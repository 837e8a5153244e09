import type { NotificationDto, Page, UnreadCountDto } from '@treffpunkt/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';

/** How many notifications the header panel shows. */
export const PANEL_SIZE = 10;
/** Page size of the notifications page. */
export const PAGE_SIZE = 20;

/** TanStack Query keys of notifications; everything under ['notifications'] belongs to the signed-in person. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => ['notifications', 'unread-count'] as const,
  /** The newest ones (panel), newest first. */
  latest: () => ['notifications', 'latest'] as const,
  /** The page's infinite list, newest first. */
  lists: () => ['notifications', 'list'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', { unreadOnly }] as const,
  preferences: () => ['notifications', 'preferences'] as const,
};

type ListData = InfiniteData<Page<NotificationDto>, string | null>;

/** Newest first, one entry per id (a later copy wins: it may carry readAt). */
export function mergeById(existing: readonly NotificationDto[], incoming: readonly NotificationDto[]): NotificationDto[] {
  const byId = new Map<number, NotificationDto>();
  for (const item of existing) byId.set(item.id, item);
  for (const item of incoming) byId.set(item.id, { ...byId.get(item.id), ...item });
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/**
 * Put notifications (live or from the catch-up) into every cached list without duplicates:
 * the panel's latest list and the first page of the page's lists.
 */
export function mergeIntoCache(queryClient: QueryClient, incoming: readonly NotificationDto[]): void {
  if (incoming.length === 0) return;
  queryClient.setQueryData<NotificationDto[]>(notificationKeys.latest(), (old) => mergeById(old ?? [], incoming).slice(0, PANEL_SIZE * 2));
  for (const [key, data] of queryClient.getQueriesData<ListData>({ queryKey: notificationKeys.lists() })) {
    if (!data) continue;
    const known = new Set(data.pages.flatMap((page) => page.items.map((item) => item.id)));
    const oldestLoaded = Math.min(...data.pages.flatMap((page) => page.items.map((item) => item.id)), Number.POSITIVE_INFINITY);
    // Only newer than what the list already reaches; older ones come with "Mehr laden".
    const complete = !data.pages.some((page) => page.nextCursor);
    const unreadOnly = (key[2] as { unreadOnly?: boolean } | undefined)?.unreadOnly === true;
    const fresh = incoming.filter(
      (item) => !known.has(item.id) && (complete || item.id > oldestLoaded) && !(unreadOnly && item.readAt !== null),
    );
    const [first, ...rest] = data.pages;
    if (!first || fresh.length === 0) continue;
    queryClient.setQueryData<ListData>(key, { ...data, pages: [{ ...first, items: mergeById(first.items, fresh) }, ...rest] });
  }
}

/** Mark ids (or all) read in every cached list. */
export function markReadInCache(queryClient: QueryClient, ids: readonly number[] | 'all', readAt = new Date().toISOString()): void {
  const hit = (item: NotificationDto) => item.readAt === null && (ids === 'all' || ids.includes(item.id));
  const update = (item: NotificationDto) => (hit(item) ? { ...item, readAt } : item);
  queryClient.setQueryData<NotificationDto[]>(notificationKeys.latest(), (old) => old?.map(update));
  queryClient.setQueriesData<ListData>({ queryKey: notificationKeys.lists() }, (old) =>
    old ? { ...old, pages: old.pages.map((page) => ({ ...page, items: page.items.map(update) })) } : old,
  );
}

export function setUnreadCount(queryClient: QueryClient, count: number): void {
  queryClient.setQueryData<UnreadCountDto>(notificationKeys.unreadCount(), { count });
}
