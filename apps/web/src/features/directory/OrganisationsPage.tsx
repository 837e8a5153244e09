import { FIELDS_OF_ACTION, hasPermission, ORGANISATION_TYPES, TARGET_GROUPS } from '@treffpunkt/contracts';
import { Link } from 'react-router-dom';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { useSession } from '../auth/SessionProvider';
import { DirectoryNav, OrganisationRow, ResultList, useOrganisations } from './DirectoryBits';
import { DirectoryPaths } from './directoryApi';
import { useUrlFilters } from './useUrlFilters';

const KEYS = ['q', 'type', 'city', 'field', 'targetGroup', 'includeArchived'] as const;

/** Whether the person manages any organisation (admins every type, coordinators partner organisations). */
export function managesOrganisations(role: Parameters<typeof hasPermission>[0]): boolean {
  return hasPermission(role, 'organisations.manage') || hasPermission(role, 'organisations.manage_partners');
}

/** Organisations with filters by type, place, field of action and target group, plus a search. */
export function OrganisationsPage() {
  const t = useT();
  usePageTitle(t.directory.organisations);
  const { user } = useSession();
  const manager = user ? managesOrganisations(user.role) : false;
  const url = useUrlFilters(KEYS);
  const organisations = useOrganisations(url.filters);

  return (
    <section className="page stack directory">
      <div className="page-heading">
        <h1>{t.directory.organisations}</h1>
        {manager ? (
          <Link to={DirectoryPaths.organisationNew} className="button button--primary">
            {t.directory.newOrganisation}
          </Link>
        ) : null}
      </div>
      <DirectoryNav />
      <form role="search" className="card directory-filters" aria-label={t.directory.filters} onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t.directory.search}
          hint={t.directory.searchOrganisationsHint}
          type="search"
          value={url.value('q')}
          onChange={(event) => {
            url.type('q', event.target.value);
          }}
        />
        <SelectField
          label={t.directory.type}
          value={url.filters.type}
          onChange={(event) => {
            url.choose('type', event.target.value);
          }}
        >
          <option value="">{t.directory.any}</option>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t.organisationTypes[type]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t.directory.city}
          value={url.value('city')}
          onChange={(event) => {
            url.type('city', event.target.value);
          }}
        />
        <SelectField
          label={t.directory.field}
          value={url.filters.field}
          onChange={(event) => {
            url.choose('field', event.target.value);
          }}
        >
          <option value="">{t.directory.any}</option>
          {FIELDS_OF_ACTION.map((field) => (
            <option key={field} value={field}>
              {t.directory.fieldsOfActionLabels[field]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.directory.targetGroup}
          value={url.filters.targetGroup}
          onChange={(event) => {
            url.choose('targetGroup', event.target.value);
          }}
        >
          <option value="">{t.directory.any}</option>
          {TARGET_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t.directory.targetGroupLabels[group]}
            </option>
          ))}
        </SelectField>
        {manager ? (
          <div className="field field--checkbox">
            <label>
              <input
                type="checkbox"
                checked={url.filters.includeArchived === 'true'}
                onChange={(event) => {
                  url.choose('includeArchived', event.target.checked ? 'true' : '');
                }}
              />{' '}
              {t.directory.includeArchived}
            </label>
          </div>
        ) : null}
        {url.active ? (
          <button type="button" className="button button--link" onClick={url.reset}>
            {t.directory.resetFilters}
          </button>
        ) : null}
      </form>
      <ResultList
        query={organisations}
        label={t.directory.organisations}
        found={t.directory.organisationsFound}
        empty={t.directory.noOrganisations}
        renderItem={(organisation) => <OrganisationRow organisation={organisation} />}
      />
    </section>
  );
}
