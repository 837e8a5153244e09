import { Route, Routes, useParams } from 'react-router-dom';
import { NotFoundPage } from '../sections/StatusPages';
import { DirectoryHomePage } from './DirectoryHomePage';
import { OrganisationFormPage } from './OrganisationFormPage';
import { OrganisationPage } from './OrganisationPage';
import { OrganisationsPage } from './OrganisationsPage';
import { PeoplePage } from './PeoplePage';
import { PersonPage } from './PersonPage';
import { WhoCanHelpPage } from './WhoCanHelpPage';

/** Everything under /verzeichnis (see DirectoryPaths). */
export function DirectoryRoutes() {
  return (
    <Routes>
      <Route index element={<DirectoryHomePage />} />
      <Route path="organisationen" element={<OrganisationsPage />} />
      <Route path="organisationen/neu" element={<OrganisationFormPage />} />
      <Route path="organisationen/:organisationId" element={<KeyedOrganisationPage />} />
      <Route path="organisationen/:organisationId/bearbeiten" element={<OrganisationFormPage />} />
      <Route path="personen" element={<PeoplePage />} />
      <Route path="personen/:personId" element={<KeyedPersonPage />} />
      <Route path="wer-hilft" element={<WhoCanHelpPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** A fresh page per organisation/person, so no state (dialogs, notices) carries over. */
function KeyedOrganisationPage() {
  const { organisationId = '' } = useParams();
  return <OrganisationPage key={organisationId} />;
}

function KeyedPersonPage() {
  const { personId = '' } = useParams();
  return <PersonPage key={personId} />;
}
