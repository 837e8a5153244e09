import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { LiveMessage } from '../../components/LiveMessage';
import { Modal } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { NotFoundPage } from '../sections/StatusPages';
import { DirectoryNav, PersonLink } from './DirectoryBits';
import { directoryApi, directoryKeys, DirectoryPaths } from './directoryApi';

/** An organisation's profile: details, contact persons, members and the spaces the caller can see. */
export function OrganisationPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const { organisationId = '' } = useParams();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const textId = useId();
  const organisation = useQuery({
    queryKey: directoryKeys.organisation(organisationId),
    queryFn: ({ signal }) => directoryApi.organisation(organisationId, signal),
  });
  usePageTitle(organisation.data?.name ?? t.directory.organisations);
  const archive = useMutation({
    mutationFn: (archived: boolean) => directoryApi.archiveOrganisation(organisationId, archived),
    onSuccess: (updated) => {
      queryClient.setQueryData(directoryKeys.organisation(organisationId), updated);
      void queryClient.invalidateQueries({ queryKey: ['directory', 'organisations'] });
      setConfirming(false);
      setNotice(updated.archived ? t.directory.archivedNotice : t.directory.unarchivedNotice);
    },
  });

  if (organisation.isError && isApiError(organisation.error) && [400, 404].includes(organisation.error.status)) return <NotFoundPage />;
  if (!organisation.data) {
    return (
      <section className="page">
        {organisation.isError ? (
          <LiveMessage kind="error">{errorMessage(organisation.error)}</LiveMessage>
        ) : (
          <p role="status">{t.common.loading}</p>
        )}
      </section>
    );
  }
  const o = organisation.data;
  const address = [o.address, [o.postcode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <article className="page stack directory">
      <DirectoryNav />
      <div className="page-heading">
        <h1>
          {o.name} {o.archived ? <span className="badge">{t.directory.archivedBadge}</span> : null}
        </h1>
        {o.canManage ? (
          <div className="form__actions">
            <Link to={DirectoryPaths.organisationEdit(o.id)} className="button">
              {t.directory.edit}
            </Link>
            {o.archived ? (
              <button type="button" className="button" disabled={archive.isPending} onClick={() => archive.mutate(false)}>
                {t.directory.unarchive}
              </button>
            ) : (
              <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
                {t.directory.archive}
              </button>
            )}
          </div>
        ) : null}
      </div>
      <LiveMessage kind="success">{notice}</LiveMessage>
      <LiveMessage kind="error">{archive.isError && !confirming ? errorMessage(archive.error) : null}</LiveMessage>
      <p className="muted">{[t.organisationTypes[o.type], o.city].filter(Boolean).join(' · ')}</p>
      {o.description ? <p className="directory-bio">{o.description}</p> : null}

      <section className="card" aria-labelledby="organisation-contact">
        <h2 id="organisation-contact">{t.directory.contact}</h2>
        <dl className="directory-details">
          <dt>{t.directory.address}</dt>
          <dd>{address || t.directory.none}</dd>
          <dt>{t.directory.email}</dt>
          <dd>{o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : t.directory.none}</dd>
          <dt>{t.directory.phone}</dt>
          <dd>{o.phone ? <a href={`tel:${o.phone.replace(/[^0-9+]/g, '')}`}>{o.phone}</a> : t.directory.none}</dd>
          <dt>{t.directory.website}</dt>
          <dd>
            {o.website ? (
              <a href={o.website} rel="noopener noreferrer" target="_blank">
                {o.website}
              </a>
            ) : (
              t.directory.none
            )}
          </dd>
          <dt>{t.directory.fieldsOfAction}</dt>
          <dd>
            {o.fieldsOfAction.length > 0 ? o.fieldsOfAction.map((f) => t.directory.fieldsOfActionLabels[f]).join(', ') : t.directory.none}
          </dd>
          <dt>{t.directory.targetGroups}</dt>
          <dd>{o.targetGroups.length > 0 ? o.targetGroups.map((g) => t.directory.targetGroupLabels[g]).join(', ') : t.directory.none}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="organisation-contacts">
        <h2 id="organisation-contacts">{t.directory.contactPersons}</h2>
        {o.contactPersons.length === 0 ? (
          <p className="muted">{t.directory.noContactPersons}</p>
        ) : (
          <ul className="directory-list">
            {o.contactPersons.map((person) => (
              <li key={person.id}>
                <PersonLink person={person} /> · <a href={`mailto:${person.email}`}>{person.email}</a>
                {person.phone ? (
                  <>
                    {' · '}
                    <a href={`tel:${person.phone.replace(/[^0-9+]/g, '')}`}>{person.phone}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="organisation-members">
        <h2 id="organisation-members">{t.directory.members}</h2>
        {o.members.length === 0 ? (
          <p className="muted">{t.directory.noMembers}</p>
        ) : (
          <>
            <p className="muted">{t.directory.membersShown(o.members.length, o.memberCount)}</p>
            <ul className="directory-list">
              {o.members.map((person) => (
                <li key={person.id}>
                  <PersonLink person={person} /> <span className="muted">· {t.roles[person.role]}</span>
                </li>
              ))}
            </ul>
            <Link to={`${DirectoryPaths.people}?${new URLSearchParams({ organisationId: o.id }).toString()}`}>
              {t.directory.allMembers}
            </Link>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="organisation-spaces">
        <h2 id="organisation-spaces">{t.directory.spaces}</h2>
        {o.spaces.length === 0 ? (
          <p className="muted">{t.directory.noSpaces}</p>
        ) : (
          <ul className="directory-list">
            {o.spaces.map((space) => (
              <li key={space.id}>
                <Link to={`/forum/${space.id}`}>{space.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {confirming ? (
        <Modal
          title={t.directory.archiveTitle(o.name)}
          onClose={() => setConfirming(false)}
          describedBy={textId}
          initialFocus="[data-autofocus]"
        >
          <p id={textId}>{t.directory.archiveText}</p>
          <LiveMessage kind="error">{archive.isError ? errorMessage(archive.error) : null}</LiveMessage>
          <div className="form__actions">
            <button type="button" className="button button--danger" disabled={archive.isPending} onClick={() => archive.mutate(true)}>
              {t.directory.archive}
            </button>
            <button type="button" className="button" data-autofocus onClick={() => setConfirming(false)}>
              {t.directory.cancel}
            </button>
          </div>
        </Modal>
      ) : null}
    </article>
  );
}
