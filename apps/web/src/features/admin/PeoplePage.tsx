import { ROLES, USER_LIST_STATUSES, type Role, type UserListStatus } from '@treffpunkt/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { organisationsApi } from '../../api/endpoints';
import { SelectField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { organisationsQueryKey } from './InviteForm';
import { AdminPaths } from './adminArea';
import { UserStatusBadge } from './UserStatusBadge';
import { adminApi, adminKeys, type PeopleFilter } from './adminApi';

const isRole = (value: string | null): value is Role => ROLES.some((role) => role === value);
const isStatus = (value: string | null): value is UserListStatus => USER_LIST_STATUSES.some((status) => status === value);

/** The filters live in the query string, so a filtered list can be bookmarked and the back button works. */
function filterFrom(params: URLSearchParams): PeopleFilter {
  const role = params.get('role');
  const status = params.get('status');
  return {
    q: params.get('q') ?? '',
    role: isRole(role) ? role : '',
    organisationId: params.get('organisationId') ?? '',
    status: isStatus(status) ? status : 'all',
  };
}

export function PeoplePage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  usePageTitle(t.adminArea.people.title);
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const [draft, setDraft] = useState(filter);
  const headingId = useId();

  const organisations = useQuery({
    queryKey: organisationsQueryKey,
    queryFn: ({ signal }) => organisationsApi.listAll(signal),
    staleTime: 5 * 60_000,
  });
  const people = useInfiniteQuery({
    queryKey: adminKeys.people(filter),
    queryFn: ({ pageParam, signal }) => adminApi.people(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const rows = people.data?.pages.flatMap((page) => page.items) ?? [];

  function apply(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.role) next.set('role', draft.role);
    if (draft.organisationId) next.set('organisationId', draft.organisationId);
    if (draft.status !== 'all') next.set('status', draft.status);
    setParams(next);
  }

  return (
    <div className="stack">
      <h2 id={headingId}>{t.adminArea.people.title}</h2>
      <form className="admin-filters card" onSubmit={apply} aria-label={t.adminArea.filters} role="search">
        <TextField
          label={t.adminArea.people.search}
          hint={t.adminArea.people.searchHint}
          type="search"
          name="q"
          value={draft.q}
          onChange={(event) => {
            setDraft({ ...draft, q: event.target.value });
          }}
        />
        <SelectField
          label={t.adminArea.people.role}
          name="role"
          value={draft.role}
          onChange={(event) => {
            const value = event.target.value;
            setDraft({ ...draft, role: isRole(value) ? value : '' });
          }}
        >
          <option value="">{t.adminArea.any}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t.roles[role]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.adminArea.people.organisation}
          name="organisationId"
          value={draft.organisationId}
          onChange={(event) => {
            setDraft({ ...draft, organisationId: event.target.value });
          }}
        >
          <option value="">{t.adminArea.any}</option>
          {(organisations.data ?? []).map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.adminArea.people.status}
          name="status"
          value={draft.status}
          onChange={(event) => {
            const value = event.target.value;
            setDraft({ ...draft, status: isStatus(value) ? value : 'all' });
          }}
        >
          {USER_LIST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t.adminArea.people.statuses[status]}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t.adminArea.applyFilters}
          </button>
        </div>
      </form>
      <LiveMessage kind="error">{people.isError ? errorMessage(people.error) : ''}</LiveMessage>
      <p role="status" className="muted">
        {people.isPending ? t.common.loading : t.adminArea.people.count(rows.length)}
      </p>
      {people.isSuccess && rows.length === 0 ? (
        <p>{t.adminArea.people.empty}</p>
      ) : rows.length > 0 ? (
        <div className="table-scroll">
          <table className="table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t.adminArea.people.colName}</th>
                <th scope="col">{t.adminArea.people.colEmail}</th>
                <th scope="col">{t.adminArea.people.colRole}</th>
                <th scope="col">{t.adminArea.people.colOrganisation}</th>
                <th scope="col">{t.adminArea.people.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((person) => (
                <tr key={person.id}>
                  <td>
                    <Link to={AdminPaths.person(person.id)}>{person.displayName}</Link> <span className="muted">@{person.handle}</span>
                  </td>
                  <td>{person.email}</td>
                  <td>{t.roles[person.role]}</td>
                  <td>{person.organisation.name}</td>
                  <td>
                    <UserStatusBadge status={person.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {people.hasNextPage ? (
        <p>
          <button type="button" className="button" disabled={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()}>
            {people.isFetchingNextPage ? t.common.loading : t.adminArea.loadMore}
          </button>
        </p>
      ) : null}
    </div>
  );
}
