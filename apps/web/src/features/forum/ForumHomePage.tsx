import { hasPermission, WebPaths, type SpaceDto } from '@treffpunkt/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { spacesApi } from '../../api/endpoints';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { useCurrentUser } from '../auth/SessionProvider';
import { CountBadge, useFocusHeadingWhenReady, VisibilityBadge } from './ForumBits';
import { forumKeys } from './queryKeys';
import { SpaceForm } from './SpaceForm';

export const FORUM_SEARCH_PATH = '/forum/suche';

export function ForumHomePage() {
  const t = useT();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  usePageTitle(t.forum.title);
  const canManage = hasPermission(user.role, 'spaces.manage');

  const spaces = useInfiniteQuery({
    queryKey: forumKeys.spaces(),
    queryFn: ({ pageParam, signal }) => spacesApi.list(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  useFocusHeadingWhenReady(true);
  const items = spaces.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = useId();

  return (
    <section className="page forum">
      <h1>{t.forum.title}</h1>
      <p className="muted">{t.forum.intro}</p>
      <ForumSearchBox />
      {canManage ? <CreateSpace /> : null}
      <section aria-labelledby={headingId} className="forum__spaces">
        <h2 id={headingId}>{t.forum.spacesHeading}</h2>
        <LiveMessage kind="error">{spaces.isError ? errorMessage(spaces.error) : ''}</LiveMessage>
        {spaces.isPending ? (
          <p role="status">{t.common.loading}</p>
        ) : items.length === 0 && !spaces.isError ? (
          <p>{t.forum.noSpaces}</p>
        ) : (
          <ul className="space-list">
            {items.map((space) => (
              <SpaceCard key={space.id} space={space} />
            ))}
          </ul>
        )}
        {spaces.hasNextPage ? (
          <button type="button" className="button" onClick={() => void spaces.fetchNextPage()} disabled={spaces.isFetchingNextPage}>
            {spaces.isFetchingNextPage ? t.forum.loadingMore : t.forum.loadMore}
          </button>
        ) : null}
      </section>
    </section>
  );
}

function SpaceCard({ space }: { space: SpaceDto }) {
  const t = useT();
  return (
    <li className={space.archived ? 'space-card space-card--archived' : 'space-card'}>
      <h3 className="space-card__title">
        <Link to={WebPaths.space(space.id)}>{space.name}</Link>
      </h3>
      {space.description ? <p className="space-card__description">{space.description}</p> : null}
      <p className="space-card__meta">
        <VisibilityBadge visibility={space.visibility} />
        {space.archived ? <span className="badge">{t.forum.archived}</span> : null}
        <span className="muted">{t.forum.threadCount(space.threadCount)}</span>
        {space.unreadThreadCount > 0 ? (
          <CountBadge count={space.unreadThreadCount} label={t.forum.unreadThreads(space.unreadThreadCount)} className="badge--unread" />
        ) : null}
      </p>
    </li>
  );
}

/** Search box leading to the search page (`/forum/suche?q=`). */
export function ForumSearchBox({ spaceId }: { spaceId?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const id = useId();
  const [query, setQuery] = useState('');
  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    const params = new URLSearchParams({ q });
    if (spaceId) params.set('spaceId', spaceId);
    void navigate(`${FORUM_SEARCH_PATH}?${params.toString()}`);
  }
  return (
    <form role="search" className="search-box" onSubmit={onSubmit} aria-label={t.forum.searchLabel}>
      <label htmlFor={id}>{t.forum.searchLabel}</label>
      <div className="search-box__row">
        <input
          id={id}
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
        <button type="submit" className="button button--primary">
          {t.forum.searchSubmit}
        </button>
      </div>
    </form>
  );
}

function CreateSpace() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  if (!open) {
    return (
      <p>
        <button
          ref={toggleRef}
          type="button"
          className="button"
          aria-expanded="false"
          onClick={() => {
            setOpen(true);
          }}
        >
          {t.forum.createSpace}
        </button>
      </p>
    );
  }
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t.forum.createSpaceHeading}</h2>
      <SpaceForm
        mode="create"
        autoFocus
        onCancel={() => {
          setOpen(false);
          requestAnimationFrame(() => toggleRef.current?.focus());
        }}
        onSaved={(space) => {
          void navigate(WebPaths.space(space.id), { state: { notice: t.forum.spaceCreated(space.name) } });
        }}
      />
    </section>
  );
}
