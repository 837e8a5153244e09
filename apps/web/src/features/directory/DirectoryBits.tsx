import type { OrganisationListItemDto, OrganisationSummary, Page, UserListItemDto, UserSummary } from '@treffpunkt/contracts';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n';
import { directoryApi, directoryKeys, DirectoryPaths, type Filters } from './directoryApi';

/** A paged directory list that follows its filters. */
export function usePeople(filters: Filters, options: { enabled?: boolean; limit?: number } = {}) {
  return useInfiniteQuery({
    queryKey: [...directoryKeys.people(filters), options.limit ?? null],
    queryFn: ({ pageParam, signal }) => directoryApi.people(filters, pageParam, signal, options.limit),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<UserListItemDto>) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useOrganisations(filters: Filters, options: { enabled?: boolean; limit?: number } = {}) {
  return useInfiniteQuery({
    queryKey: [...directoryKeys.organisations(filters), options.limit ?? null],
    queryFn: ({ pageParam, signal }) => directoryApi.organisations(filters, pageParam, signal, options.limit),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<OrganisationListItemDto>) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** What a list needs of an infinite query. */
interface ListQuery<T> {
  data?: { pages: Array<Page<T>> } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Results with a count announced to screen readers (aria-live), the rows, an empty note and
 * "load more". `more` links to the full list instead of loading further (the overview).
 */
export function ResultList<T extends { id: string }>({
  query,
  found,
  empty,
  renderItem,
  more,
  label,
}: {
  query: ListQuery<T>;
  found: (count: number, more: boolean) => string;
  empty: string;
  renderItem: (item: T) => ReactNode;
  more?: { to: string; label: string };
  label: string;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const hasMore = query.hasNextPage;
  const status = query.isPending ? t.common.loading : items.length === 0 ? empty : found(items.length, hasMore);
  return (
    <div className="directory-results">
      <LiveMessage kind="info">{query.isError ? null : status}</LiveMessage>
      <LiveMessage kind="error">{query.isError ? errorMessage(query.error) : null}</LiveMessage>
      {items.length > 0 ? (
        <ul className="directory-list" aria-label={label}>
          {items.map((item) => (
            <li key={item.id}>{renderItem(item)}</li>
          ))}
        </ul>
      ) : null}
      {hasMore && more ? (
        <Link to={more.to} className="button button--link">
          {more.label}
        </Link>
      ) : null}
      {hasMore && !more ? (
        <button type="button" className="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t.directory.loadMore}
        </button>
      ) : null}
    </div>
  );
}

export function PersonRow({ person }: { person: UserListItemDto }) {
  const t = useT();
  return (
    <div className="directory-row">
      <Link to={DirectoryPaths.person(person.id)} className="directory-row__title">
        {person.displayName}
      </Link>{' '}
      <span className="muted">@{person.handle}</span>
      <div className="directory-row__meta">
        {t.roles[person.role]} · <OrganisationLink organisation={person.organisation} />
      </div>
      {person.languages.length > 0 ? (
        <div className="directory-row__meta">
          {t.directory.languages}: {person.languages.join(', ')}
        </div>
      ) : null}
      {person.expertise.length > 0 ? (
        <div className="directory-row__meta">
          {t.directory.expertiseAreas}: {person.expertise.join(', ')}
        </div>
      ) : null}
    </div>
  );
}

export function OrganisationRow({ organisation }: { organisation: OrganisationListItemDto }) {
  const t = useT();
  return (
    <div className="directory-row">
      <Link to={DirectoryPaths.organisation(organisation.id)} className="directory-row__title">
        {organisation.name}
      </Link>
      {organisation.archived ? <span className="badge">{t.directory.archivedBadge}</span> : null}
      <div className="directory-row__meta">{[t.organisationTypes[organisation.type], organisation.city].filter(Boolean).join(' · ')}</div>
      {organisation.fieldsOfAction.length > 0 ? (
        <div className="directory-row__meta">
          {organisation.fieldsOfAction.map((field) => t.directory.fieldsOfActionLabels[field]).join(', ')}
        </div>
      ) : null}
    </div>
  );
}

export function OrganisationLink({ organisation }: { organisation: OrganisationSummary }) {
  return <Link to={DirectoryPaths.organisation(organisation.id)}>{organisation.name}</Link>;
}

export function PersonLink({ person }: { person: UserSummary }) {
  return <Link to={DirectoryPaths.person(person.id)}>{person.displayName}</Link>;
}

/** Links between the directory's views. */
export function DirectoryNav() {
  const t = useT();
  return (
    <nav aria-label={t.directory.title} className="directory-nav">
      <Link to={DirectoryPaths.home}>{t.directory.title}</Link>
      <Link to={DirectoryPaths.people}>{t.directory.allPeople}</Link>
      <Link to={DirectoryPaths.organisations}>{t.directory.allOrganisations}</Link>
      <Link to={DirectoryPaths.whoCanHelp}>{t.directory.whoCanHelp}</Link>
    </nav>
  );
}
