import { ROLES, hasPermission, type AdminUpdateUserRequest, type Role, type UserDto } from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { organisationsApi } from '../../api/endpoints';
import { SelectField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { ConfirmDialog } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, useI18n } from '../../i18n';
import { useCurrentUser } from '../auth/SessionProvider';
import { NotFoundPage } from '../sections/StatusPages';
import { EraseUserDialog } from './EraseUserDialog';
import { organisationsQueryKey } from './InviteForm';
import { AdminPaths } from './adminArea';
import { adminApi, adminKeys } from './adminApi';
import { UserStatusBadge } from './UserStatusBadge';

/** A change waiting for its confirmation. */
type Pending =
  | { kind: 'role'; role: Role }
  | { kind: 'organisation'; organisationId: string; organisationName: string }
  | { kind: 'disable' }
  | { kind: 'enable' };

/** One person: role, organisation and access, each change only after a confirmation that says what happens. */
export function PersonPage() {
  const { userId = '' } = useParams();
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const person = useQuery({
    queryKey: adminKeys.person(userId),
    queryFn: ({ signal }) => adminApi.person(userId, signal),
  });
  usePageTitle(person.data?.displayName ?? t.adminArea.people.title);

  if (person.isError && isApiError(person.error) && person.error.status === 404) return <NotFoundPage />;
  if (!person.data) {
    return (
      <div>
        <LiveMessage kind="error">{person.isError ? errorMessage(person.error) : ''}</LiveMessage>
        {person.isPending ? <p role="status">{t.common.loading}</p> : null}
      </div>
    );
  }
  return <PersonDetails key={person.data.id} person={person.data} />;
}

function PersonDetails({ person }: { person: UserDto }) {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(person.role);
  const [organisationId, setOrganisationId] = useState(person.organisation.id);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [fieldError, setFieldError] = useState<{ role?: string; organisation?: string }>({});
  const roleHeadingId = useId();
  const organisationHeadingId = useId();
  const accessHeadingId = useId();
  const gdprHeadingId = useId();
  const isSelf = person.id === me.id;
  const erased = person.status === 'erased';

  const organisations = useQuery({
    queryKey: organisationsQueryKey,
    queryFn: ({ signal }) => organisationsApi.listAll(signal),
    staleTime: 5 * 60_000,
  });

  const update = useMutation({
    mutationFn: ({ body }: { body: AdminUpdateUserRequest; done: string }) => adminApi.updatePerson(person.id, body),
    onSuccess: (updated, { done }) => {
      queryClient.setQueryData(adminKeys.person(person.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'people'] });
      setPending(null);
      setError('');
      setNotice(done);
    },
    onError: (failure) => {
      setPending(null);
      setNotice('');
      setError(errorMessage(failure));
    },
  });

  function askRole(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (role === person.role) {
      setFieldError({ role: t.adminArea.person.unchanged });
      return;
    }
    setFieldError({});
    setPending({ kind: 'role', role });
  }

  function askOrganisation(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (organisationId === person.organisation.id) {
      setFieldError({ organisation: t.adminArea.person.unchanged });
      return;
    }
    setFieldError({});
    const name = organisations.data?.find((o) => o.id === organisationId)?.name ?? organisationId;
    setPending({ kind: 'organisation', organisationId, organisationName: name });
  }

  function confirm() {
    if (!pending) return;
    switch (pending.kind) {
      case 'role':
        update.mutate({ body: { role: pending.role }, done: t.adminArea.person.roleChanged(t.roles[pending.role]) });
        break;
      case 'organisation':
        update.mutate({
          body: { organisationId: pending.organisationId },
          done: t.adminArea.person.organisationChanged(pending.organisationName),
        });
        break;
      case 'disable':
        update.mutate({ body: { status: 'disabled' }, done: t.adminArea.person.disabled });
        break;
      case 'enable':
        update.mutate({ body: { status: 'active' }, done: t.adminArea.person.enabled });
        break;
    }
  }

  const dialog = pending ? describe(pending) : null;

  function describe(change: Pending): { title: string; text: string; confirmLabel: string } {
    const p = t.adminArea.person;
    switch (change.kind) {
      case 'role':
        return { title: p.confirmRoleTitle, text: p.confirmRoleText(person.displayName, t.roles[change.role]), confirmLabel: p.confirm };
      case 'organisation':
        return {
          title: p.confirmOrganisationTitle,
          text: p.confirmOrganisationText(person.displayName, change.organisationName),
          confirmLabel: p.confirm,
        };
      case 'disable':
        return { title: p.confirmDisableTitle, text: p.confirmDisableText(person.displayName), confirmLabel: p.confirmDisable };
      case 'enable':
        return { title: p.confirmEnableTitle, text: p.confirmEnableText(person.displayName), confirmLabel: p.confirmEnable };
    }
  }

  return (
    <div className="stack admin-person">
      <div>
        <p className="breadcrumb">
          <Link to={AdminPaths.people}>{t.adminArea.person.back}</Link>
        </p>
        <h2>{person.displayName}</h2>
      </div>
      <LiveMessage kind="success">{notice}</LiveMessage>
      <LiveMessage kind="error">{error}</LiveMessage>
      <dl className="card admin-person__facts">
        <dt>{t.adminArea.person.handle}</dt>
        <dd>@{person.handle}</dd>
        <dt>{t.adminArea.person.email}</dt>
        <dd>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : '—'}</dd>
        <dt>{t.adminArea.person.role}</dt>
        <dd>{t.roles[person.role]}</dd>
        <dt>{t.adminArea.person.organisation}</dt>
        <dd>{person.organisation.name}</dd>
        <dt>{t.adminArea.person.status}</dt>
        <dd>
          <UserStatusBadge status={person.status} />
        </dd>
        <dt>{t.adminArea.person.memberSince}</dt>
        <dd>{formatDateTime(person.createdAt, locale)}</dd>
      </dl>
      {isSelf ? <p className="message message--info">{t.adminArea.person.self}</p> : null}

      {erased ? null : (
        <>
          <section aria-labelledby={roleHeadingId} className="card">
            <h3 id={roleHeadingId}>{t.adminArea.person.roleHeading}</h3>
            <form className="form admin-inline-form" onSubmit={askRole} noValidate>
              <SelectField
                label={t.adminArea.person.role}
                name="role"
                value={role}
                error={fieldError.role}
                disabled={isSelf}
                onChange={(event) => {
                  setRole(ROLES.find((candidate) => candidate === event.target.value) ?? person.role);
                }}
              >
                {ROLES.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {t.roles[candidate]}
                  </option>
                ))}
              </SelectField>
              <div className="form__actions">
                <button type="submit" className="button" disabled={isSelf || update.isPending}>
                  {t.adminArea.person.changeRole}
                </button>
              </div>
            </form>
          </section>

          <section aria-labelledby={organisationHeadingId} className="card">
            <h3 id={organisationHeadingId}>{t.adminArea.person.organisationHeading}</h3>
            <form className="form admin-inline-form" onSubmit={askOrganisation} noValidate>
              <SelectField
                label={t.adminArea.person.organisation}
                name="organisationId"
                value={organisationId}
                error={fieldError.organisation}
                onChange={(event) => {
                  setOrganisationId(event.target.value);
                }}
              >
                {(organisations.data ?? [person.organisation]).map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.name}
                  </option>
                ))}
              </SelectField>
              <div className="form__actions">
                <button type="submit" className="button" disabled={update.isPending}>
                  {t.adminArea.person.changeOrganisation}
                </button>
              </div>
            </form>
          </section>

          <section aria-labelledby={accessHeadingId} className="card">
            <h3 id={accessHeadingId}>{t.adminArea.person.accessHeading}</h3>
            {person.status === 'disabled' ? (
              <button
                type="button"
                className="button"
                disabled={update.isPending}
                onClick={() => {
                  setPending({ kind: 'enable' });
                }}
              >
                {t.adminArea.person.enable}
              </button>
            ) : (
              <button
                type="button"
                className="button button--danger"
                disabled={isSelf || update.isPending}
                onClick={() => {
                  setPending({ kind: 'disable' });
                }}
              >
                {t.adminArea.person.disable}
              </button>
            )}
          </section>

          {hasPermission(me.role, 'users.erase') && !isSelf ? (
            <section aria-labelledby={gdprHeadingId} className="card">
              <h3 id={gdprHeadingId}>{t.adminArea.person.gdprHeading}</h3>
              <EraseUserDialog
                user={{ id: person.id, displayName: person.displayName, handle: person.handle }}
                onErased={() => {
                  setNotice(t.adminArea.person.erased);
                  void queryClient.invalidateQueries({ queryKey: adminKeys.person(person.id) });
                  void queryClient.invalidateQueries({ queryKey: ['admin', 'people'] });
                }}
              />
            </section>
          ) : null}
        </>
      )}

      {dialog ? (
        <ConfirmDialog
          title={dialog.title}
          text={dialog.text}
          confirmLabel={dialog.confirmLabel}
          cancelLabel={t.adminArea.cancel}
          busy={update.isPending}
          onConfirm={confirm}
          onCancel={() => {
            setPending(null);
          }}
        />
      ) : null}
    </div>
  );
}
