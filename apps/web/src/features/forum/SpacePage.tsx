import { WebPaths, type SpaceDto, type SubscriptionLevel, type ThreadKind, type ThreadSummaryDto } from '@treffpunkt/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { spacesApi } from '../../api/endpoints';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { DocumentPaths } from '../documents/paths';
import { ForbiddenPage, NotFoundPage } from '../sections/StatusPages';
import { CaseCodeBadge, CountBadge, SubscriptionSelect, useFocusHeadingWhenReady, VisibilityBadge, writeMessage } from './ForumBits';
import { ForumSearchBox } from './ForumHomePage';
import { RelativeTime } from './dates';
import { PostComposer } from './PostComposer';
import { forumKeys } from './queryKeys';

export const spaceAdminPath = (spaceId: string): string => `${WebPaths.space(spaceId)}/verwaltung`;

/** Navigation state other pages hand over ("Thema gelöscht", "Bereich angelegt"). */
export interface NoticeState {
  notice?: string;
}

export const noticeFrom = (state: unknown): string =>
  typeof state === 'object' && state !== null && typeof (state as NoticeState).notice === 'string'
    ? ((state as NoticeState).notice ?? '')
    : '';

export function allowedKinds(space: SpaceDto): ThreadKind[] {
  return [
    'discussion',
    ...(space.permissions.createCase ? (['case'] as const) : []),
    ...(space.permissions.createAnnouncement ? (['announcement'] as const) : []),
  ];
}

export function SpacePage() {
  const { spaceId = '' } = useParams();
  const t = useT();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState(() => noticeFrom(location.state));
  const [composerOpen, setComposerOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const composerHeadingId = useId();
  const threadsHeadingId = useId();

  const space = useQuery({
    queryKey: forumKeys.space(spaceId),
    queryFn: ({ signal }) => spacesApi.get(spaceId, signal),
  });
  const threads = useInfiniteQuery({
    queryKey: forumKeys.threads(spaceId),
    queryFn: ({ pageParam, signal }) => spacesApi.threads(spaceId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: space.isSuccess,
  });
  usePageTitle(space.data?.name ?? t.forum.title);
  useFocusHeadingWhenReady(space.isSuccess);

  const subscription = useMutation({
    mutationFn: (level: SubscriptionLevel) => spacesApi.setSubscription(spaceId, level),
    onMutate: (level) => {
      setStatus('');
      const previous = queryClient.getQueryData<SpaceDto>(forumKeys.space(spaceId));
      if (previous) queryClient.setQueryData<SpaceDto>(forumKeys.space(spaceId), { ...previous, subscription: level });
      return { previous };
    },
    onSuccess: () => {
      setStatus(t.forum.subscriptionSaved);
      void queryClient.invalidateQueries({ queryKey: forumKeys.spaces() });
    },
    onError: (_error, _level, context) => {
      if (context?.previous) queryClient.setQueryData(forumKeys.space(spaceId), context.previous);
    },
  });

  if (space.isError && isApiError(space.error) && space.error.status === 404) return <NotFoundPage />;
  if (space.isError && isApiError(space.error) && space.error.status === 403) return <ForbiddenPage />;
  if (!space.data) {
    return (
      <section className="page">
        <LiveMessage kind="error">{space.isError ? errorMessage(space.error) : ''}</LiveMessage>
        {space.isPending ? <p role="status">{t.common.loading}</p> : null}
      </section>
    );
  }

  const data = space.data;
  const canPost = data.permissions.post && !data.archived;
  const items = threads.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page forum-space">
      <p className="breadcrumb">
        <Link to={AppPaths.forum}>{t.forum.backToForum}</Link>
      </p>
      <div className="page-heading">
        <h1>{data.name}</h1>
        <VisibilityBadge visibility={data.visibility} />
        {data.archived ? <span className="badge">{t.forum.archived}</span> : null}
      </div>
      {data.description ? <p className="lead">{data.description}</p> : null}
      <LiveMessage kind="success">{status}</LiveMessage>
      <LiveMessage kind="error">{subscription.isError ? errorMessage(subscription.error) : ''}</LiveMessage>
      <div className="forum-space__tools">
        <SubscriptionSelect
          value={data.subscription}
          disabled={subscription.isPending}
          onChange={(level) => {
            subscription.mutate(level);
          }}
        />
        <ForumSearchBox spaceId={data.id} />
        <p>
          <Link to={DocumentPaths.space(data.id)} className="button">
            {t.documents.spaceDocumentsLink}
          </Link>
        </p>
        {data.permissions.manage ? (
          <p>
            <Link to={spaceAdminPath(data.id)} className="button">
              {t.forum.manageSpace}
            </Link>
          </p>
        ) : null}
      </div>
      {data.archived ? <p className="message message--info">{t.forum.archivedNotice}</p> : null}
      {!data.archived && !data.permissions.post ? <p className="message message--info">{t.forum.cannotPost}</p> : null}

      {canPost ? (
        composerOpen ? (
          <section aria-labelledby={composerHeadingId} className="card composer-card">
            <h2 id={composerHeadingId}>{t.forum.newThreadHeading}</h2>
            <PostComposer
              mode={{ kind: 'thread', spaceId: data.id, allowedKinds: allowedKinds(data) }}
              submitLabel={t.forum.createThreadSubmit}
              onCancel={() => {
                setComposerOpen(false);
                requestAnimationFrame(() => toggleRef.current?.focus());
              }}
              onDone={(result) => {
                void queryClient.invalidateQueries({ queryKey: forumKeys.threads(data.id) });
                void queryClient.invalidateQueries({ queryKey: forumKeys.spaces() });
                if (!('thread' in result)) return;
                const notice = writeMessage(t, t.forum.threadCreated, result.unlinkedMentions);
                void navigate(WebPaths.thread(result.thread.id), { state: { notice } satisfies NoticeState });
              }}
            />
          </section>
        ) : (
          <p>
            <button
              ref={toggleRef}
              type="button"
              className="button button--primary"
              aria-expanded="false"
              onClick={() => {
                setComposerOpen(true);
                requestAnimationFrame(() => {
                  document.querySelector<HTMLElement>('.composer-card input, .composer-card textarea')?.focus();
                });
              }}
            >
              {t.forum.newThread}
            </button>
          </p>
        )
      ) : null}

      <section aria-labelledby={threadsHeadingId} className="forum-space__threads">
        <h2 id={threadsHeadingId}>{t.forum.threadsHeading}</h2>
        <LiveMessage kind="error">{threads.isError ? errorMessage(threads.error) : ''}</LiveMessage>
        {threads.isPending ? (
          <p role="status">{t.common.loading}</p>
        ) : items.length === 0 && !threads.isError ? (
          <p>{t.forum.noThreads}</p>
        ) : (
          <ul className="thread-list">
            {items.map((thread) => (
              <ThreadRow key={thread.id} thread={thread} />
            ))}
          </ul>
        )}
        {threads.hasNextPage ? (
          <button type="button" className="button" onClick={() => void threads.fetchNextPage()} disabled={threads.isFetchingNextPage}>
            {threads.isFetchingNextPage ? t.forum.loadingMore : t.forum.loadMore}
          </button>
        ) : null}
      </section>
    </section>
  );
}

function ThreadRow({ thread }: { thread: ThreadSummaryDto }) {
  const t = useT();
  const unread = !thread.isNew && thread.unreadCount > 0;
  return (
    <li className={['thread-row', thread.pinned ? 'thread-row--pinned' : '', thread.isNew || unread ? 'thread-row--unread' : ''].join(' ')}>
      <h3 className="thread-row__title">
        <Link to={WebPaths.thread(thread.id)}>{thread.title}</Link>
      </h3>
      <p className="thread-row__badges">
        {thread.pinned ? <span className="badge badge--pinned">{t.forum.pinned}</span> : null}
        {thread.locked ? <span className="badge badge--locked">{t.forum.locked}</span> : null}
        {thread.kind === 'announcement' ? <span className="badge badge--announcement">{t.forum.kinds.announcement}</span> : null}
        {thread.pseudonymCode ? <CaseCodeBadge code={thread.pseudonymCode} /> : null}
        {thread.isNew ? <span className="badge badge--new">{t.forum.isNew}</span> : null}
        {unread ? (
          <CountBadge count={thread.unreadCount} label={t.forum.unreadPosts(thread.unreadCount)} className="badge--unread" />
        ) : null}
      </p>
      <p className="thread-row__meta muted">
        <span>{t.forum.startedBy(thread.author.displayName)}</span>
        <span>{t.forum.postCount(thread.postCount)}</span>
        <span>
          {t.forum.lastActivity}: <RelativeTime iso={thread.lastPostAt} />
        </span>
      </p>
    </li>
  );
}
