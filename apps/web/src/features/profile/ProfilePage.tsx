import { Link } from 'react-router-dom';
import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { AppPaths } from '../../paths';
import { useCurrentUser } from '../auth/SessionProvider';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DataExportPanel } from './DataExportPanel';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const t = useT();
  const user = useCurrentUser();
  usePageTitle(t.profile.title);
  return (
    <section className="page">
      <h1>{t.profile.title}</h1>
      <p className="muted">{t.profile.accountInfo(user.email, t.roles[user.role], user.organisation.name)}</p>
      <p>
        <Link to={AppPaths.notificationSettings}>{t.profile.notificationSettings}</Link>
      </p>
      <div className="stack">
        <ProfileForm key={user.id} user={user} />
        <ChangePasswordForm email={user.email} />
        <DataExportPanel />
      </div>
    </section>
  );
}
