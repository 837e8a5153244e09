import { useRef } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';
import { MAIN_ID, SkipLink } from './SkipLink';
import { useFocusOnNavigate } from './useFocusOnNavigate';

/** Frame of the pages reachable without a session (login, invitation, password reset). */
export function PublicLayout() {
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);
  return (
    <div className="app app--public">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            {t.common.productName}
          </Link>
          <div className="app-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="app-main app-main--public">
        <Outlet />
      </main>
    </div>
  );
}
