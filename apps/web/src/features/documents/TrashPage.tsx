import type { TrashItemDto } from '@treffpunkt/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { AbsoluteTime } from '../forum/dates';
import { useFocusHeadingWhenReady } from '../forum/ForumBits';
import { documentsApi } from './documentsApi';
import { useSpaceDocuments } from './DocumentsSpaceLayout';
import { FileTypeIcon, FolderIcon, useFormatSize } from './format';
import { DocumentPaths } from './paths';
import { documentKeys } from './queryKeys';

/** The space's trash: what was deleted, by whom, when it is purged; "Wiederherstellen". */
export function TrashPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const formatSize = useFormatSize();
  const queryClient = useQueryClient();
  const { space } = useSpaceDocuments();
  const [status, setStatus] = useState('');
  const title = t.documents.trashTitle(space.name);
  usePageTitle(title);

  const trash = useInfiniteQuery({
    queryKey: documentKeys.trash(space.id),
    queryFn: ({ pageParam, signal }) => documentsApi.trash(space.id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  useFocusHeadingWhenReady(!trash.isPending);
  const items = trash.data?.pages.flatMap((page) => page.items) ?? [];

  const restore = useMutation({
    mutationFn: async (item: TrashItemDto): Promise<void> => {
      if (item.kind === 'folder') await documentsApi.restoreFolder(item.id);
      else await documentsApi.restoreDocument(item.id);
    },
    onMutate: () => {
      setStatus('');
    },
    onSuccess: (_result, item) => {
      setStatus(t.documents.restored(item.name));
      void queryClient.invalidateQueries({ queryKey: documentKeys.space(space.id) });
      void queryClient.invalidateQueries({ queryKey: ['documents', 'folder'] });
    },
  });

  const canRestore = space.permissions.post && !space.archived;

  return (
    <section className="documents-trash">
      <nav aria-label={t.documents.breadcrumb} className="crumbs">
        <ol>
          <li>
            <Link to={DocumentPaths.home}>{t.documents.title}</Link>
          </li>
          <li>
            <Link to={DocumentPaths.space(space.id)}>{space.name}</Link>
          </li>
          <li>
            <span aria-current="page">{t.documents.trash}</span>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="muted">{t.documents.trashIntro}</p>
      <LiveMessage kind="success">{status}</LiveMessage>
      <LiveMessage kind="error">
        {trash.isError ? errorMessage(trash.error) : restore.isError ? errorMessage(restore.error) : ''}
      </LiveMessage>
      {trash.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : items.length === 0 && !trash.isError ? (
        <p>{t.documents.trashEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table trash-table">
            <thead>
              <tr>
                <th scope="col">{t.documents.colName}</th>
                <th scope="col">{t.documents.colSize}</th>
                <th scope="col">{t.documents.deletedAt}</th>
                <th scope="col">{t.documents.purgeAt}</th>
                <th scope="col">{t.documents.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}-${item.id}`}>
                  <th scope="row">
                    <span className="documents-table__name">
                      {item.kind === 'folder' ? <FolderIcon /> : <FileTypeIcon contentType={contentTypeOf(item.name)} />}
                      {item.name}
                    </span>
                  </th>
                  <td>{item.size !== null ? formatSize(item.size) : '–'}</td>
                  <td>
                    <AbsoluteTime iso={item.deletedAt} />
                    <br />
                    <span className="muted">
                      {item.deletedBy ? t.documents.deletedBy(item.deletedBy.displayName) : t.documents.deletedByUnknown}
                    </span>
                  </td>
                  <td>
                    <AbsoluteTime iso={item.purgeAfter} />
                  </td>
                  <td>
                    {canRestore ? (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t.documents.restoreItem(item.name)}
                        disabled={restore.isPending}
                        onClick={() => {
                          restore.mutate(item);
                        }}
                      >
                        {t.documents.restore}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trash.hasNextPage ? (
        <button type="button" className="button" onClick={() => void trash.fetchNextPage()} disabled={trash.isFetchingNextPage}>
          {trash.isFetchingNextPage ? t.documents.loadingMore : t.documents.loadMore}
        </button>
      ) : null}
      <p>
        <Link to={DocumentPaths.space(space.id)}>{t.documents.backToDocuments}</Link>
      </p>
    </section>
  );
}

/** Trash items carry no content type: guess the icon from the name's extension. */
function contentTypeOf(name: string): string {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    txt: 'text/plain',
    csv: 'text/csv',
    doc: 'application/msword',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    odt: 'application/vnd.oasis.opendocument.text',
    xls: 'application/vnd.ms-excel',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ods: 'application/vnd.oasis.opendocument.spreadsheet',
    ppt: 'application/vnd.ms-powerpoint',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    zip: 'application/zip',
  };
  return types[extension] ?? 'application/octet-stream';
}
