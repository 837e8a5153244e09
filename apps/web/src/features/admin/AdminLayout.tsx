import type { ReactNode } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router-dom';
import { useT } from '../../i18n';
import { useCurrentUser } from '../auth/SessionProvider';
import { ForbiddenPage } from '../sections/StatusPages';
import { adminTabs, tabPath, type AdminTab } from './adminArea';

/** "Verwaltung": a sub-navigation with the sections the person's role may use, then the section. */
export function AdminLayout() {
  const t = useT();
  const user = useCurrentUser();
  const tabs = adminTabs(user.role);
  if (tabs.length === 0) return <ForbiddenPage />;
  return (
    <section className="page admin-area">
      <h1 className="admin-area__title">{t.adminArea.title}</h1>
      <nav aria-label={t.adminArea.sections} className="admin-tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab}>
              <NavLink to={tabPath[tab]}>{t.adminArea.tabs[tab]}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}

/** /verwaltung itself opens the first section the person may use. */
export function AdminIndex() {
  const user = useCurrentUser();
  const first = adminTabs(user.role).find((tab) => tab !== 'organisations');
  if (!first) return <ForbiddenPage />;
  return <Navigate to={tabPath[first]} replace />;
}

/** A section of the area that needs a permission the person lacks (the API refuses it anyway). */
export function RequireAdminTab({ tab, children }: { tab: AdminTab; children: ReactNode }) {
  const user = useCurrentUser();
  if (!adminTabs(user.role).includes(tab)) return <ForbiddenPage />;
  return children;
}
