import { invitableRoles, type InvitationDto, type Role } from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { invitationsApi, organisationsApi } from '../../api/endpoints';
import { SelectField, TextField } from '../../components/Field';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { countErrors, focusFirstInvalid, looksLikeEmail, type FieldErrors } from '../../components/validation';
import { useT } from '../../i18n';
import { useCurrentUser } from '../auth/SessionProvider';

export const organisationsQueryKey = ['organisations', 'all'] as const;
export const invitationsQueryKey = ['invitations'] as const;

type InviteField = 'email' | 'role' | 'organisationId';

const defaultRole = (roles: Role[]): Role | '' => (roles.includes('advisor') ? 'advisor' : (roles[0] ?? ''));

export function InviteForm() {
  const t = useT();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const roles = invitableRoles(user.role);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();

  const organisations = useQuery({
    queryKey: organisationsQueryKey,
    queryFn: ({ signal }) => organisationsApi.listAll(signal),
    staleTime: 5 * 60_000,
  });

  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | ''>(defaultRole(roles));
  const [organisationId, setOrganisationId] = useState('');
  const [errors, setErrors] = useState<FieldErrors<InviteField>>({});
  const [formError, setFormError] = useState('');
  const [created, setCreated] = useState<InvitationDto | null>(null);
  const [copied, setCopied] = useState(false);

  const create = useMutation({
    mutationFn: invitationsApi.create,
    onSuccess: (invitation) => {
      setCreated(invitation);
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'EMAIL_TAKEN') {
        setErrors({ email: t.errors.EMAIL_TAKEN });
        requestAnimationFrame(() => {
          focusFirstInvalid(formRef.current);
        });
      }
      setFormError(errorMessage(error));
    },
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<InviteField> = {};
    if (!email.trim()) found.email = t.validation.required;
    else if (!looksLikeEmail(email)) found.email = t.validation.email;
    if (!role) found.role = t.validation.required;
    if (!organisationId) found.organisationId = t.validation.required;
    setErrors(found);
    setCreated(null);
    setCopied(false);
    if (countErrors(found) > 0 || !role) {
      setFormError(t.validation.summary(countErrors(found)));
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    setFormError('');
    create.mutate({ email: email.trim(), role, organisationId });
  }

  async function copyLink(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t.admin.inviteHeading}</h2>
      <p className="muted">{t.admin.inviteIntro}</p>
      <LiveMessage kind="success">{created ? t.admin.created(created.email) : ''}</LiveMessage>
      <LiveMessage kind="error">{formError || (organisations.isError ? errorMessage(organisations.error) : '')}</LiveMessage>
      {created?.link ? (
        <div className="invite-link">
          <TextField
            label={t.admin.linkLabel}
            hint={t.admin.linkHint}
            value={created.link}
            readOnly
            data-testid="invitation-link"
            onFocus={(event) => {
              event.target.select();
            }}
          />
          <button type="button" className="button" onClick={() => void copyLink(created.link ?? '')}>
            {t.admin.copyLink}
          </button>
          <span role="status" className="invite-link__copied">
            {copied ? t.admin.copied : ''}
          </span>
        </div>
      ) : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t.admin.email}
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          error={errors.email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
        />
        <SelectField
          label={t.admin.role}
          name="role"
          required
          value={role}
          error={errors.role}
          onChange={(event) => {
            const next = roles.find((candidate) => candidate === event.target.value);
            setRole(next ?? '');
          }}
        >
          {roles.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t.roles[candidate]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.admin.organisation}
          name="organisationId"
          required
          value={organisationId}
          error={errors.organisationId}
          hint={organisations.isPending ? t.admin.organisationsLoading : undefined}
          onChange={(event) => {
            setOrganisationId(event.target.value);
          }}
        >
          <option value="">{t.admin.chooseOrganisation}</option>
          {(organisations.data ?? []).map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.city ? `${organisation.name} (${organisation.city})` : organisation.name}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t.admin.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
