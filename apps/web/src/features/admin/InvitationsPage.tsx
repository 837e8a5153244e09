import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { InvitationList } from './InvitationList';
import { InviteForm } from './InviteForm';

/** Invite people and follow up on invitations (admins and coordinators). */
export function InvitationsPage() {
  const t = useT();
  usePageTitle(t.adminArea.invitations.title);
  return (
    <div className="stack">
      <InviteForm />
      <InvitationList />
    </div>
  );
}
