import { SEARCH_QUERY_MAX, SEARCH_TYPES, WebPaths, type SearchHitDto, type SearchType } from '@treffpunkt/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { searchApi, spacesApi } from '../../api/endpoints';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { RelativeTime } from './dates';
import { CaseCodeBadge, useFocusHeadingWhenReady } from './ForumBits';
import { forumKeys } from './queryKeys';
import { Snippet } from './Snippet';

const asType = (value: string | null): SearchType => SEARCH_TYPES.find((type) => type === value) ?? 'threads';

export function SearchPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  usePageTitle(t.forum.searchTitle);
  useFocusHeadingWhenReady(true);
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const type = asType(params.get('type'));
  const spaceId = params.get('spaceId') ?? '';
  const [input, setInput] = useState(q);
  const [inputFor, setInputFor] = useState(q);
  // Follow the URL (back/forward, links) without losing what is being typed otherwise.
  if (inputFor !== q) {
    setInputFor(q);
    setInput(q);
  }
  const inputId = useId();
  const spaceSelectId = useId();
  const resultsHeadingId = useId();

  const spaces = useQuery({
    queryKey: [...forumKeys.spaces(), 'first-page'],
    queryFn: ({ signal }) => spacesApi.list(null, signal),
    staleTime: 60_000,
  });

  const results = useInfiniteQuery({
    queryKey: forumKeys.search(q, type, spaceId),
    queryFn: ({ pageParam, signal }) => searchApi.search({ q, type, spaceId: spaceId || null }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q !== '',
  });
  const hits = results.data?.pages.flatMap((page) => page.items) ?? [];
  // a very common word: only the newest matches are ranked (the API says how many)
  const moreThan = results.data?.pages[0]?.moreThan ?? null;

  function update(next: { q?: string; type?: SearchType; spaceId?: string }) {
    const merged = { q: next.q ?? q, type: next.type ?? type, spaceId: next.spaceId ?? spaceId };
    const search = new URLSearchParams();
    if (merged.q) search.set('q', merged.q);
    search.set('type', merged.type);
    if (merged.spaceId) search.set('spaceId', merged.spaceId);
    setParams(search);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: input.trim() });
  }

  return (
    <section className="page forum-search">
      <p className="breadcrumb">
        <Link to={AppPaths.forum}>{t.forum.backToForum}</Link>
      </p>
      <h1>{t.forum.searchTitle}</h1>
      <form role="search" aria-label={t.forum.searchTitle} className="form search-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={inputId}>{t.forum.query}</label>
          <input
            id={inputId}
            type="search"
            maxLength={SEARCH_QUERY_MAX}
            value={input}
            onChange={(event) => {
              setInput(event.target.value);
            }}
          />
        </div>
        <fieldset className="field radio-group">
          <legend>{t.forum.searchIn}</legend>
          {SEARCH_TYPES.map((candidate) => (
            <label key={candidate} className="radio">
              <input
                type="radio"
                name="type"
                value={candidate}
                checked={type === candidate}
                onChange={() => {
                  update({ type: candidate, q: input.trim() });
                }}
              />{' '}
              {t.forum.searchTypes[candidate]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={spaceSelectId}>{t.forum.spaceFilter}</label>
          <select
            id={spaceSelectId}
            value={spaceId}
            onChange={(event) => {
              update({ spaceId: event.target.value, q: input.trim() });
            }}
          >
            <option value="">{t.forum.allSpaces}</option>
            {(spaces.data?.items ?? []).map((space) => (
              <option key={space.id} value={space.id}>
                {space.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t.forum.searchSubmit}
          </button>
        </div>
      </form>

      <section aria-labelledby={resultsHeadingId} className="search-results">
        <h2 id={resultsHeadingId}>{t.forum.resultsHeading}</h2>
        <LiveMessage kind="error">{results.isError ? errorMessage(results.error) : ''}</LiveMessage>
        <LiveMessage kind="info">{results.isSuccess && hits.length === 0 ? t.forum.noResults(q) : ''}</LiveMessage>
        {q === '' ? <p className="muted">{t.forum.searchPrompt}</p> : null}
        {q !== '' && results.isLoading ? <p role="status">{t.common.loading}</p> : null}
        {hits.length > 0 ? (
          <ol className="search-results__list">
            {hits.map((hit) => (
              <SearchHit key={`${hit.threadId}-${hit.postId ?? 'thread'}`} hit={hit} />
            ))}
          </ol>
        ) : null}
        {moreThan !== null && hits.length > 0 ? <p className="muted">{t.search.moreThan(moreThan)}</p> : null}
        {results.hasNextPage ? (
          <button type="button" className="button" onClick={() => void results.fetchNextPage()} disabled={results.isFetchingNextPage}>
            {results.isFetchingNextPage ? t.forum.loadingMore : t.forum.loadMore}
          </button>
        ) : null}
      </section>
    </section>
  );
}

function SearchHit({ hit }: { hit: SearchHitDto }) {
  const t = useT();
  const to = WebPaths.thread(hit.threadId, hit.type === 'posts' && hit.postSeq ? hit.postSeq : undefined);
  return (
    <li className="search-hit">
      <h3 className="search-hit__title">
        <Link to={to}>
          {hit.threadTitle}
          {hit.type === 'posts' && hit.postSeq ? <span className="muted"> #{hit.postSeq}</span> : null}
        </Link>{' '}
        {hit.pseudonymCode ? <CaseCodeBadge code={hit.pseudonymCode} /> : null}
      </h3>
      <p className="search-hit__snippet">
        <Snippet html={hit.snippet} />
      </p>
      <p className="search-hit__meta muted">
        {t.forum.hitMeta(hit.spaceName, hit.author.displayName)} · <RelativeTime iso={hit.createdAt} />
      </p>
    </li>
  );
}
