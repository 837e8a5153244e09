import { useParams } from 'react-router-dom';
import { DocumentPage } from './DocumentPage';
import { FolderPage } from './FolderPage';

/** The documents area's pages, loaded lazily by App as one chunk. */
export { DocumentsHomePage } from './DocumentsHomePage';
export { DocumentsSpaceLayout } from './DocumentsSpaceLayout';
export { TrashPage } from './TrashPage';

/** A fresh page per folder, so notices, dialogs and the search field never leak across folders. */
export function KeyedFolderPage() {
  const { folderId = '' } = useParams();
  return <FolderPage key={folderId} />;
}

export function KeyedDocumentPage() {
  const { documentId = '' } = useParams();
  return <DocumentPage key={documentId} />;
}
