import type { FolderDto } from '@treffpunkt/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router-dom';
import { TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { Modal } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n';
import { folderPath, useSpaceDocuments } from './DocumentsSpaceLayout';
import { childrenByParent } from './FolderTree';
import { DocumentPaths } from './paths';

/** "Dokumente › Bereich › Ordner › … › current" as an ordered list; the last entry is the page itself. */
export function Breadcrumb({ folderId, current }: { folderId: string | null; current?: string }) {
  const t = useT();
  const { space, folders } = useSpaceDocuments();
  const path = folderPath(folders, folderId);
  const entries: Array<{ label: string; to: string }> = [
    { label: t.documents.title, to: DocumentPaths.home },
    { label: space.name, to: DocumentPaths.space(space.id) },
    ...path.map((folder) => ({ label: folder.name, to: DocumentPaths.folder(space.id, folder.id) })),
  ];
  if (current === undefined) {
    // The last link is the page itself.
    const last = entries.pop();
    return <Crumbs entries={entries} current={last?.label ?? ''} />;
  }
  return <Crumbs entries={entries} current={current} />;
}

function Crumbs({ entries, current }: { entries: Array<{ label: string; to: string }>; current: string }) {
  const t = useT();
  return (
    <nav aria-label={t.documents.breadcrumb} className="crumbs">
      <ol>
        {entries.map((entry) => (
          <li key={entry.to}>
            <Link to={entry.to}>{entry.label}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}

/** A modal with one name field (new folder, rename). */
export function NameDialog({
  title,
  label,
  initial = '',
  maxLength,
  submitLabel,
  busyLabel,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  initial?: string;
  maxLength: number;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = name.trim();
    if (!value) {
      setInvalid(true);
      return;
    }
    onSubmit(value);
  }
  return (
    <Modal title={title} onClose={onClose} initialFocus="input">
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={label}
          value={name}
          maxLength={maxLength}
          required
          error={invalid ? t.validation.required : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setInvalid(false);
          }}
        />
        <LiveMessage kind="error">{error ? errorMessage(error) : ''}</LiveMessage>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? busyLabel : submitLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t.documents.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Folder options indented by depth; `exclude` leaves out a folder and everything below it. */
export function folderOptions(folders: FolderDto[], exclude?: string): Array<{ id: string; label: string; depth: number }> {
  const children = childrenByParent(folders);
  const out: Array<{ id: string; label: string; depth: number }> = [];
  const walk = (parentId: string, depth: number) => {
    for (const folder of children.get(parentId) ?? []) {
      if (folder.id === exclude) continue;
      out.push({ id: folder.id, label: folder.name, depth });
      walk(folder.id, depth + 1);
    }
  };
  walk('', 0);
  return out;
}

/** Choose a target folder (for documents a folder is required; folders may also go to the top level). */
export function MoveDialog({
  title,
  currentFolderId,
  exclude,
  allowTop,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  /** Where the item is now (documents: its folder; folders: their parent, '' = top level). */
  currentFolderId: string;
  exclude?: string;
  allowTop: boolean;
  busy: boolean;
  error: unknown;
  onSubmit: (folderId: string | null, label: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { folders } = useSpaceDocuments();
  const options = folderOptions(folders, exclude);
  const [target, setTarget] = useState(currentFolderId);
  const selectId = useId();
  const TOP = '';
  const labelOf = (id: string) => (id === TOP ? t.documents.moveTop : (options.find((option) => option.id === id)?.label ?? ''));
  return (
    <Modal title={title} onClose={onClose} initialFocus="select">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(target === TOP ? null : target, labelOf(target));
        }}
      >
        <div className="field">
          <label htmlFor={selectId}>{t.documents.moveTarget}</label>
          <select
            id={selectId}
            value={target}
            onChange={(event) => {
              setTarget(event.target.value);
            }}
          >
            {allowTop ? <option value={TOP}>{t.documents.moveTop}</option> : null}
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {`${'\u00a0\u00a0'.repeat(option.depth + (allowTop ? 1 : 0))}${option.label}`}
              </option>
            ))}
          </select>
        </div>
        <LiveMessage kind="error">{error ? errorMessage(error) : ''}</LiveMessage>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || target === currentFolderId}>
            {busy ? t.documents.saving : t.documents.move}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t.documents.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
