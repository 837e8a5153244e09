import { ROLES } from '@treffpunkt/contracts';
import { useQuery } from '@tanstack/react-query';
import { organisationsApi } from '../../api/endpoints';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { DirectoryNav, PersonRow, ResultList, usePeople } from './DirectoryBits';
import { useUrlFilters } from './useUrlFilters';

const KEYS = ['q', 'language', 'expertise', 'organisationId', 'role'] as const;

/** People with filters by language, expertise, organisation and role, plus a search. */
export function PeoplePage() {
  const t = useT();
  usePageTitle(t.directory.people);
  const url = useUrlFilters(KEYS);
  const people = usePeople(url.filters);
  const organisations = useQuery({
    queryKey: ['directory', 'organisation-options'],
    queryFn: ({ signal }) => organisationsApi.listAll(signal),
    staleTime: 5 * 60_000,
  });

  return (
    <section className="page stack directory">
      <h1>{t.directory.people}</h1>
      <DirectoryNav />
      <form role="search" className="card directory-filters" aria-label={t.directory.filters} onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t.directory.search}
          hint={t.directory.searchPeopleHint}
          type="search"
          value={url.value('q')}
          onChange={(event) => {
            url.type('q', event.target.value);
          }}
        />
        <TextField
          label={t.directory.language}
          hint={t.directory.languageHint}
          value={url.value('language')}
          onChange={(event) => {
            url.type('language', event.target.value);
          }}
        />
        <TextField
          label={t.directory.expertise}
          hint={t.directory.expertiseHint}
          value={url.value('expertise')}
          onChange={(event) => {
            url.type('expertise', event.target.value);
          }}
        />
        <SelectField
          label={t.directory.organisation}
          value={url.filters.organisationId}
          onChange={(event) => {
            url.choose('organisationId', event.target.value);
          }}
        >
          <option value="">{t.directory.any}</option>
          {(organisations.data ?? []).map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.directory.role}
          value={url.filters.role}
          onChange={(event) => {
            url.choose('role', event.target.value);
          }}
        >
          <option value="">{t.directory.any}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t.roles[role]}
            </option>
          ))}
        </SelectField>
        {url.active ? (
          <button type="button" className="button button--link" onClick={url.reset}>
            {t.directory.resetFilters}
          </button>
        ) : null}
      </form>
      <ResultList
        query={people}
        label={t.directory.people}
        found={t.directory.peopleFound}
        empty={t.directory.noPeople}
        renderItem={(person) => <PersonRow person={person} />}
      />
    </section>
  );
}
