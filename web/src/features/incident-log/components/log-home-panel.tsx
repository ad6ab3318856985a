import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/ui/panel';

/** The way into the log from the participant's home page, in neutral words. */
export function LogHomePanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('incidentLog.home.title')}>
      <p>{t('incidentLog.home.text')}</p>
      <Link className="button button-secondary log-link-button" to="/log">
        {t('incidentLog.home.open')}
      </Link>
    </Panel>
  );
}
