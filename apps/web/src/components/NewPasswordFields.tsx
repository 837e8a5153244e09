import { PASSWORD_MIN_LENGTH } from '@treffpunkt/contracts';
import { useT } from '../i18n';
import { TextField } from './Field';

interface NewPasswordFieldsProps {
  passwordLabel: string;
  confirmationLabel: string;
  /** Form field name of the new password (password managers key on it). */
  passwordName: string;
  password: string;
  confirmation: string;
  errors: { password?: string; confirmation?: string };
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
}

/** A new password with its confirmation — the same two fields wherever a password is set. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField
        label={props.passwordLabel}
        type="password"
        name={props.passwordName}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t.password.hint(PASSWORD_MIN_LENGTH)}
        value={props.password}
        error={props.errors.password}
        onChange={(event) => {
          props.onPasswordChange(event.target.value);
        }}
      />
      <TextField
        label={props.confirmationLabel}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        value={props.confirmation}
        error={props.errors.confirmation}
        onChange={(event) => {
          props.onConfirmationChange(event.target.value);
        }}
      />
    </>
  );
}
