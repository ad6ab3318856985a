import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { useMe } from '../../features/auth/api/get-me';
import { LogoutButton } from '../../features/auth/components/logout-button';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { LanguageSwitch } from '../../features/preferences/components/language-switch';
import { useAccountLocale } from '../../features/preferences/hooks/use-account-locale';
import { SiteHeader } from './site-header';

/** After a page change, focus moves to the main content so screen readers start there. */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}

export function RootLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signedIn = Boolean(me);
  useAccountLocale(me?.account);
  const mainRef = useFocusMainOnNavigate();

  return (
    <>
      <SiteHeader
        nav={
          <nav className="site-nav" aria-label={t('app.mainNav')}>
            <ul>
              {signedIn ? (
                <>
                  <li>
                    <NavLink to="/" end>
                      {t('nav.home')}
                    </NavLink>
                  </li>
                  {me && hasPermission(me.account.role, 'incident-log.keep') ? (
                    <li>
                      <NavLink to="/log">{t('incidentLog.nav')}</NavLink>
                    </li>
                  ) : null}
                  {me && hasPermission(me.account.role, 'client.keep') ? (
                    <li>
                      <NavLink to="/clients">{t('clients.nav')}</NavLink>
                    </li>
                  ) : null}
                  {me && hasPermission(me.account.role, 'meeting.cover') ? (
                    <li>
                      <NavLink to="/cover">{t('nav.cover')}</NavLink>
                    </li>
                  ) : null}
                  {me &&
                  hasPermission(me.account.role, 'cover-gaps.read') &&
                  !hasPermission(me.account.role, 'meeting.cover') ? (
                    <li>
                      <NavLink to="/admin/cover-gaps">{t('nav.coverGaps')}</NavLink>
                    </li>
                  ) : null}
                  <li>
                    <NavLink to="/account">{t('nav.account')}</NavLink>
                  </li>
                  <li className="site-nav-notifications">
                    <NotificationBell />
                  </li>
                </>
              ) : null}
              <li>
                <LanguageSwitch signedIn={signedIn} />
              </li>
              {signedIn ? (
                <li>
                  <LogoutButton onSignedOut={() => void navigate('/login', { replace: true })} />
                </li>
              ) : null}
            </ul>
          </nav>
        }
      />
      <main id="main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
    </>
  );
}
