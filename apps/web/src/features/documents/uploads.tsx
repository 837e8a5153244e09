import { Routes, type DocumentDto } from '@treffpunkt/contracts';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { isApiError } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n';
import { isAbortError, uploadFile, type UploadHandle } from './documentsApi';
import { useFormatSize } from './format';

/** Where an upload goes: a new document in a folder, or a new version of a document. */
export type UploadTarget = { kind: 'folder'; folderId: string } | { kind: 'version'; documentId: string };

export interface UploadItem {
  id: string;
  name: string;
  size: number;
  target: UploadTarget;
  /** 0–100; 100 while the server checks and stores the file. */
  percent: number;
  state: 'uploading' | 'processing' | 'done' | 'error' | 'cancelled';
  error: string | null;
  result: DocumentDto | null;
}

export interface Uploads {
  items: UploadItem[];
  start: (files: File[], target: UploadTarget, onDone?: (document: DocumentDto) => void) => void;
  cancel: (id: string) => void;
  dismiss: (id: string) => void;
  /** The latest sentence for the polite live region ("„a.pdf“ wurde hochgeladen."). */
  announcement: string;
}

const sameTarget = (a: UploadTarget, b: UploadTarget): boolean =>
  a.kind === 'folder' ? b.kind === 'folder' && a.folderId === b.folderId : b.kind === 'version' && a.documentId === b.documentId;

const urlOf = (target: UploadTarget): string =>
  target.kind === 'folder' ? Routes.folders.documents(target.folderId) : Routes.documents.versions(target.documentId);

let sequence = 0;

/**
 * Runs uploads (several at once, each with its own XMLHttpRequest), tracks their progress and
 * lets each be cancelled. Lives in the space's layout, so uploads go on while one browses.
 */
export function useUploads(onUploaded: (document: DocumentDto, target: UploadTarget) => void): Uploads {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const handles = useRef(new Map<string, UploadHandle>());
  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  }, [onUploaded]);

  // Leaving the documents area cancels what is still running.
  useEffect(() => {
    const running = handles.current;
    return () => {
      for (const handle of running.values()) handle.abort();
      running.clear();
    };
  }, []);

  const update = useCallback((id: string, patch: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  }, []);

  const reason = useCallback(
    (error: unknown): string => {
      if (isApiError(error)) {
        const specific = (t.documents.uploadErrors as Record<string, string | undefined>)[error.code];
        if (specific) return specific;
      }
      return errorMessage(error);
    },
    [t, errorMessage],
  );

  const start = useCallback(
    (files: File[], target: UploadTarget, onDone?: (document: DocumentDto) => void) => {
      for (const file of files) {
        sequence += 1;
        const id = `upload-${String(sequence)}`;
        const item: UploadItem = {
          id,
          name: file.name,
          size: file.size,
          target,
          percent: 0,
          state: 'uploading',
          error: null,
          result: null,
        };
        setItems((current) => [...current, item]);
        const handle = uploadFile(urlOf(target), file, {
          idempotencyKey: crypto.randomUUID(),
          onProgress: ({ loaded, total }) => {
            const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
            update(id, percent >= 100 ? { percent: 100, state: 'processing' } : { percent });
          },
        });
        handles.current.set(id, handle);
        handle.promise.then(
          (document) => {
            handles.current.delete(id);
            update(id, { state: 'done', percent: 100, result: document });
            setAnnouncement(
              target.kind === 'version' ? t.documents.versionUploaded(document.version) : t.documents.uploadedMessage(file.name),
            );
            onUploadedRef.current(document, target);
            onDone?.(document);
          },
          (error: unknown) => {
            handles.current.delete(id);
            if (isAbortError(error)) {
              update(id, { state: 'cancelled' });
              setAnnouncement(t.documents.uploadCancelledMessage(file.name));
              return;
            }
            const text = reason(error);
            update(id, { state: 'error', error: text });
            setAnnouncement(t.documents.uploadFailedMessage(file.name, text));
          },
        );
      }
    },
    [t, update, reason],
  );

  const cancel = useCallback((id: string) => {
    handles.current.get(id)?.abort();
  }, []);

  const dismiss = useCallback((id: string) => {
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  return useMemo(() => ({ items, start, cancel, dismiss, announcement }), [items, start, cancel, dismiss, announcement]);
}

/** The uploads going to one target, each with a labelled <progress>, percentage and cancel button. */
export function UploadList({ uploads, target }: { uploads: Uploads; target: UploadTarget }) {
  const t = useT();
  const formatSize = useFormatSize();
  const items = uploads.items.filter((item) => sameTarget(item.target, target));
  if (items.length === 0) return null;
  return (
    <ul className="upload-list" aria-label={t.documents.uploadsLabel}>
      {items.map((item) => {
        const label = t.documents.uploadProgress(item.name);
        const running = item.state === 'uploading' || item.state === 'processing';
        return (
          <li key={item.id} className={`upload upload--${item.state}`}>
            <div className="upload__head">
              <span className="upload__name">{item.name}</span>
              <span className="upload__size muted">{formatSize(item.size)}</span>
            </div>
            {running ? (
              <div className="upload__bar">
                <progress max={100} value={item.percent} aria-label={label} aria-valuetext={t.documents.percent(item.percent)}>
                  {t.documents.percent(item.percent)}
                </progress>
                <span className="upload__percent" aria-hidden="true">
                  {t.documents.percent(item.percent)}
                </span>
                {item.state === 'processing' ? <span className="muted">{t.documents.uploadProcessing}</span> : null}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t.documents.cancelUpload(item.name)}
                  onClick={() => {
                    uploads.cancel(item.id);
                  }}
                >
                  {t.documents.cancel}
                </button>
              </div>
            ) : (
              <div className="upload__bar">
                <span className={item.state === 'error' ? 'upload__error' : 'upload__status'}>
                  {item.state === 'done' ? t.documents.uploadDone : item.state === 'cancelled' ? t.documents.uploadCancelled : item.error}
                </span>
                <button
                  type="button"
                  className="button button--small button--link"
                  aria-label={t.documents.dismissUpload(item.name)}
                  onClick={() => {
                    uploads.dismiss(item.id);
                  }}
                >
                  {t.documents.close}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A button that opens the file picker (several files unless `multiple` is false). */
export function FilePickerButton({
  label,
  hint,
  multiple = true,
  onFiles,
  className = 'button button--primary',
}: {
  label: string;
  hint?: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  className?: string;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  return (
    <>
      <button
        type="button"
        className={className}
        aria-describedby={hint ? hintId : undefined}
        onClick={() => {
          inputRef.current?.click();
        }}
      >
        {label}
      </button>
      {hint ? (
        <span id={hintId} className="visually-hidden">
          {hint}
        </span>
      ) : null}
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        multiple={multiple}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={multiple ? 'file-input' : 'version-input'}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Reset, so choosing the same file again fires change again.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

/** The visible drop zone with the file picker as its keyboard alternative. */
export function DropZone({ onFiles, children }: { onFiles: (files: File[]) => void; children?: ReactNode }) {
  const t = useT();
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');
  return (
    <div
      className={active ? 'drop-zone drop-zone--active' : 'drop-zone'}
      data-testid="drop-zone"
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setActive(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setActive(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setActive(false);
        const files = Array.from(event.dataTransfer.files);
        if (files.length > 0) onFiles(files);
      }}
    >
      <p className="drop-zone__text" aria-hidden="true">
        {active ? t.documents.dropZoneActive : t.documents.dropZone}
      </p>
      <p className="drop-zone__or" aria-hidden="true">
        {t.documents.dropZoneOr}
      </p>
      <FilePickerButton label={t.documents.chooseFiles} hint={t.documents.chooseFilesHint} onFiles={onFiles} />
      {children}
    </div>
  );
}
