import { DOCUMENT_NAME_MAX, type DocumentDto, type DocumentSummaryDto, type DocumentVersionDto, type Page } from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { LiveMessage } from '../../components/LiveMessage';
import { ConfirmDialog } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { AbsoluteTime } from '../forum/dates';
import { useFocusHeadingWhenReady } from '../forum/ForumBits';
import { NotFoundPage } from '../sections/StatusPages';
import { Breadcrumb, MoveDialog, NameDialog } from './DocumentBits';
import { documentsApi, downloadDocument, fetchDocumentBlob } from './documentsApi';
import { useSpaceDocuments } from './DocumentsSpaceLayout';
import { canPreview, fileKind, FileTypeIcon, useFormatSize } from './format';
import { noticeOf } from './FolderPage';
import { DocumentPaths } from './paths';
import { documentKeys } from './queryKeys';
import { FilePickerButton, UploadList } from './uploads';

/** One document: preview, download, new version, version history, rename, move, trash. */
export function DocumentPage() {
  const { documentId = '' } = useParams();
  const t = useT();
  const errorMessage = useErrorMessage();
  const formatSize = useFormatSize();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { space, uploads } = useSpaceDocuments();
  const [status, setStatus] = useState(() => noticeOf(location.state));
  const [dialog, setDialog] = useState<'rename' | 'move' | 'delete' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState<number | null>(null);
  const detailsId = useId();
  const versionsId = useId();

  const document = useQuery({
    queryKey: documentKeys.document(documentId),
    queryFn: ({ signal }) => documentsApi.document(documentId, signal),
  });
  usePageTitle(document.data?.name ?? t.documents.title);
  useFocusHeadingWhenReady(document.isSuccess);

  const saved = (updated: DocumentDto, message: string) => {
    setDialog(null);
    setStatus(message);
    queryClient.setQueryData(documentKeys.document(updated.id), updated);
    void queryClient.invalidateQueries({ queryKey: documentKeys.folderDocuments(updated.folderId) });
  };
  const rename = useMutation({
    mutationFn: (name: string) => documentsApi.updateDocument(documentId, { name }),
    onSuccess: (updated) => {
      saved(updated, t.documents.renamed(updated.name));
    },
  });
  const move = useMutation({
    mutationFn: (input: { folderId: string; label: string }) => documentsApi.updateDocument(documentId, { folderId: input.folderId }),
    onSuccess: (updated, input) => {
      const from = document.data?.folderId;
      if (from) void queryClient.invalidateQueries({ queryKey: documentKeys.folderDocuments(from) });
      saved(updated, t.documents.moved(input.label));
    },
  });
  const restoreVersion = useMutation({
    mutationFn: (version: number) => documentsApi.restoreVersion(documentId, version),
    onSuccess: (updated, version) => {
      saved(updated, t.documents.versionRestored(version, updated.version));
    },
  });
  const remove = useMutation({
    mutationFn: () => documentsApi.deleteDocument(documentId),
    onSuccess: () => {
      const current = document.data;
      setDialog(null);
      if (!current) return;
      // Gone from the folder at once; the refetch confirms.
      queryClient.setQueryData<InfiniteData<Page<DocumentSummaryDto>>>(documentKeys.folderDocuments(current.folderId), (data) =>
        data
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== current.id) })) }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: documentKeys.folderDocuments(current.folderId) });
      void queryClient.invalidateQueries({ queryKey: documentKeys.trash(space.id) });
      void navigate(DocumentPaths.folder(space.id, current.folderId), { state: { notice: t.documents.trashed(current.name) } });
    },
  });

  async function download(doc: DocumentDto, version?: number) {
    setDownloadError(null);
    setDownloading(version ?? 0);
    try {
      await downloadDocument(doc.id, doc.name, version);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(null);
    }
  }

  if (document.isError && isApiError(document.error) && document.error.status === 404) return <NotFoundPage />;
  if (!document.data) {
    return (
      <section>
        <LiveMessage kind="error">{document.isError ? errorMessage(document.error) : ''}</LiveMessage>
        {document.isPending ? <p role="status">{t.common.loading}</p> : null}
      </section>
    );
  }

  const doc = document.data;
  const canUpload = doc.permissions.upload && !space.archived;
  const canEdit = doc.permissions.edit && !space.archived;

  return (
    <article className="documents-document" aria-labelledby={`${detailsId}-title`}>
      <Breadcrumb folderId={doc.folderId} current={doc.name} />
      <div className="page-heading">
        <FileTypeIcon contentType={doc.contentType} />
        <h1 id={`${detailsId}-title`}>{doc.name}</h1>
      </div>
      <LiveMessage kind="success">{status}</LiveMessage>
      <LiveMessage kind="error">
        {downloadError ? errorMessage(downloadError) : restoreVersion.isError ? errorMessage(restoreVersion.error) : ''}
      </LiveMessage>

      <div className="documents__toolbar">
        <button type="button" className="button button--primary" disabled={downloading !== null} onClick={() => void download(doc)}>
          {downloading === 0 ? t.documents.downloading : t.documents.download}
        </button>
        {canUpload ? (
          <FilePickerButton
            label={t.documents.newVersion}
            hint={t.documents.newVersionHint}
            multiple={false}
            className="button"
            onFiles={(files) => {
              setStatus('');
              uploads.start(files.slice(0, 1), { kind: 'version', documentId: doc.id });
            }}
          />
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
              {t.documents.rename}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                move.reset();
                setDialog('move');
              }}
            >
              {t.documents.move}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                remove.reset();
                setDialog('delete');
              }}
            >
              {t.documents.toTrash}
            </button>
          </>
        ) : null}
      </div>
      <UploadList uploads={uploads} target={{ kind: 'version', documentId: doc.id }} />

      <section aria-labelledby={detailsId} className="documents-document__details">
        <h2 id={detailsId}>{t.documents.detailsHeading}</h2>
        <dl className="documents-meta">
          <dt>{t.documents.size}</dt>
          <dd>{formatSize(doc.size)}</dd>
          <dt>{t.documents.type}</dt>
          <dd>
            {t.documents.kinds[fileKind(doc.contentType)]} <span className="muted">({doc.contentType})</span>
          </dd>
          <dt>{t.documents.colVersion}</dt>
          <dd>{doc.version}</dd>
          <dt>{t.documents.uploadedBy}</dt>
          <dd>
            {doc.updatedBy.displayName} · <AbsoluteTime iso={doc.updatedAt} />
          </dd>
          <dt>{t.documents.createdBy}</dt>
          <dd>
            {doc.createdBy.displayName} · <AbsoluteTime iso={doc.createdAt} />
          </dd>
        </dl>
      </section>

      <Preview doc={doc} />

      <section aria-labelledby={versionsId} className="documents-document__versions">
        <h2 id={versionsId}>{t.documents.versionsHeading}</h2>
        <VersionTable
          doc={doc}
          canRestore={canEdit}
          downloading={downloading}
          restoring={restoreVersion.isPending ? restoreVersion.variables : null}
          onDownload={(version) => void download(doc, version)}
          onRestore={(version) => {
            setStatus('');
            restoreVersion.mutate(version);
          }}
        />
      </section>

      {dialog === 'rename' ? (
        <NameDialog
          title={t.documents.renameHeading}
          label={t.documents.documentName}
          initial={doc.name}
          maxLength={DOCUMENT_NAME_MAX}
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
      {dialog === 'move' ? (
        <MoveDialog
          title={t.documents.moveHeading(doc.name)}
          currentFolderId={doc.folderId}
          allowTop={false}
          busy={move.isPending}
          error={move.error}
          onSubmit={(folderId, label) => {
            if (folderId) move.mutate({ folderId, label });
          }}
          onClose={() => {
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={t.documents.confirmTrashTitle}
          text={
            remove.isError
              ? `${t.documents.confirmTrashText(doc.name)} ${errorMessage(remove.error)}`
              : t.documents.confirmTrashText(doc.name)
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
    </article>
  );
}

function VersionTable({
  doc,
  canRestore,
  downloading,
  restoring,
  onDownload,
  onRestore,
}: {
  doc: DocumentDto;
  canRestore: boolean;
  downloading: number | null;
  restoring: number | null | undefined;
  onDownload: (version: number) => void;
  onRestore: (version: number) => void;
}) {
  const t = useT();
  const formatSize = useFormatSize();
  return (
    <div className="table-scroll">
      <table className="table versions-table">
        <thead>
          <tr>
            <th scope="col">{t.documents.colVersion}</th>
            <th scope="col">{t.documents.colSize}</th>
            <th scope="col">{t.documents.uploadedBy}</th>
            <th scope="col">{t.documents.colChanged}</th>
            <th scope="col">{t.documents.checksum}</th>
            <th scope="col">{t.documents.actions}</th>
          </tr>
        </thead>
        <tbody>
          {doc.versions.map((version: DocumentVersionDto) => {
            const current = version.version === doc.version;
            return (
              <tr key={version.version}>
                <th scope="row">
                  {t.documents.versionLabel(version.version)}
                  {current ? <span className="badge">{t.documents.currentVersion}</span> : null}
                  {version.restoredFrom !== null ? (
                    <span className="muted"> ({t.documents.restoredFrom(version.restoredFrom)})</span>
                  ) : null}
                </th>
                <td>{formatSize(version.size)}</td>
                <td>{version.uploadedBy.displayName}</td>
                <td>
                  <AbsoluteTime iso={version.createdAt} />
                </td>
                <td>
                  <code title={version.sha256}>{version.sha256.slice(0, 12)}…</code>
                </td>
                <td>
                  <div className="versions-table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={downloading !== null}
                      onClick={() => {
                        onDownload(version.version);
                      }}
                    >
                      {t.documents.downloadVersion(version.version)}
                    </button>
                    {canRestore && !current ? (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t.documents.restoreVersionLabel(version.version)}
                        disabled={restoring !== null && restoring !== undefined}
                        onClick={() => {
                          onRestore(version.version);
                        }}
                      >
                        {t.documents.restoreVersion}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A data: URL of a blob (images: the page's CSP allows data: images but not blob: ones). */
async function dataUrlOf(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

interface PreviewState {
  key: string;
  /** Object URL (PDF) or data: URL (image). */
  src: string | null;
  failed: boolean;
  /** The page's Content Security Policy refused to frame the PDF. */
  blocked: boolean;
}

/**
 * PDF (iframe) or image preview from the inline download, fetched with the token. PDFs get an object
 * URL that is revoked on leaving; if the CSP refuses to frame it, a link opens it in a new tab instead.
 */
function Preview({ doc }: { doc: DocumentDto }) {
  const t = useT();
  const kind = canPreview(doc.contentType);
  const headingId = useId();
  const [state, setState] = useState<PreviewState>({ key: '', src: null, failed: false, blocked: false });
  const key = `${doc.id}:${String(doc.version)}`;

  useEffect(() => {
    if (!kind) return;
    const controller = new AbortController();
    let objectUrl: string | null = null;
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (objectUrl && event.effectiveDirective === 'frame-src' && objectUrl.startsWith(event.blockedURI)) {
        setState((current) => (current.key === key ? { ...current, blocked: true } : current));
      }
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    fetchDocumentBlob(doc.id, { version: doc.version, inline: true }, controller.signal)
      .then(async (blob) => {
        if (kind === 'image') return dataUrlOf(blob);
        objectUrl = URL.createObjectURL(blob);
        return objectUrl;
      })
      .then(
        (src) => {
          if (!controller.signal.aborted) setState({ key, src, failed: false, blocked: false });
        },
        () => {
          if (!controller.signal.aborted) setState({ key, src: null, failed: true, blocked: false });
        },
      );
    return () => {
      controller.abort();
      document.removeEventListener('securitypolicyviolation', onViolation);
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [doc.id, doc.version, kind, key]);

  const ready = state.key === key;
  return (
    <section aria-labelledby={headingId} className="documents-document__preview">
      <h2 id={headingId}>{t.documents.preview}</h2>
      {!kind ? (
        <p className="muted">{t.documents.previewUnavailable}</p>
      ) : !ready ? (
        <p role="status">{t.documents.previewLoading}</p>
      ) : state.failed || !state.src ? (
        <p className="message message--info">{t.documents.previewFailed}</p>
      ) : kind === 'pdf' ? (
        state.blocked ? (
          <p className="message message--info">
            {t.documents.previewBlocked}{' '}
            <a href={state.src} target="_blank" rel="noreferrer">
              {t.documents.openPreviewInTab}
            </a>
          </p>
        ) : (
          <iframe className="preview preview--pdf" src={state.src} title={t.documents.previewOf(doc.name)} />
        )
      ) : (
        <img className="preview preview--image" src={state.src} alt={t.documents.previewOf(doc.name)} />
      )}
    </section>
  );
}
