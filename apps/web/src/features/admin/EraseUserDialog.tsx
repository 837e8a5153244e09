import { Routes, type EraseUserRequest } from '@treffpunkt/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { Modal } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n';

const eraseUser = (userId: string, body: EraseUserRequest): Promise<void> => api.post<undefined>(Routes.privacy.erase(userId), body);

/**
 * "Person löschen (DSGVO)": a destructive button that opens a dialog explaining what erasure
 * removes and what remains, and only sends the request once the person's handle is typed.
 */
export function EraseUserDialog({ user, onErased }: { user: { id: string; displayName: string; handle: string }; onErased: () => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const textId = useId();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [formError, setFormError] = useState('');

  const erase = useMutation({
    mutationFn: () => eraseUser(user.id, { confirm: confirm.trim() }),
    onSuccess: () => {
      setOpen(false);
      onErased();
    },
    onError: (error) => {
      setFormError(errorMessage(error));
    },
  });

  function close() {
    if (erase.isPending) return;
    setOpen(false);
    setConfirm('');
    setFieldError('');
    setFormError('');
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError('');
    if (confirm.trim() !== user.handle) {
      setFieldError(t.privacy.eraseConfirmMismatch);
      return;
    }
    setFieldError('');
    erase.mutate();
  }

  return (
    <>
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t.privacy.eraseButton}
      </button>
      {open ? (
        <Modal title={t.privacy.eraseTitle(user.displayName)} onClose={close} describedBy={textId} initialFocus="input">
          <p id={textId}>{t.privacy.eraseConsequences}</p>
          <LiveMessage kind="error">{formError}</LiveMessage>
          <form onSubmit={onSubmit} noValidate className="form">
            <TextField
              label={t.privacy.eraseConfirmLabel(user.handle)}
              name="confirm"
              autoComplete="off"
              spellCheck={false}
              required
              value={confirm}
              error={fieldError || undefined}
              onChange={(event) => {
                setConfirm(event.target.value);
                setFieldError('');
              }}
            />
            <div className="form__actions">
              <button type="submit" className="button button--danger" disabled={erase.isPending}>
                {t.privacy.eraseSubmit}
              </button>
              <button type="button" className="button" onClick={close} disabled={erase.isPending}>
                {t.privacy.eraseCancel}
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </>
  );
}
