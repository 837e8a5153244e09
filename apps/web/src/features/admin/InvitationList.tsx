import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { invitationsApi } from '../../api/endpoints';
import { LiveMessage } from '../../components/LiveMessage';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatDateTime, useI18n } from '../../i18n';
import { invitationsQueryKey } from './InviteForm';

export function InvitationList() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const invitations = useQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => invitationsApi.list(signal),
  });

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t.admin.listHeading}</h2>
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
              </tr>
            </thead>
            <tbody>
              {invitations.data.items.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{t.roles[invitation.role]}</td>
                  <td>{invitation.organisation.name}</td>
                  <td>{invitation.invitedBy.displayName}</td>
                  <td>
                    <span className={`badge badge--${invitation.status}`}>{t.admin.status[invitation.status]}</span>
                  </td>
                  <td>{formatDateTime(invitation.expiresAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
