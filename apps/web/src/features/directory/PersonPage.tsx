import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { NotFoundPage } from '../sections/StatusPages';
import { isApiError } from '../../api/client';
import { DirectoryNav, OrganisationLink } from './DirectoryBits';
import { directoryApi, directoryKeys } from './directoryApi';

/** A person's profile with contact details as mailto:/tel: links (notifications and mentions link here). */
export function PersonPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { personId = '' } = useParams();
  const person = useQuery({
    queryKey: directoryKeys.person(personId),
    queryFn: ({ signal }) => directoryApi.person(personId, signal),
  });
  usePageTitle(person.data?.displayName ?? t.directory.people);

  if (person.isError && isApiError(person.error) && (person.error.status === 404 || person.error.status === 400)) return <NotFoundPage />;
  if (!person.data) {
    return (
      <section className="page">
        {person.isError ? <LiveMessage kind="error">{errorMessage(person.error)}</LiveMessage> : <p role="status">{t.common.loading}</p>}
      </section>
    );
  }
  const p = person.data;
  return (
    <article className="page stack directory">
      <DirectoryNav />
      <h1>{p.displayName}</h1>
      <p className="muted">
        @{p.handle} · {t.roles[p.role]} · <OrganisationLink organisation={p.organisation} />
      </p>
      <section className="card" aria-labelledby="person-contact">
        <h2 id="person-contact">{t.directory.contact}</h2>
        <dl className="directory-details">
          <dt>{t.directory.email}</dt>
          <dd>
            <a href={`mailto:${p.email}`} aria-label={t.directory.writeEmail(p.displayName)}>
              {p.email}
            </a>
          </dd>
          <dt>{t.directory.phone}</dt>
          <dd>
            {p.phone ? (
              <a href={`tel:${p.phone.replace(/[^0-9+]/g, '')}`} aria-label={t.directory.call(p.displayName)}>
                {p.phone}
              </a>
            ) : (
              t.directory.none
            )}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="person-details">
        <h2 id="person-details">{t.directory.details}</h2>
        <dl className="directory-details">
          <dt>{t.directory.languages}</dt>
          <dd>{p.languages.length > 0 ? p.languages.join(', ') : t.directory.none}</dd>
          <dt>{t.directory.expertiseAreas}</dt>
          <dd>{p.expertise.length > 0 ? p.expertise.join(', ') : t.directory.none}</dd>
        </dl>
        {p.bio ? (
          <>
            <h3>{t.directory.bio}</h3>
            <p className="directory-bio">{p.bio}</p>
          </>
        ) : null}
      </section>
    </article>
  );
}
