import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QuickExitButton } from '../../features/quick-exit/components/quick-exit-button';
import { useQuickExitShortcut } from '../../features/quick-exit/hooks/use-quick-exit-shortcut';
import './site-header.css';

/** Skip link, the quick exit (first in tab order, fixed top right), the neutral name and the menu. */
export function SiteHeader({ nav }: { nav?: ReactNode }) {
  const { t } = useTranslation();
  useQuickExitShortcut();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <QuickExitButton />
        <div className="site-header-inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          {nav}
        </div>
      </header>
    </>
  );
}
