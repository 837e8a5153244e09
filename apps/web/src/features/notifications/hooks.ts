import type { NotificationDto } from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../../api/endpoints';
import type { Messages } from '../../i18n';
import { markReadInCache, notificationKeys, setUnreadCount } from './cache';

/** The one localized sentence for a notification. */
export function notificationSentence(t: Messages, notification: NotificationDto): string {
  return t.notifications.sentences[notification.type]({
    actor: notification.actor?.displayName ?? null,
    subject: notification.subject,
    spaceName: notification.spaceName,
  });
}

/** Types that pop up as a toast when they arrive. */
export const isToastWorthy = (notification: NotificationDto): boolean =>
  notification.readAt === null && (notification.type === 'mention' || notification.type.startsWith('meeting_'));

export function useUnreadCount(): number {
  const query = useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    // Kept current by the socket (pushes and the catch-up after every reconnect).
    staleTime: 5 * 60_000,
  });
  return query.data?.count ?? 0;
}

/** Mark some notifications (or all) read: caches first, then the API's count wins. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: readonly number[] | 'all') => notificationsApi.markRead(target === 'all' ? { all: true } : { ids: [...target] }),
    onMutate: (target) => {
      markReadInCache(queryClient, target);
      if (target === 'all') setUnreadCount(queryClient, 0);
    },
    onSuccess: ({ count }) => {
      setUnreadCount(queryClient, count);
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
