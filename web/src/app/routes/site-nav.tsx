import { useId, useState } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '@tryg/shared';
import { PlainButton } from '../../components/ui/plain-button';
import { LogoutButton } from '../../features/auth/components/logout-button';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { LanguageSwitch } from '../../features/preferences/components/language-switch';
import { navigationFor } from '../navigation';

/** Before sign-in: only the language, always in sight beside the name (never under the quick exit). */
export function PublicNav() {
  const { t } = useTranslation();
  return (
    <nav className="site-nav site-nav-public" aria-label={t('app.mainNav')}>
      <LanguageSwitch signedIn={false} />
    </nav>
  );
}

/**
 * The signed-in menu, from the role's entries in `navigation.ts`. On a phone it folds behind one
 * "Menu" button and opens below the header (language and sign-out inside it); on a wide screen it is
 * a row. Either way the header keeps the quick exit's corner free.
 */
export function SignedInNav({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const menuId = useId();
  // Open on the page it was opened on only: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const items = navigationFor(me);

  return (
    <nav
      className="site-nav"
      aria-label={t('app.mainNav')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) setOpenOn(null);
      }}
    >
      {/* The header is on every page: a native button keeps React Aria's press code out of the first download. */}
      <PlainButton
        variant="quiet"
        className="site-menu-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {t('nav.menu')}
      </PlainButton>
      <div id={menuId} className="site-menu" data-open={open || undefined}>
        <ul className="site-menu-links">
          {items.map((item) => (
            <li key={item.key}>
              <NavLink to={item.to} end={item.to === '/'}>
                {t(`nav.${item.label}`)}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="site-menu-tools">
          <LanguageSwitch signedIn />
          <LogoutButton onSignedOut={() => void navigate('/login', { replace: true })} />
        </div>
      </div>
      <div className="site-nav-notifications">
        <NotificationBell />
      </div>
    </nav>
  );
}
