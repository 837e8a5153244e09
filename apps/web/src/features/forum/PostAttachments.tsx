import { POST_ATTACHMENTS_MAX, type DocumentDto, type PostAttachmentDto } from '@treffpunkt/contracts';
import { useCallback, useState } from 'react';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n';
import { documentsApi, downloadDocument } from '../documents/documentsApi';
import { FileTypeIcon, useFormatSize } from '../documents/format';
import { FilePickerButton, UploadList, useUploads, type UploadTarget } from '../documents/uploads';
import '../documents/documents.css';

/** What the composer keeps of an uploaded attachment. */
export type ComposerAttachment = PostAttachmentDto;

const toAttachment = (document: DocumentDto): ComposerAttachment => ({
  documentId: document.id,
  name: document.name,
  size: document.size,
  contentType: document.contentType,
});

/**
 * The composer's attachments: uploads (with progress and cancel) into the space's attachment
 * folder, and the finished files as removable chips.
 */
export function useComposerAttachments(spaceId: string) {
  const [attached, setAttached] = useState<ComposerAttachment[]>([]);
  const [target, setTarget] = useState<UploadTarget | null>(null);
  const [error, setError] = useState('');
  const t = useT();
  const errorMessage = useErrorMessage();
  const uploads = useUploads(() => undefined);

  const add = useCallback(
    async (files: File[]) => {
      setError('');
      const room = POST_ATTACHMENTS_MAX - attached.length;
      if (files.length > room) setError(t.forum.tooManyAttachments(POST_ATTACHMENTS_MAX));
      const accepted = files.slice(0, Math.max(0, room));
      if (accepted.length === 0) return;
      try {
        let current = target;
        if (!current) {
          const folder = await documentsApi.attachmentFolder(spaceId);
          current = { kind: 'folder', folderId: folder.id };
          setTarget(current);
        }
        uploads.start(accepted, current, (document) => {
          setAttached((list) => (list.some((a) => a.documentId === document.id) ? list : [...list, toAttachment(document)]));
        });
      } catch (caught) {
        setError(errorMessage(caught));
      }
    },
    [target, spaceId, uploads, errorMessage, attached.length, t],
  );

  const remove = useCallback((documentId: string) => {
    setAttached((list) => list.filter((a) => a.documentId !== documentId));
  }, []);

  const clear = useCallback(() => {
    setAttached([]);
    for (const item of uploads.items) if (item.state !== 'uploading' && item.state !== 'processing') uploads.dismiss(item.id);
  }, [uploads]);

  return { attached, uploads, target, error, add, remove, clear };
}

export type ComposerAttachments = ReturnType<typeof useComposerAttachments>;

/** "Datei anhängen", the running uploads and the attached files as chips. */
export function AttachmentPicker({ state, disabled = false }: { state: ComposerAttachments; disabled?: boolean }) {
  const t = useT();
  const formatSize = useFormatSize();
  const full = state.attached.length >= POST_ATTACHMENTS_MAX;
  return (
    <div className="composer__attachments">
      <LiveMessage kind="error">
        {state.error || (state.attached.length > POST_ATTACHMENTS_MAX ? t.forum.tooManyAttachments(POST_ATTACHMENTS_MAX) : '')}
      </LiveMessage>
      {disabled || full ? null : (
        <FilePickerButton
          label={t.forum.attachFile}
          hint={t.forum.attachFileHint}
          className="button button--small"
          onFiles={(files) => {
            void state.add(files);
          }}
        />
      )}
      {state.target ? <UploadList uploads={state.uploads} target={state.target} /> : null}
      {state.attached.length > 0 ? (
        <ul className="attachment-chips" aria-label={t.forum.attachedFiles}>
          {state.attached.map((a) => (
            <li key={a.documentId} className="attachment-chip">
              <FileTypeIcon contentType={a.contentType} />
              <span className="attachment-chip__name">{a.name}</span>
              <span className="attachment-chip__size muted">{formatSize(a.size)}</span>
              <button
                type="button"
                className="button button--small button--link"
                aria-label={t.forum.removeAttachment(a.name)}
                onClick={() => {
                  state.remove(a.documentId);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A post's attachments: "Anhänge" with a download button each. */
export function PostAttachmentList({ attachments }: { attachments: PostAttachmentDto[] }) {
  const t = useT();
  const formatSize = useFormatSize();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState('');
  if (attachments.length === 0) return null;
  return (
    <section className="post__attachments" aria-label={t.forum.attachmentsHeading}>
      <h3 className="post__attachments-heading">{t.forum.attachmentsHeading}</h3>
      <LiveMessage kind="error">{error}</LiveMessage>
      <ul>
        {attachments.map((a) => (
          <li key={a.documentId} className="post__attachment">
            <FileTypeIcon contentType={a.contentType} />
            <span className="post__attachment-name">{a.name}</span>
            <span className="muted">{formatSize(a.size)}</span>
            <button
              type="button"
              className="button button--small"
              aria-label={t.forum.downloadAttachment(a.name)}
              onClick={() => {
                setError('');
                downloadDocument(a.documentId, a.name).catch((caught: unknown) => {
                  setError(errorMessage(caught));
                });
              }}
            >
              {t.forum.download}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
