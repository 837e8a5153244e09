import type { ReactNode } from 'react';

/**
 * A live region that is always in the DOM, so screen readers announce text put into it.
 * Errors use role="alert" (assertive), confirmations role="status" (polite).
 */
export function LiveMessage({ kind, children, id }: { kind: 'error' | 'success' | 'info'; children?: ReactNode; id?: string }) {
  const hasContent = children !== undefined && children !== null && children !== false && children !== '';
  const className = ['message', `message--${kind}`, hasContent ? '' : 'message--empty'].filter(Boolean).join(' ');
  return kind === 'error' ? (
    <div role="alert" id={id} className={className}>
      {children}
    </div>
  ) : (
    <div role="status" id={id} className={className}>
      {children}
    </div>
  );
}
