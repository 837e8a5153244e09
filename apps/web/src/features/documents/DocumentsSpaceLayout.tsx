import type { DocumentDto, FolderDto, SpaceDto } from '@treffpunkt/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, Suspense, useCallback, useContext, useMemo } from 'react';
import { NavLink, Outlet, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { spacesApi } from '../../api/endpoints';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n';
import { forumKeys } from '../forum/queryKeys';
import { ForbiddenPage, NotFoundPage } from '../sections/StatusPages';
import { documentsApi } from './documentsApi';
import { FolderTree } from './FolderTree';
import { DocumentPaths } from './paths';
import { documentKeys } from './queryKeys';
import { useUploads, type UploadTarget, type Uploads } from './uploads';
import './documents.css';

export interface SpaceDocuments {
  space: SpaceDto;
  /** Every live folder of the space, parents before children. */
  folders: FolderDto[];
  foldersLoading: boolean;
  /** May create top-level folders (space membership with posting rights, not archived). */
  canWrite: boolean;
  uploads: Uploads;
}

const SpaceDocumentsContext = createContext<SpaceDocuments | null>(null);

export function useSpaceDocuments(): SpaceDocuments {
  const value = useContext(SpaceDocumentsContext);
  if (!value) throw new Error('useSpaceDocuments outside DocumentsSpaceLayout');
  return value;
}

/** The ancestors of a folder (top first) and the folder itself, from the space's folder list. */
export function folderPath(folders: FolderDto[], folderId: string | null): FolderDto[] {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const path: FolderDto[] = [];
  let current = folderId ? byId.get(folderId) : undefined;
  while (current && path.length < 100) {
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** One space's documents: folder tree on the side, the page (folder, document, trash) beside it. */
export function DocumentsSpaceLayout() {
  const { spaceId = '' } = useParams();
  const t = useT();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();

  const space = useQuery({
    queryKey: forumKeys.space(spaceId),
    queryFn: ({ signal }) => spacesApi.get(spaceId, signal),
  });
  const folders = useQuery({
    queryKey: documentKeys.folders(spaceId),
    queryFn: ({ signal }) => documentsApi.folders(spaceId, signal),
    enabled: space.isSuccess,
  });

  const onUploaded = useCallback(
    (document: DocumentDto, target: UploadTarget) => {
      if (target.kind === 'folder') void queryClient.invalidateQueries({ queryKey: documentKeys.folderDocuments(target.folderId) });
      else {
        queryClient.setQueryData(documentKeys.document(document.id), document);
        void queryClient.invalidateQueries({ queryKey: documentKeys.folderDocuments(document.folderId) });
      }
    },
    [queryClient],
  );
  const uploads = useUploads(onUploaded);

  const value = useMemo<SpaceDocuments | null>(
    () =>
      space.data
        ? {
            space: space.data,
            folders: folders.data?.items ?? [],
            foldersLoading: folders.isPending,
            canWrite: space.data.permissions.post && !space.data.archived,
            uploads,
          }
        : null,
    [space.data, folders.data, folders.isPending, uploads],
  );

  if (space.isError && isApiError(space.error) && space.error.status === 404) return <NotFoundPage />;
  if (space.isError && isApiError(space.error) && space.error.status === 403) return <ForbiddenPage />;
  if (!value) {
    return (
      <section className="page">
        <LiveMessage kind="error">{space.isError ? errorMessage(space.error) : ''}</LiveMessage>
        {space.isPending ? <p role="status">{t.common.loading}</p> : null}
      </section>
    );
  }

  return (
    <SpaceDocumentsContext.Provider value={value}>
      <div className="page documents">
        <div className="documents__layout">
          <aside className="documents__side">
            <FolderTree />
            <LiveMessage kind="error">{folders.isError ? errorMessage(folders.error) : ''}</LiveMessage>
            <p className="documents__trash-link">
              <NavLink to={DocumentPaths.trash(spaceId)}>{t.documents.trash}</NavLink>
            </p>
          </aside>
          <div className="documents__main">
            <Suspense fallback={<p role="status">{t.common.loading}</p>}>
              <Outlet />
            </Suspense>
          </div>
        </div>
        {/* Upload outcomes, announced wherever one is in the space. */}
        <div role="status" className="visually-hidden">
          {uploads.announcement}
        </div>
      </div>
    </SpaceDocumentsContext.Provider>
  );
}
