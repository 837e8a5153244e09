import { ErrorCode } from '@treffpunkt/contracts';
import { useRef, useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { authApi } from '../../api/endpoints';
import { TextField } from '../../components/Field';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { countErrors, focusFirstInvalid, validateNewPassword } from '../../components/validation';
import { useT } from '../../i18n';
import { useSession } from '../auth/SessionProvider';

type PasswordField = 'current' | 'password' | 'confirmation';

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { signIn } = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [formError, setFormError] = useState('');
  const [done, setDone] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function submit() {
    const found: Partial<Record<PasswordField, string>> = {
      ...(current ? {} : { current: t.validation.required }),
      ...validateNewPassword(t, password, confirmation),
    };
    setErrors(found);
    setDone('');
    if (countErrors(found) > 0) {
      setFormError(t.validation.summary(countErrors(found)));
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    setFormError('');
    setSubmitting(true);
    try {
      const session = await authApi.changePassword({ currentPassword: current, newPassword: password });
      if (session) signIn(session);
      setCurrent('');
      setPassword('');
      setConfirmation('');
      setDone(t.profile.passwordChanged);
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.WrongPassword) {
        setErrors({ current: t.errors.WRONG_PASSWORD });
        requestAnimationFrame(() => {
          focusFirstInvalid(formRef.current);
        });
      }
      setFormError(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  return (
    <section aria-labelledby="password-heading" className="card">
      <h2 id="password-heading">{t.profile.passwordHeading}</h2>
      <LiveMessage kind="success">{done}</LiveMessage>
      <LiveMessage kind="error">{formError}</LiveMessage>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label={t.profile.currentPassword}
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={current}
          error={errors.current}
          onChange={(event) => {
            setCurrent(event.target.value);
          }}
        />
        <NewPasswordFields
          passwordLabel={t.profile.newPassword}
          confirmationLabel={t.profile.confirmPassword}
          passwordName="new-password"
          password={password}
          confirmation={confirmation}
          errors={errors}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {t.profile.changePassword}
          </button>
        </div>
      </form>
    </section>
  );
}
