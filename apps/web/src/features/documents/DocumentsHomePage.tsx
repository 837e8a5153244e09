import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import { spacesApi } from '../../api/endpoints';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { useFocusHeadingWhenReady, VisibilityBadge } from '../forum/ForumBits';
import { forumKeys } from '../forum/queryKeys';
import { DocumentPaths } from './paths';
import './documents.css';

/** `/dokumente`: the spaces one can see, each leading to its documents. */
export function DocumentsHomePage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  usePageTitle(t.documents.title);
  useFocusHeadingWhenReady(true);
  const headingId = useId();

  const spaces = useInfiniteQuery({
    queryKey: forumKeys.spaces(),
    queryFn: ({ pageParam, signal }) => spacesApi.list(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = spaces.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page documents-home">
      <h1>{t.documents.title}</h1>
      <p className="muted">{t.documents.intro}</p>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t.documents.spacesHeading}</h2>
        <LiveMessage kind="error">{spaces.isError ? errorMessage(spaces.error) : ''}</LiveMessage>
        {spaces.isPending ? (
          <p role="status">{t.common.loading}</p>
        ) : items.length === 0 && !spaces.isError ? (
          <p>{t.documents.noSpaces}</p>
        ) : (
          <ul className="space-list">
            {items.map((space) => (
              <li key={space.id} className={space.archived ? 'space-card space-card--archived' : 'space-card'}>
                <h3 className="space-card__title">
                  <Link to={DocumentPaths.space(space.id)}>{space.name}</Link>
                </h3>
                {space.description ? <p className="space-card__description">{space.description}</p> : null}
                <p className="space-card__meta">
                  <VisibilityBadge visibility={space.visibility} />
                  {space.archived ? <span className="badge">{t.forum.archived}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        {spaces.hasNextPage ? (
          <button type="button" className="button" onClick={() => void spaces.fetchNextPage()} disabled={spaces.isFetchingNextPage}>
            {spaces.isFetchingNextPage ? t.documents.loadingMore : t.documents.loadMore}
          </button>
        ) : null}
      </section>
    </section>
  );
}
