import { useCallback } from 'react';
import { isApiError } from '../api/client';
import { useT } from '../i18n';

/** Turns any thrown value into a sentence for the user in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t.errors.INTERNAL_ERROR;
      const text = t.errors[error.code];
      // Only unexpected failures get a reference for support; expected ones speak for themselves.
      if (error.status >= 500 && error.correlationId) return `${text} ${t.errors.reference(error.correlationId)}`;
      return text;
    },
    [t],
  );
}
