import { useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router-dom';
import { authApi } from '../../api/endpoints';
import { TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { focusFirstInvalid, looksLikeEmail } from '../../components/validation';
import { useT } from '../../i18n';

export function PasswordResetRequestPage() {
  const t = useT();
  usePageTitle(t.passwordReset.requestTitle);
  const errorMessage = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string>();
  const [formError, setFormError] = useState('');
  const [sent, setSent] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  async function submit() {
    const problem = !email.trim() ? t.validation.required : !looksLikeEmail(email) ? t.validation.email : undefined;
    setEmailError(problem);
    if (problem) {
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    setFormError('');
    setSubmitting(true);
    try {
      await authApi.requestPasswordReset({ email: email.trim() });
      setSent(true);
    } catch (error) {
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
    <div className="card card--narrow">
      <h1>{t.passwordReset.requestTitle}</h1>
      <LiveMessage kind="success">{sent ? t.passwordReset.requestSent : ''}</LiveMessage>
      <LiveMessage kind="error">{formError}</LiveMessage>
      {sent ? null : (
        <>
          <p>{t.passwordReset.requestIntro}</p>
          <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
            <TextField
              label={t.passwordReset.email}
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              error={emailError}
              onChange={(event) => {
                setEmail(event.target.value);
              }}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={submitting}>
                {t.passwordReset.requestSubmit}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/login">{t.passwordReset.backToLogin}</Link>
      </p>
    </div>
  );
}
