import { ErrorCode } from '@treffpunkt/contracts';
import { useRef, useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { authApi } from '../../api/endpoints';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { countErrors, focusFirstInvalid, validateNewPassword } from '../../components/validation';
import { useT } from '../../i18n';

export function PasswordResetCompletePage() {
  const t = useT();
  usePageTitle(t.passwordReset.completeTitle);
  const errorMessage = useErrorMessage();
  const { token = '' } = useParams();
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [formError, setFormError] = useState('');
  const [tokenInvalid, setTokenInvalid] = useState(false);
  const [done, setDone] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  async function submit() {
    const found = validateNewPassword(t, password, confirmation);
    setErrors(found);
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
      await authApi.completePasswordReset({ token, password });
      setDone(true);
    } catch (error) {
      setFormError(errorMessage(error));
      if (isApiError(error) && error.code === ErrorCode.ResetTokenInvalid) setTokenInvalid(true);
    } finally {
      setSubmitting(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  return (
    <div className="card card--narrow">
      <h1>{t.passwordReset.completeTitle}</h1>
      <LiveMessage kind="success">{done ? t.passwordReset.completeDone : ''}</LiveMessage>
      <LiveMessage kind="error">{formError}</LiveMessage>
      {done ? (
        <p>
          <Link to="/login" className="button button--primary">
            {t.passwordReset.toLogin}
          </Link>
        </p>
      ) : tokenInvalid ? (
        <p>
          <Link to="/passwort-vergessen">{t.passwordReset.requestNew}</Link>
        </p>
      ) : (
        <>
          <p>{t.passwordReset.completeIntro}</p>
          <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
            <NewPasswordFields
              passwordLabel={t.passwordReset.newPassword}
              confirmationLabel={t.passwordReset.confirmPassword}
              passwordName="new-password"
              password={password}
              confirmation={confirmation}
              errors={errors}
              onPasswordChange={setPassword}
              onConfirmationChange={setConfirmation}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={submitting}>
                {t.passwordReset.completeSubmit}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
