import type { NotificationDto } from '@treffpunkt/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { RelativeTime } from '../forum/dates';
import { notificationSentence } from './hooks';

/**
 * One notification: the sentence as a link to what it is about, when, and whether it is unread.
 * Following the link marks it read (the caller's `onOpen`).
 */
export function NotificationItem({
  notification,
  onOpen,
  onMarkRead,
}: {
  notification: NotificationDto;
  onOpen: (notification: NotificationDto) => void;
  /** Shows an "Als gelesen markieren" button for unread ones. */
  onMarkRead?: (notification: NotificationDto) => void;
}) {
  const t = useT();
  const unread = notification.readAt === null;
  const sentence = notificationSentence(t, notification);
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'}>
      <div className="notification__main">
        {unread ? <span className="notification__dot" aria-hidden="true" /> : null}
        <Link
          to={notification.link}
          className="notification__link"
          onClick={() => {
            onOpen(notification);
          }}
        >
          {unread ? <span className="visually-hidden">{t.notifications.unread}:</span> : null} {sentence}
        </Link>
      </div>
      <div className="notification__meta">
        <span className="muted">
          <RelativeTime iso={notification.createdAt} />
        </span>
        {unread && onMarkRead ? (
          <button
            type="button"
            className="button button--link button--small"
            onClick={() => {
              onMarkRead(notification);
            }}
          >
            {t.notifications.markRead}
            <span className="visually-hidden">: {sentence}</span>
          </button>
        ) : null}
      </div>
    </li>
  );
}
