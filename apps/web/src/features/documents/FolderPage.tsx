import { FOLDER_NAME_MAX, type DocumentSummaryDto, type FolderDto } from '@treffpunkt/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { LiveMessage } from '../../components/LiveMessage';
import { ConfirmDialog } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { RelativeTime } from '../forum/dates';
import { useFocusHeadingWhenReady } from '../forum/ForumBits';
import { Snippet } from '../forum/Snippet';
import { NotFoundPage } from '../sections/StatusPages';
import { Breadcrumb, MoveDialog, NameDialog } from './DocumentBits';
import { documentsApi } from './documentsApi';
import { useSpaceDocuments } from './DocumentsSpaceLayout';
import { FileTypeIcon, FolderIcon, useFormatSize } from './format';
import { DocumentPaths } from './paths';
import { documentKeys } from './queryKeys';
import { DropZone, UploadList } from './uploads';

/** Navigation state other pages hand over ("… liegt jetzt im Papierkorb"). */
export const noticeOf = (state: unknown): string =>
  typeof state === 'object' && state !== null && typeof (state as { notice?: unknown }).notice === 'string'
    ? (state as { notice: string }).notice
    : '';

const newKey = (): string => crypto.randomUUID();

/** The top level of a space (`/dokumente/:spaceId`) or one folder (`…/ordner/:folderId`). */
export function FolderPage() {
  const { folderId = null } = useParams();
  const t = useT();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { space, folders, foldersLoading, canWrite, uploads } = useSpaceDocuments();
  const [status, setStatus] = useState(() => noticeOf(location.state));
  const [dialog, setDialog] = useState<'create' | 'rename' | 'move' | 'delete' | null>(null);
  const [createKey, setCreateKey] = useState(newKey);
  const contentsHeadingId = useId();

  const folder = useQuery({
    queryKey: documentKeys.folder(folderId ?? ''),
    queryFn: ({ signal }) => documentsApi.folder(folderId ?? '', signal),
    enabled: folderId !== null,
  });
  const documents = useInfiniteQuery({
    queryKey: documentKeys.folderDocuments(folderId ?? ''),
    queryFn: ({ pageParam, signal }) => documentsApi.documents(folderId ?? '', pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: folderId !== null,
  });

  const title = folderId ? (folder.data?.name ?? t.documents.title) : t.documents.openSpaceDocuments(space.name);
  usePageTitle(title);
  useFocusHeadingWhenReady(folderId ? folder.isSuccess : true);

  const refreshFolders = () => {
    void queryClient.invalidateQueries({ queryKey: documentKeys.folders(space.id) });
    if (folderId) void queryClient.invalidateQueries({ queryKey: documentKeys.folder(folderId) });
  };

  const create = useMutation({
    mutationFn: (name: string) => documentsApi.createFolder(space.id, { name, parentId: folderId }, createKey),
    onSuccess: (created) => {
      setDialog(null);
      setCreateKey(newKey());
      setStatus(t.documents.folderCreated(created.name));
      refreshFolders();
    },
  });
  const rename = useMutation({
    mutationFn: (name: string) => documentsApi.updateFolder(folderId ?? '', { name }),
    onSuccess: (updated) => {
      setDialog(null);
      setStatus(t.documents.folderRenamed(updated.name));
      queryClient.setQueryData(documentKeys.folder(updated.id), updated);
      refreshFolders();
    },
  });
  const move = useMutation({
    mutationFn: (parentId: string | null) => documentsApi.updateFolder(folderId ?? '', { parentId }),
    onSuccess: (updated) => {
      setDialog(null);
      setStatus(t.documents.folderMoved(updated.name));
      queryClient.setQueryData(documentKeys.folder(updated.id), updated);
      refreshFolders();
    },
  });
  const remove = useMutation({
    mutationFn: () => documentsApi.deleteFolder(folderId ?? ''),
    onSuccess: () => {
      const current = folder.data;
      setDialog(null);
      void queryClient.invalidateQueries({ queryKey: documentKeys.folders(space.id) });
      void queryClient.invalidateQueries({ queryKey: documentKeys.trash(space.id) });
      if (current?.parentId) void queryClient.invalidateQueries({ queryKey: documentKeys.folder(current.parentId) });
      const notice = t.documents.folderDeleted(current?.name ?? '');
      void navigate(current?.parentId ? DocumentPaths.folder(space.id, current.parentId) : DocumentPaths.space(space.id), {
        state: { notice },
      });
    },
  });

  if (folderId && folder.isError && isApiError(folder.error) && folder.error.status === 404) return <NotFoundPage />;
  if (folderId && !folder.data) {
    return (
      <section>
        <LiveMessage kind="error">{folder.isError ? errorMessage(folder.error) : ''}</LiveMessage>
        {folder.isPending ? <p role="status">{t.common.loading}</p> : null}
      </section>
    );
  }

  const current = folder.data ?? null;
  const subfolders: FolderDto[] = current ? current.folders : folders.filter((item) => item.parentId === null);
  const items = documents.data?.pages.flatMap((page) => page.items) ?? [];
  const canCreate = current ? current.permissions.upload && !space.archived : canWrite;
  const canUpload = current !== null && current.permissions.upload && !space.archived;
  const canEdit = current !== null && current.permissions.edit && !space.archived;
  const loading = current ? documents.isPending : foldersLoading;
  const empty = !loading && subfolders.length === 0 && items.length === 0;

  return (
    <section className="documents-folder">
      <Breadcrumb folderId={folderId} />
      <div className="page-heading">
        <h1>{title}</h1>
      </div>
      <LiveMessage kind="success">{status}</LiveMessage>
      {space.archived ? <p className="message message--info">{t.documents.archivedNotice}</p> : null}
      {!space.archived && !space.permissions.post ? <p className="message message--info">{t.documents.cannotUpload}</p> : null}

      <div className="documents__toolbar">
        {canCreate ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              create.reset();
              setDialog('create');
            }}
          >
            {t.documents.newFolder}
          </button>
        ) : null}
        {canEdit ? (
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                rename.reset();
                setDialog('rename');
              }}
            >
              {t.documents.renameFolder}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                move.reset();
                setDialog('move');
              }}
            >
              {t.documents.moveFolder}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                remove.reset();
                setDialog('delete');
              }}
            >
              {t.documents.deleteFolder}
            </button>
          </>
        ) : null}
      </div>

      <DocumentSearch />

      {current && canUpload ? (
        <section aria-label={t.documents.uploadHeading} className="documents__upload">
          <DropZone
            onFiles={(files) => {
              uploads.start(files, { kind: 'folder', folderId: current.id });
            }}
          />
          <UploadList uploads={uploads} target={{ kind: 'folder', folderId: current.id }} />
        </section>
      ) : !current && canWrite ? (
        <p className="muted">{t.documents.noUploadAtTop}</p>
      ) : null}

      <section aria-labelledby={contentsHeadingId} className="documents__contents">
        <h2 id={contentsHeadingId}>{t.documents.contentsHeading}</h2>
        <LiveMessage kind="error">{documents.isError ? errorMessage(documents.error) : ''}</LiveMessage>
        {loading ? (
          <p role="status">{t.common.loading}</p>
        ) : empty ? (
          <p>{current ? t.documents.emptyFolder : t.documents.emptySpace}</p>
        ) : (
          <ContentsTable spaceId={space.id} folders={subfolders} documents={items} />
        )}
        {documents.hasNextPage ? (
          <button type="button" className="button" onClick={() => void documents.fetchNextPage()} disabled={documents.isFetchingNextPage}>
            {documents.isFetchingNextPage ? t.documents.loadingMore : t.documents.loadMore}
          </button>
        ) : null}
      </section>

      {dialog === 'create' ? (
        <NameDialog
          title={t.documents.newFolderHeading}
          label={t.documents.folderName}
          maxLength={FOLDER_NAME_MAX}
          submitLabel={t.documents.create}
          busyLabel={t.documents.creating}
          busy={create.isPending}
          error={create.error}
          onSubmit={(name) => {
            create.mutate(name);
          }}
          onClose={() => {
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'rename' && current ? (
        <NameDialog
          title={t.documents.renameFolder}
          label={t.documents.folderName}
          initial={current.name}
          maxLength={FOLDER_NAME_MAX}
          submitLabel={t.documents.save}
          busyLabel={t.documents.saving}
          busy={rename.isPending}
          error={rename.error}
          onSubmit={(name) => {
            rename.mutate(name);
          }}
          onClose={() => {
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'move' && current ? (
        <MoveDialog
          title={t.documents.moveHeading(current.name)}
          currentFolderId={current.parentId ?? ''}
          exclude={current.id}
          allowTop
          busy={move.isPending}
          error={move.error}
          onSubmit={(parentId) => {
            move.mutate(parentId);
          }}
          onClose={() => {
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'delete' && current ? (
        <ConfirmDialog
          title={t.documents.confirmDeleteFolderTitle}
          text={
            remove.isError
              ? `${t.documents.confirmDeleteFolderText(current.name)} ${errorMessage(remove.error)}`
              : t.documents.confirmDeleteFolderText(current.name)
          }
          confirmLabel={t.documents.toTrash}
          cancelLabel={t.documents.cancel}
          busy={remove.isPending}
          onConfirm={() => {
            remove.mutate();
          }}
          onCancel={() => {
            setDialog(null);
          }}
        />
      ) : null}
    </section>
  );
}

/** Subfolders first, then documents: name with type icon, size, last change and who made it. */
function ContentsTable({ spaceId, folders, documents }: { spaceId: string; folders: FolderDto[]; documents: DocumentSummaryDto[] }) {
  const t = useT();
  const formatSize = useFormatSize();
  return (
    <div className="table-scroll">
      <table className="table documents-table">
        <thead>
          <tr>
            <th scope="col">{t.documents.colName}</th>
            <th scope="col">{t.documents.colSize}</th>
            <th scope="col">{t.documents.colChanged}</th>
          </tr>
        </thead>
        <tbody>
          {folders.map((folder) => (
            <tr key={`folder-${folder.id}`}>
              <th scope="row">
                <span className="documents-table__name">
                  <FolderIcon />
                  <Link to={DocumentPaths.folder(spaceId, folder.id)}>{folder.name}</Link>
                </span>
              </th>
              <td>–</td>
              <td>
                <RelativeTime iso={folder.updatedAt} /> <span className="muted">{t.documents.changedBy(folder.createdBy.displayName)}</span>
              </td>
            </tr>
          ))}
          {documents.map((document) => (
            <tr key={document.id}>
              <th scope="row">
                <span className="documents-table__name">
                  <FileTypeIcon contentType={document.contentType} />
                  <Link to={DocumentPaths.document(spaceId, document.id)}>{document.name}</Link>
                </span>
              </th>
              <td className="documents-table__size">{formatSize(document.size)}</td>
              <td>
                <RelativeTime iso={document.updatedAt} />{' '}
                <span className="muted">{t.documents.changedBy(document.updatedBy.displayName)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Search documents of this space by name (`?q=` on the page's URL). */
function DocumentSearch() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const formatSize = useFormatSize();
  const { space } = useSpaceDocuments();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [input, setInput] = useState(q);
  const inputId = useId();
  const resultsId = useId();

  const results = useInfiniteQuery({
    queryKey: documentKeys.search(space.id, q),
    queryFn: ({ pageParam, signal }) => documentsApi.search(q, space.id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q !== '',
  });
  const hits = results.data?.pages.flatMap((page) => page.items) ?? [];

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = input.trim();
    setParams(value ? { q: value } : {});
  }

  return (
    <>
      <form role="search" className="search-box" aria-label={t.documents.searchLabel} onSubmit={submit}>
        <label htmlFor={inputId}>{t.documents.searchLabel}</label>
        <div className="search-box__row">
          <input
            id={inputId}
            type="search"
            value={input}
            onChange={(event) => {
              setInput(event.target.value);
            }}
          />
          <button type="submit" className="button button--primary">
            {t.documents.searchSubmit}
          </button>
        </div>
      </form>
      {q ? (
        <section aria-labelledby={resultsId} className="documents__search-results">
          <h2 id={resultsId}>{t.documents.searchResults(q)}</h2>
          <LiveMessage kind="error">{results.isError ? errorMessage(results.error) : ''}</LiveMessage>
          {results.isPending ? (
            <p role="status">{t.common.loading}</p>
          ) : hits.length === 0 && !results.isError ? (
            <p role="status">{t.documents.noSearchResults}</p>
          ) : (
            <ul className="search-results__list">
              {hits.map((hit) => (
                <li key={hit.documentId} className="search-hit">
                  <p className="search-hit__title documents-table__name">
                    <FileTypeIcon contentType={hit.contentType} />
                    <Link to={DocumentPaths.document(hit.spaceId, hit.documentId)}>
                      <Snippet html={hit.snippet} />
                    </Link>
                  </p>
                  <p className="search-hit__meta muted">
                    <span>{formatSize(hit.size)}</span> <RelativeTime iso={hit.updatedAt} />{' '}
                    <span>{t.documents.changedBy(hit.author.displayName)}</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
          {results.hasNextPage ? (
            <button type="button" className="button" onClick={() => void results.fetchNextPage()} disabled={results.isFetchingNextPage}>
              {results.isFetchingNextPage ? t.documents.loadingMore : t.documents.loadMore}
            </button>
          ) : null}
          <p>
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setInput('');
                setParams({});
              }}
            >
              {t.documents.clearSearch}
            </button>
          </p>
        </section>
      ) : null}
    </>
  );
}
