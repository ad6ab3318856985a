import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The log's own pages: the entries, the pattern view and the export. */
export function LogNav() {
  const { t } = useTranslation();
  return (
    <nav className="log-nav" aria-label={t('incidentLog.tabs.label')}>
      <ul>
        <li>
          <NavLink to="/log" end>
            {t('incidentLog.tabs.entries')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/log/pattern">{t('incidentLog.tabs.pattern')}</NavLink>
        </li>
        <li>
          <NavLink to="/log/export">{t('incidentLog.tabs.export')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
