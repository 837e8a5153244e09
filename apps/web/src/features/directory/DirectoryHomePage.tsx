import { useId } from 'react';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { DirectoryNav, OrganisationRow, PersonRow, ResultList, useOrganisations, usePeople } from './DirectoryBits';
import { DirectoryPaths } from './directoryApi';
import { useUrlFilters } from './useUrlFilters';

const OVERVIEW_LIMIT = 10;

/** One search box over people and organisations, and the ways into the directory. */
export function DirectoryHomePage() {
  const t = useT();
  usePageTitle(t.directory.title);
  const { filters, value, type } = useUrlFilters(['q'] as const);
  const searching = filters.q !== '';
  const people = usePeople(filters, { enabled: searching, limit: OVERVIEW_LIMIT });
  const organisations = useOrganisations(filters, { enabled: searching, limit: OVERVIEW_LIMIT });
  const peopleId = useId();
  const organisationsId = useId();
  const withQuery = (path: string) => `${path}?${new URLSearchParams({ q: filters.q }).toString()}`;

  return (
    <section className="page stack directory">
      <h1>{t.directory.title}</h1>
      <p>{t.directory.intro}</p>
      <DirectoryNav />
      <form role="search" className="card" onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t.directory.searchLabel}
          hint={t.directory.searchHint}
          type="search"
          value={value('q')}
          onChange={(event) => {
            type('q', event.target.value);
          }}
        />
      </form>
      {searching ? (
        <div className="directory-overview">
          <section aria-labelledby={peopleId}>
            <h2 id={peopleId}>{t.directory.people}</h2>
            <ResultList
              query={people}
              label={t.directory.people}
              found={t.directory.peopleFound}
              empty={t.directory.noPeople}
              renderItem={(person) => <PersonRow person={person} />}
              more={{ to: withQuery(DirectoryPaths.people), label: t.directory.showAll }}
            />
          </section>
          <section aria-labelledby={organisationsId}>
            <h2 id={organisationsId}>{t.directory.organisations}</h2>
            <ResultList
              query={organisations}
              label={t.directory.organisations}
              found={t.directory.organisationsFound}
              empty={t.directory.noOrganisations}
              renderItem={(organisation) => <OrganisationRow organisation={organisation} />}
              more={{ to: withQuery(DirectoryPaths.organisations), label: t.directory.showAll }}
            />
          </section>
        </div>
      ) : null}
    </section>
  );
}
