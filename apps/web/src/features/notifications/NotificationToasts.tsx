import type { NotificationDto } from '@treffpunkt/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { notificationsApi } from '../../api/endpoints';
import { notificationKeys, PANEL_SIZE } from './cache';
import { isToastWorthy, notificationSentence, useMarkRead } from './hooks';

export const TOAST_MS = 6000;
const MAX_TOASTS = 3;

/**
 * Short notices for new mentions and meeting news: a polite live region (focus stays where it
 * is), each notice hides after ~6 s — not while the pointer or focus is on it — and can be closed.
 */
export function NotificationToasts() {
  const t = useT();
  const [toasts, setToasts] = useState<NotificationDto[]>([]);
  const markRead = useMarkRead();
  // Read elsewhere meanwhile (panel, page, another tab's catch-up): no need to keep telling.
  const latest = useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: async ({ signal }) => (await notificationsApi.list({ limit: PANEL_SIZE }, signal)).items,
    enabled: false,
  });
  const readIds = new Set((latest.data ?? []).filter((item) => item.readAt !== null).map((item) => item.id));
  const visible = toasts.filter((toast) => !readIds.has(toast.id));

  useRealtimeEvent('notifications', (items) => {
    const worthy = items.filter(isToastWorthy);
    if (worthy.length > 0) setToasts((current) => [...current, ...worthy].slice(-MAX_TOASTS));
  });

  const dismiss = (id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  };

  return (
    <div className="toasts" role="region" aria-label={t.notifications.toastRegion}>
      <div aria-live="polite" aria-atomic="false" className="toasts__live">
        {visible.map((toast) => (
          <Toast
            key={toast.id}
            text={notificationSentence(t, toast)}
            link={toast.link}
            onShow={() => {
              markRead.mutate([toast.id]);
              dismiss(toast.id);
            }}
            onDismiss={() => {
              dismiss(toast.id);
            }}
          />
        ))}
      </div>
    </div>
  );
}

function Toast({ text, link, onShow, onDismiss }: { text: string; link: string; onShow: () => void; onDismiss: () => void }) {
  const t = useT();
  const [paused, setPaused] = useState(false);
  const onDismissRef = useRef(onDismiss);
  useEffect(() => {
    onDismissRef.current = onDismiss;
  });
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => {
      onDismissRef.current();
    }, TOAST_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [paused]);

  return (
    <div
      className="toast"
      onPointerEnter={() => {
        setPaused(true);
      }}
      onPointerLeave={() => {
        setPaused(false);
      }}
      onFocus={() => {
        setPaused(true);
      }}
      onBlur={() => {
        setPaused(false);
      }}
    >
      <p className="toast__text">{text}</p>
      <div className="toast__actions">
        <Link to={link} className="toast__link" onClick={onShow}>
          {t.notifications.toastShow}
        </Link>
        <button type="button" className="toast__close" aria-label={t.notifications.toastDismiss} onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}
