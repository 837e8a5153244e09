import type { InvitationDto } from '@treffpunkt/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { invitationsApi } from '../../api/endpoints';
import { LiveMessage } from '../../components/LiveMessage';
import { ConfirmDialog } from '../../components/Modal';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatDateTime, useI18n } from '../../i18n';
import { invitationsQueryKey } from './InviteForm';
import { adminApi } from './adminApi';

type Action = { kind: 'resend' | 'revoke'; invitation: InvitationDto };

/** The invitations the person made (admins: all), with "send again" and "revoke" behind a confirmation. */
export function InvitationList() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState('');
  const invitations = useQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => invitationsApi.list(signal),
  });

  const run = useMutation({
    mutationFn: async ({ kind, invitation }: Action): Promise<InvitationDto | undefined> =>
      kind === 'resend' ? adminApi.resendInvitation(invitation.id) : adminApi.revokeInvitation(invitation.id).then(() => undefined),
    onSuccess: (result, { kind, invitation }) => {
      setAction(null);
      setError('');
      setNotice(kind === 'resend' ? t.adminArea.invitations.resent(invitation.email) : t.adminArea.invitations.revoked(invitation.email));
      setLink(result?.link ?? null);
      void queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
    },
    onError: (failure) => {
      setAction(null);
      setNotice('');
      setLink(null);
      setError(errorMessage(failure));
    },
  });

  const x = t.adminArea.invitations;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t.admin.listHeading}</h2>
      <LiveMessage kind="success">{notice}</LiveMessage>
      <LiveMessage kind="error">{error}</LiveMessage>
      {link ? (
        <p className="invite-link">
          <label>
            {t.admin.linkLabel}
            <input readOnly value={link} data-testid="resent-invitation-link" />
          </label>
        </p>
      ) : null}
      {invitations.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : invitations.isError ? (
        <LiveMessage kind="error">{errorMessage(invitations.error)}</LiveMessage>
      ) : invitations.data.items.length === 0 ? (
        <p>{t.admin.listEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t.admin.colEmail}</th>
                <th scope="col">{t.admin.colRole}</th>
                <th scope="col">{t.admin.colOrganisation}</th>
                <th scope="col">{t.admin.colInvitedBy}</th>
                <th scope="col">{t.admin.colStatus}</th>
                <th scope="col">{t.admin.colExpires}</th>
                <th scope="col">{x.actions}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.items.map((invitation) => {
                const open = invitation.status === 'pending' || invitation.status === 'expired';
                return (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{t.roles[invitation.role]}</td>
                    <td>{invitation.organisation.name}</td>
                    <td>{invitation.invitedBy.displayName}</td>
                    <td>
                      <span className={`badge badge--${invitation.status}`}>{t.admin.status[invitation.status]}</span>
                    </td>
                    <td>{formatDateTime(invitation.expiresAt, locale)}</td>
                    <td className="admin-actions">
                      {open ? (
                        <>
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={x.resendLabel(invitation.email)}
                            onClick={() => {
                              setAction({ kind: 'resend', invitation });
                            }}
                          >
                            {x.resend}
                          </button>
                          {invitation.status === 'pending' ? (
                            <button
                              type="button"
                              className="button button--small button--danger"
                              aria-label={x.revokeLabel(invitation.email)}
                              onClick={() => {
                                setAction({ kind: 'revoke', invitation });
                              }}
                            >
                              {x.revoke}
                            </button>
                          ) : null}
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {action ? (
        <ConfirmDialog
          title={action.kind === 'resend' ? x.confirmResendTitle : x.confirmRevokeTitle}
          text={action.kind === 'resend' ? x.confirmResendText(action.invitation.email) : x.confirmRevokeText(action.invitation.email)}
          confirmLabel={action.kind === 'resend' ? x.confirmResend : x.confirmRevoke}
          cancelLabel={t.adminArea.cancel}
          busy={run.isPending}
          onConfirm={() => {
            run.mutate(action);
          }}
          onCancel={() => {
            setAction(null);
          }}
        />
      ) : null}
    </section>
  );
}
