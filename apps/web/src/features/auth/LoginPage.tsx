import { ErrorCode } from '@treffpunkt/contracts';
import { useRef, useState, type SubmitEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { authApi } from '../../api/endpoints';
import { TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { countErrors, focusFirstInvalid, looksLikeEmail, type FieldErrors } from '../../components/validation';
import { useT } from '../../i18n';
import { safeNextPath } from './redirect';
import type { LoginLocationState } from './RequireAuth';
import { useSession } from './SessionProvider';

export function LoginPage() {
  const t = useT();
  usePageTitle(t.login.title);
  const errorMessage = useErrorMessage();
  const { status, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const loginState = location.state as LoginLocationState | null;
  const expired = loginState?.expired === true;
  const revoked = loginState?.revoked === true;

  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'email' | 'password'>>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  if (status === 'authenticated' && !submitting) return <Navigate to={next} replace />;

  async function submit() {
    const found: FieldErrors<'email' | 'password'> = {};
    if (!email.trim()) found.email = t.validation.required;
    else if (!looksLikeEmail(email)) found.email = t.validation.email;
    if (!password) found.password = t.validation.required;
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
      const session = await authApi.login({ email: email.trim(), password });
      signIn(session);
      void navigate(next, { replace: true });
    } catch (error) {
      setSubmitting(false);
      if (isApiError(error) && error.code === ErrorCode.TooManyRequests && error.retryAfter !== undefined) {
        setFormError(t.errors.tooManyLoginAttempts(error.retryAfter));
      } else {
        setFormError(errorMessage(error));
      }
      if (isApiError(error) && error.code === ErrorCode.InvalidCredentials) setPassword('');
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  return (
    <div className="card card--narrow">
      <h1>{t.login.title}</h1>
      {expired ? <p className="message message--info">{t.login.sessionExpired}</p> : null}
      {revoked ? <p className="message message--info">{t.login.sessionRevoked}</p> : null}
      <p>{t.login.intro}</p>
      <LiveMessage kind="error">{formError}</LiveMessage>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t.login.email}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          error={errors.email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
        />
        <TextField
          label={t.login.password}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting} aria-busy={submitting}>
            {t.login.submit}
          </button>
          <Link to="/passwort-vergessen">{t.login.forgot}</Link>
        </div>
      </form>
      <p className="muted">{t.login.noAccount}</p>
    </div>
  );
}
