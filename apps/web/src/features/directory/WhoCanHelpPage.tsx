import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { DirectoryNav, PersonRow, ResultList, usePeople } from './DirectoryBits';
import { useUrlFilters } from './useUrlFilters';

const KEYS = ['language', 'expertise'] as const;

/** "Who speaks Dari and knows nursing recognition?" – language and expertise on one screen, results as you type. */
export function WhoCanHelpPage() {
  const t = useT();
  usePageTitle(t.directory.whoCanHelp);
  const url = useUrlFilters(KEYS);
  const asking = url.active;
  const people = usePeople(url.filters, { enabled: asking });

  return (
    <section className="page stack directory">
      <h1>{t.directory.whoCanHelp}</h1>
      <p>{t.directory.whoCanHelpIntro}</p>
      <DirectoryNav />
      <form
        role="search"
        className="card directory-filters"
        aria-label={t.directory.whoCanHelp}
        onSubmit={(event) => event.preventDefault()}
      >
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
      </form>
      {asking ? (
        <ResultList
          query={people}
          label={t.directory.people}
          found={t.directory.peopleFound}
          empty={t.directory.noPeople}
          renderItem={(person) => <PersonRow person={person} />}
        />
      ) : (
        <p className="muted">{t.directory.whoCanHelpEmpty}</p>
      )}
    </section>
  );
}
