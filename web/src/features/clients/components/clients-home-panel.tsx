import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/ui/panel';

/** On the coordinator's home: the way to the cases (it loads none: every case read is audited). */
export function ClientsHomePanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('clients.homeTitle')}>
      <p>{t('clients.homeIntro')}</p>
      <p>
        <Link to="/clients">{t('clients.homeLink')}</Link>
      </p>
    </Panel>
  );
}
