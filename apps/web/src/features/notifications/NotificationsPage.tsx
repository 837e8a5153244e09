import type { Locale, NotificationDto } from '@treffpunkt/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { notificationsApi } from '../../api/endpoints';
import { addDays, berlinDayKey } from '../../components/berlinTime';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n, type Messages } from '../../i18n';
import { AppPaths } from '../../paths';
import { notificationKeys, PAGE_SIZE } from './cache';
import { useMarkRead, useUnreadCount } from './hooks';
import { NotificationItem } from './NotificationItem';

const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

/** "Heute", "Gestern" or the full date. */
export function dayLabel(key: string, now: Date, t: Messages, locale: Locale): string {
  const today = berlinDayKey(now);
  if (key === today) return t.notifications.today;
  if (key === addDays(today, -1)) return t.notifications.yesterday;
  const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

function groupByDay(items: readonly NotificationDto[]): { key: string; items: NotificationDto[] }[] {
  const groups: { key: string; items: NotificationDto[] }[] = [];
  for (const item of items) {
    const key = berlinDayKey(new Date(item.createdAt));
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}

export function NotificationsPage() {
  const { t, locale } = useI18n();
  usePageTitle(t.notifications.title);
  const errorMessage = useErrorMessage();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [status, setStatus] = useState('');
  const count = useUnreadCount();
  const markRead = useMarkRead();

  const list = useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam, signal }) => notificationsApi.list({ cursor: pageParam, limit: PAGE_SIZE, unreadOnly }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const groups = groupByDay(items);
  // Grouping reads the clock once per render: good enough for a list that refetches.
  // eslint-disable-next-line react-hooks/purity
  const now = new Date(Date.now());

  return (
    <section className="page notifications-page" aria-labelledby="notifications-title">
      <div className="page-heading">
        <h1 id="notifications-title">{t.notifications.title}</h1>
      </div>
      <div className="notifications-page__tools">
        <div className="field--checkbox">
          <label>
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(event) => {
                setUnreadOnly(event.target.checked);
              }}
            />{' '}
            {t.notifications.onlyUnread}
          </label>
        </div>
        <button
          type="button"
          className="button"
          disabled={count === 0 || markRead.isPending}
          onClick={() => {
            setStatus('');
            markRead.mutate('all', {
              onSuccess: () => {
                setStatus(t.notifications.allMarkedRead);
              },
            });
          }}
        >
          {t.notifications.markAllRead}
        </button>
        <Link to={AppPaths.notificationSettings}>{t.notifications.settingsLink}</Link>
      </div>
      <LiveMessage kind="success">{status}</LiveMessage>
      <LiveMessage kind="error">
        {list.isError ? errorMessage(list.error) : markRead.isError ? errorMessage(markRead.error) : ''}
      </LiveMessage>
      {list.isPending ? <p role="status">{t.common.loading}</p> : null}
      {list.isSuccess && items.length === 0 ? <p>{unreadOnly ? t.notifications.emptyUnread : t.notifications.empty}</p> : null}
      {groups.map((group) => (
        <DayGroup
          key={group.key}
          label={dayLabel(group.key, now, t, locale)}
          items={group.items}
          onOpen={(notification) => {
            if (notification.readAt === null) markRead.mutate([notification.id]);
          }}
          onMarkRead={(notification) => {
            markRead.mutate([notification.id]);
          }}
        />
      ))}
      {list.hasNextPage ? (
        <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? t.common.loading : t.notifications.loadMore}
        </button>
      ) : null}
    </section>
  );
}

function DayGroup({
  label,
  items,
  onOpen,
  onMarkRead,
}: {
  label: string;
  items: NotificationDto[];
  onOpen: (notification: NotificationDto) => void;
  onMarkRead: (notification: NotificationDto) => void;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="notification-day">
      <h2 id={headingId} className="notification-day__heading">
        {label}
      </h2>
      <ul className="notification-list">
        {items.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} onOpen={onOpen} onMarkRead={onMarkRead} />
        ))}
      </ul>
    </section>
  );
}
