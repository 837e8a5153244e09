import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { meetingKeys } from './queryKeys';

/**
 * A meeting notification (announced, changed, cancelled, promoted from the waiting list) means
 * what an open Termine page shows may be stale: refetch the lists and, if it is open, the meeting.
 */
export function useMeetingNotifications(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('notification:new', (notification) => {
    if (!notification.type.startsWith('meeting_')) return;
    void queryClient.invalidateQueries({ queryKey: meetingKeys.lists() });
    const id = /^\/termine\/([^/?#]+)/.exec(notification.link)?.[1];
    if (id) void queryClient.invalidateQueries({ queryKey: meetingKeys.one(decodeURIComponent(id)) });
  });
}
