import { usePageTitle } from '../../components/usePageTitle';
import { useT } from '../../i18n';
import { useCurrentUser } from '../auth/SessionProvider';

export function HomePage() {
  const t = useT();
  const user = useCurrentUser();
  usePageTitle(t.nav.start);
  return (
    <section className="page">
      <h1>{t.home.welcome(user.displayName)}</h1>
      <p className="lead">{t.home.intro}</p>
      <p className="muted">{t.home.organisation(t.roles[user.role], user.organisation.name)}</p>
    </section>
  );
}
