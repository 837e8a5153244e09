import { PASSWORD_MIN_LENGTH } from '@treffpunkt/contracts';
import type { Messages } from '../i18n';

/** Deliberately loose: the API decides; this only catches typos like a missing "@". */
export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export const countErrors = (errors: Partial<Record<string, string>>): number => Object.values(errors).filter(Boolean).length;

/** New password + confirmation, as used by invitation, reset and profile forms. */
export function validateNewPassword(t: Messages, password: string, confirmation: string): { password?: string; confirmation?: string } {
  const errors: { password?: string; confirmation?: string } = {};
  if (!password) errors.password = t.validation.required;
  else if (password.length < PASSWORD_MIN_LENGTH) errors.password = t.validation.passwordTooShort(PASSWORD_MIN_LENGTH);
  if (!confirmation) errors.confirmation = t.validation.required;
  else if (password !== confirmation) errors.confirmation = t.validation.passwordMismatch;
  return errors;
}

/** Moves focus to the first field that has an error, so keyboard users land where the problem is. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
}
