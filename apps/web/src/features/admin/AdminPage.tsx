import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { InvitationList } from './InvitationList';
import { InviteForm } from './InviteForm';

/** "Verwaltung" for admins, "Einladen" for coordinators: the same invitation tools. */
export function AdminPage({ variant }: { variant: 'admin' | 'invite' }) {
  const t = useT();
  const title = variant === 'admin' ? t.admin.title : t.admin.inviteTitle;
  usePageTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <div className="stack">
        <InviteForm />
        <InvitationList />
      </div>
    </section>
  );
}
