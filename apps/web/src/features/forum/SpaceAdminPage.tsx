import { SPACE_ROLES, WebPaths, type SpaceMemberDto, type SpaceRole } from '@treffpunkt/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { organisationsApi, spacesApi, usersApi } from '../../api/endpoints';
import { SelectField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { ConfirmDialog } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { organisationsQueryKey } from '../admin/InviteForm';
import { ForbiddenPage, NotFoundPage } from '../sections/StatusPages';
import { useFocusHeadingWhenReady } from './ForumBits';
import { forumKeys } from './queryKeys';
import { SpaceForm } from './SpaceForm';

const memberName = (member: SpaceMemberDto): string => member.user?.displayName ?? member.organisation?.name ?? '—';

export function SpaceAdminPage() {
  const { spaceId = '' } = useParams();
  const t = useT();
  const errorMessage = useErrorMessage();
  const space = useQuery({
    queryKey: forumKeys.space(spaceId),
    queryFn: ({ signal }) => spacesApi.get(spaceId, signal),
  });
  usePageTitle(space.data ? t.forum.adminTitle(space.data.name) : t.forum.manageSpace);
  useFocusHeadingWhenReady(space.isSuccess);
  const settingsHeadingId = useId();

  if (space.isError && isApiError(space.error) && space.error.status === 404) return <NotFoundPage />;
  if ((space.isError && isApiError(space.error) && space.error.status === 403) || (space.data && !space.data.permissions.manage)) {
    return <ForbiddenPage />;
  }
  if (!space.data) {
    return (
      <section className="page">
        <LiveMessage kind="error">{space.isError ? errorMessage(space.error) : ''}</LiveMessage>
        {space.isPending ? <p role="status">{t.common.loading}</p> : null}
      </section>
    );
  }
  const data = space.data;

  return (
    <section className="page stack forum-admin">
      <div>
        <p className="breadcrumb">
          <Link to={WebPaths.space(data.id)}>{t.forum.backToSpace(data.name)}</Link>
        </p>
        <h1>{t.forum.adminTitle(data.name)}</h1>
      </div>
      <section aria-labelledby={settingsHeadingId} className="card">
        <h2 id={settingsHeadingId}>{t.forum.settingsHeading}</h2>
        <SpaceForm key={data.id} mode="edit" space={data} onSaved={() => undefined} />
      </section>
      <Members spaceId={data.id} />
    </section>
  );
}

function Members({ spaceId }: { spaceId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [removing, setRemoving] = useState<SpaceMemberDto | null>(null);

  const members = useInfiniteQuery({
    queryKey: forumKeys.members(spaceId),
    queryFn: ({ pageParam, signal }) => spacesApi.members(spaceId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];

  const remove = useMutation({
    mutationFn: (member: SpaceMemberDto) => spacesApi.removeMember(spaceId, member.id),
    onSuccess: (_result, member) => {
      setRemoving(null);
      setStatus(t.forum.memberRemoved(memberName(member)));
      void queryClient.invalidateQueries({ queryKey: forumKeys.members(spaceId) });
      void queryClient.invalidateQueries({ queryKey: forumKeys.spaces() });
    },
    onError: (failure) => {
      setRemoving(null);
      setError(errorMessage(failure));
    },
  });

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t.forum.membersHeading}</h2>
      <LiveMessage kind="success">{status}</LiveMessage>
      <LiveMessage kind="error">{error || (members.isError ? errorMessage(members.error) : '')}</LiveMessage>
      {members.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : items.length === 0 ? (
        <p>{t.forum.membersEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.forum.colMember}</th>
                <th scope="col">{t.forum.colType}</th>
                <th scope="col">{t.forum.colRole}</th>
                <th scope="col">{t.forum.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    {memberName(member)}
                    {member.user ? <span className="muted"> @{member.user.handle}</span> : null}
                  </th>
                  <td>{member.user ? t.forum.memberTypes.user : t.forum.memberTypes.organisation}</td>
                  <td>{t.forum.spaceRoles[member.role]}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      aria-label={t.forum.removeMember(memberName(member))}
                      onClick={() => {
                        setStatus('');
                        setError('');
                        setRemoving(member);
                      }}
                    >
                      {t.forum.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {members.hasNextPage ? (
        <button type="button" className="button" onClick={() => void members.fetchNextPage()}>
          {t.forum.loadMore}
        </button>
      ) : null}
      <AddMember
        spaceId={spaceId}
        onAdded={(member) => {
          setError('');
          setStatus(t.forum.memberAdded(memberName(member)));
        }}
      />
      {removing ? (
        <ConfirmDialog
          title={t.forum.confirmRemoveTitle}
          text={t.forum.confirmRemoveText(memberName(removing))}
          confirmLabel={t.forum.remove}
          cancelLabel={t.forum.cancel}
          busy={remove.isPending}
          onConfirm={() => {
            remove.mutate(removing);
          }}
          onCancel={() => {
            setRemoving(null);
          }}
        />
      ) : null}
    </section>
  );
}

function AddMember({ spaceId, onAdded }: { spaceId: string; onAdded: (member: SpaceMemberDto) => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [kind, setKind] = useState<'user' | 'organisation'>('user');
  const [search, setSearch] = useState('');
  const [userId, setUserId] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<SpaceRole>('member');
  const [fieldError, setFieldError] = useState('');
  const [formError, setFormError] = useState('');

  const term = search.trim();
  const people = useQuery({
    queryKey: forumKeys.users(term),
    queryFn: ({ signal }) => usersApi.search(term, signal),
    enabled: kind === 'user' && term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const organisations = useQuery({
    queryKey: organisationsQueryKey,
    queryFn: ({ signal }) => organisationsApi.listAll(signal),
    enabled: kind === 'organisation',
    staleTime: 5 * 60_000,
  });

  const add = useMutation({
    mutationFn: () => spacesApi.addMember(spaceId, kind === 'user' ? { userId, role } : { organisationId, role }),
    onSuccess: (member) => {
      setUserId('');
      setOrganisationId('');
      setSearch('');
      onAdded(member);
      void queryClient.invalidateQueries({ queryKey: forumKeys.members(spaceId) });
      void queryClient.invalidateQueries({ queryKey: forumKeys.spaces() });
    },
    onError: (error) => {
      setFormError(errorMessage(error));
    },
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError('');
    if ((kind === 'user' && !userId) || (kind === 'organisation' && !organisationId)) {
      setFieldError(t.validation.required);
      return;
    }
    setFieldError('');
    add.mutate();
  }

  const peopleOptions = term.length >= 2 ? (people.data?.items ?? []) : [];

  return (
    <section aria-labelledby={headingId} className="add-member">
      <h3 id={headingId}>{t.forum.addMemberHeading}</h3>
      <LiveMessage kind="error">{formError}</LiveMessage>
      <form onSubmit={onSubmit} noValidate className="form">
        <fieldset className="field radio-group">
          <legend>{t.forum.memberKind}</legend>
          {(['user', 'organisation'] as const).map((candidate) => (
            <label key={candidate} className="radio">
              <input
                type="radio"
                name="memberKind"
                value={candidate}
                checked={kind === candidate}
                onChange={() => {
                  setKind(candidate);
                  setFieldError('');
                }}
              />{' '}
              {t.forum.memberTypes[candidate]}
            </label>
          ))}
        </fieldset>
        {kind === 'user' ? (
          <>
            <TextField
              label={t.forum.personSearch}
              hint={t.forum.personSearchHint}
              type="search"
              autoComplete="off"
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                setUserId('');
              }}
            />
            <SelectField
              label={t.forum.person}
              value={userId}
              error={fieldError || undefined}
              hint={term.length >= 2 && people.isSuccess && peopleOptions.length === 0 ? t.forum.noPeople : undefined}
              onChange={(event) => {
                setUserId(event.target.value);
              }}
            >
              <option value="">{t.forum.choose}</option>
              {peopleOptions.map((person) => (
                <option key={person.id} value={person.id}>
                  {`${person.displayName} (@${person.handle}, ${person.organisation.name})`}
                </option>
              ))}
            </SelectField>
          </>
        ) : (
          <SelectField
            label={t.forum.organisation}
            value={organisationId}
            error={fieldError || undefined}
            onChange={(event) => {
              setOrganisationId(event.target.value);
            }}
          >
            <option value="">{organisations.isPending ? t.admin.organisationsLoading : t.forum.choose}</option>
            {(organisations.data ?? []).map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t.forum.role}
          value={role}
          onChange={(event) => {
            const next = SPACE_ROLES.find((candidate) => candidate === event.target.value);
            if (next) setRole(next);
          }}
        >
          {SPACE_ROLES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t.forum.spaceRoles[candidate]}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {t.forum.add}
          </button>
        </div>
      </form>
    </section>
  );
}
