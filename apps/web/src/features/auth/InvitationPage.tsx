import { ErrorCode, type InvitationPreview } from '@treffpunkt/contracts';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { invitationsApi } from '../../api/endpoints';
import { TextField } from '../../components/Field';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { countErrors, focusFirstInvalid, validateNewPassword } from '../../components/validation';
import { formatDateTime, useI18n } from '../../i18n';
import { useSession } from './SessionProvider';

export function InvitationPage() {
  const { t } = useI18n();
  usePageTitle(t.invitation.title);
  const errorMessage = useErrorMessage();
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) => invitationsApi.preview(token, signal),
    retry: false,
  });

  return (
    <div className="card card--narrow">
      <h1>{t.invitation.title}</h1>
      {preview.isPending ? (
        <p role="status">{t.invitation.loading}</p>
      ) : preview.isError ? (
        <>
          <LiveMessage kind="error">{errorMessage(preview.error)}</LiveMessage>
          {isApiError(preview.error) && preview.error.code === ErrorCode.InvitationUsed ? (
            <p>
              <Link to="/login">{t.invitation.toLogin}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <AcceptInvitationForm token={token} preview={preview.data} />
      )}
    </div>
  );
}

function AcceptInvitationForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ displayName?: string; password?: string; confirmation?: string }>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function submit() {
    const found = {
      ...(displayName.trim() ? {} : { displayName: t.validation.required }),
      ...validateNewPassword(t, password, confirmation),
    };
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
      const session = await invitationsApi.accept(token, { displayName: displayName.trim(), password });
      signIn(session);
      void navigate('/', { replace: true });
    } catch (error) {
      setSubmitting(false);
      setFormError(errorMessage(error));
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  return (
    <>
      <p className="lead">
        {t.invitation.summary(preview.invitedBy.displayName, preview.email, t.roles[preview.role], preview.organisation.name)}
      </p>
      <p className="muted">{t.invitation.validUntil(formatDateTime(preview.expiresAt, locale))}</p>
      <LiveMessage kind="error">{formError}</LiveMessage>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        {/* Lets password managers store the new credentials under the right account. */}
        <input type="email" name="username" autoComplete="username" value={preview.email} readOnly hidden />
        <TextField
          label={t.invitation.displayName}
          name="displayName"
          autoComplete="name"
          required
          maxLength={100}
          hint={t.invitation.displayNameHint}
          value={displayName}
          error={errors.displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
        />
        <NewPasswordFields
          passwordLabel={t.invitation.password}
          confirmationLabel={t.invitation.confirmPassword}
          passwordName="password"
          password={password}
          confirmation={confirmation}
          errors={errors}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {t.invitation.submit}
          </button>
        </div>
      </form>
    </>
  );
}
