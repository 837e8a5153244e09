import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: role="dialog" + aria-modal, labelled by its title, focus moves in and is
 * trapped (Tab / Shift+Tab cycle), Escape closes, everything else on the page is inert while
 * it is open, and focus returns to where it was unless `restoreFocus` is false (the caller
 * then moves it itself, e.g. into a text field).
 */
export function Modal({
  title,
  children,
  onClose,
  initialFocus,
  restoreFocus = true,
  describedBy,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  /** CSS selector inside the dialog to focus first (default: the first focusable element). */
  initialFocus?: string;
  restoreFocus?: boolean;
  describedBy?: string;
}) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement | null>(null);
  const restoreRef = useRef(restoreFocus);

  useEffect(() => {
    restoreRef.current = restoreFocus;
  }, [restoreFocus]);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const host = hostRef.current;
    // Make the rest of the page inert (not focusable, hidden from assistive technology).
    const others = Array.from(document.body.children).filter(
      (element): element is HTMLElement => element instanceof HTMLElement && element !== host && !element.inert,
    );
    for (const element of others) element.inert = true;
    const dialog = dialogRef.current;
    const first = (initialFocus ? dialog?.querySelector<HTMLElement>(initialFocus) : null) ?? dialog?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog)?.focus();
    return () => {
      for (const element of others) element.inert = false;
      if (restoreRef.current && previous?.isConnected) previous.focus();
    };
    // Runs once per opening; initialFocus is read on open only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div
      className="modal-backdrop"
      ref={(element) => {
        hostRef.current = element;
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        className="modal"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}

/** "Are you sure?" with a destructive confirm button and a cancel button (focused first). */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy = false,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const textId = useId();
  return (
    <Modal title={title} onClose={onCancel} describedBy={textId} initialFocus="[data-autofocus]">
      <p id={textId}>{text}</p>
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {cancelLabel}
        </button>
      </div>
    </Modal>
  );
}
