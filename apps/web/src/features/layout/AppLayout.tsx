import { hasPermission } from '@treffpunkt/contracts';
import { useRef } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';
import { adminTabs } from '../admin/adminArea';
import { useCurrentUser, useSession } from '../auth/SessionProvider';
import { NotificationBell } from '../notifications/NotificationBell';
import { NotificationToasts } from '../notifications/NotificationToasts';
import { ConnectionBanner } from '../realtime/ConnectionBanner';
import { AppPaths } from '../../paths';
import { MAIN_ID, SkipLink } from './SkipLink';
import { useFocusOnNavigate } from './useFocusOnNavigate';

export function AppLayout() {
  const t = useT();
  const user = useCurrentUser();
  const { signOut } = useSession();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);

  // coordinators too: they invite and manage spaces there
  const hasAdminArea = adminTabs(user.role).length > 0;

  const sections = [
    { to: AppPaths.forum, label: t.nav.forum },
    { to: AppPaths.documents, label: t.nav.documents },
    { to: AppPaths.meetings, label: t.nav.meetings },
    { to: AppPaths.directory, label: t.nav.directory },
    ...(hasPermission(user.role, 'statistics.view') ? [{ to: AppPaths.statistics, label: t.statistics.nav }] : []),
  ];

  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            {t.common.productName}
          </Link>
          <nav aria-label={t.nav.main} className="main-nav">
            <ul>
              {sections.map((section) => (
                <li key={section.to}>
                  <NavLink to={section.to}>{section.label}</NavLink>
                </li>
              ))}
              {hasAdminArea ? (
                <li>
                  <NavLink to={AppPaths.admin}>{t.nav.admin}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="app-header__tools">
            <NotificationBell />
            <LanguageSwitch />
            <nav aria-label={t.nav.userMenu} className="user-menu">
              <ul>
                <li className="user-menu__name">
                  <span className="visually-hidden">{t.nav.signedInAs('')}</span>
                  {user.displayName}
                </li>
                <li>
                  <NavLink to={AppPaths.profile}>{t.nav.profile}</NavLink>
                </li>
                <li>
                  <button type="button" className="button button--link" onClick={() => void signOut()}>
                    {t.nav.logout}
                  </button>
                </li>
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <ConnectionBanner />
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <NotificationToasts />
    </div>
  );
}
