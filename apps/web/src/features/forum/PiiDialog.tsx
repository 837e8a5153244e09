import type { PiiFinding } from '@treffpunkt/contracts';
import { useId } from 'react';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n';

/**
 * The API found what looks like personal data in a case post and stored nothing. Lists the
 * findings in plain words; "Bearbeiten" goes back to the text, "Trotzdem speichern" resends
 * with acknowledgePii.
 */
export function PiiDialog({
  findings,
  busy,
  onEdit,
  onSaveAnyway,
  onClose,
}: {
  findings: PiiFinding[];
  busy: boolean;
  onEdit: () => void;
  onSaveAnyway: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const introId = useId();
  return (
    <Modal title={t.forum.piiTitle} onClose={onClose} describedBy={introId} initialFocus="[data-autofocus]">
      <p id={introId}>{t.forum.piiIntro}</p>
      <ul className="pii-findings">
        {findings.map((finding, index) => (
          <li key={`${finding.field}-${String(finding.start)}-${String(index)}`}>
            <strong>{t.forum.piiKinds[finding.kind]}</strong> {finding.field === 'title' ? t.forum.piiInTitle : t.forum.piiInBody}:{' '}
            <mark className="pii-findings__text">{finding.text}</mark>
          </li>
        ))}
      </ul>
      <p>{t.forum.piiOutro}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" data-autofocus onClick={onEdit}>
          {t.forum.piiEdit}
        </button>
        <button type="button" className="button" onClick={onSaveAnyway} disabled={busy}>
          {t.forum.piiSaveAnyway}
        </button>
      </div>
    </Modal>
  );
}

/**
 * Where a finding is in the field it names. The contract counts offsets either in the field
 * itself or — for a new thread — in `title + "\n\n" + body`; trust the offsets only where the
 * text is actually there, otherwise search for it.
 */
export function locateFinding(finding: PiiFinding, fieldValue: string, titleLength: number): { start: number; end: number } | null {
  const length = finding.end - finding.start;
  const candidates = [finding.start, finding.start - (titleLength + 2)];
  for (const start of candidates) {
    if (start >= 0 && fieldValue.slice(start, start + length) === finding.text) return { start, end: start + length };
  }
  const found = fieldValue.indexOf(finding.text);
  return found >= 0 ? { start: found, end: found + finding.text.length } : null;
}
