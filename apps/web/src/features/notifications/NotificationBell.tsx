import type { NotificationDto } from '@treffpunkt/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { notificationsApi } from '../../api/endpoints';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { notificationKeys, PANEL_SIZE } from './cache';
import { useMarkRead, useUnreadCount } from './hooks';
import { NotificationItem } from './NotificationItem';

/**
 * The header bell: its name says how many are unread ("Benachrichtigungen, 3 ungelesen"), the
 * badge shows the number. It opens a non-modal panel with the latest notifications; Escape or a
 * click outside closes it and focus goes back to the bell.
 */
export function NotificationBell() {
  const t = useT();
  const count = useUnreadCount();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && wrapperRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div className="bell" ref={wrapperRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell__button"
        aria-label={t.notifications.bellLabel(count)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="bell__badge" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <NotificationPanel
          id={panelId}
          onClose={(returnFocus) => {
            close(returnFocus);
          }}
        />
      ) : null}
    </div>
  );
}

function NotificationPanel({ id, onClose }: { id: string; onClose: (returnFocus: boolean) => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const count = useUnreadCount();
  const markRead = useMarkRead();
  const [status, setStatus] = useState('');
  const latest = useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: async ({ signal }) => (await notificationsApi.list({ limit: PANEL_SIZE }, signal)).items,
    staleTime: 30_000,
  });
  const items = (latest.data ?? []).slice(0, PANEL_SIZE);

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose(true);
    }
  }

  const open = (notification: NotificationDto) => {
    if (notification.readAt === null) markRead.mutate([notification.id]);
    onClose(false);
  };

  return (
    <div id={id} ref={panelRef} role="dialog" aria-labelledby={titleId} tabIndex={-1} className="bell__panel" onKeyDown={onKeyDown}>
      <div className="bell__panel-header">
        <h2 id={titleId} className="bell__title">
          {t.notifications.panelTitle}
        </h2>
        <button
          type="button"
          className="button button--small"
          disabled={count === 0 || markRead.isPending}
          onClick={() => {
            markRead.mutate('all', {
              onSuccess: () => {
                setStatus(t.notifications.allMarkedRead);
              },
            });
          }}
        >
          {t.notifications.markAllRead}
        </button>
      </div>
      <LiveMessage kind="success">{status}</LiveMessage>
      <LiveMessage kind="error">
        {latest.isError ? errorMessage(latest.error) : markRead.isError ? errorMessage(markRead.error) : ''}
      </LiveMessage>
      {latest.isPending ? <p role="status">{t.common.loading}</p> : null}
      {latest.isSuccess && items.length === 0 ? <p className="muted">{t.notifications.empty}</p> : null}
      {items.length > 0 ? (
        <ul className="notification-list notification-list--panel">
          {items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onOpen={open} />
          ))}
        </ul>
      ) : null}
      <div className="bell__panel-footer">
        <Link
          to={AppPaths.notifications}
          onClick={() => {
            onClose(false);
          }}
        >
          {t.notifications.showAll}
        </Link>
        <Link
          to={AppPaths.notificationSettings}
          onClick={() => {
            onClose(false);
          }}
        >
          {t.notifications.settingsLink}
        </Link>
      </div>
    </div>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
