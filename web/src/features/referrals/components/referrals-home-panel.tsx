import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/ui/panel';

/**
 * On the coordinator's home: the way to referrals. It does not load the list: every list read
 * shows client references, and each such read is audited on the server.
 */
export function ReferralsHomePanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('referralJourney.referrals.homeTitle')}>
      <p>{t('referralJourney.referrals.homeIntro')}</p>
      <p>
        <Link to="/referrals">{t('referralJourney.referrals.homeLink')}</Link>
      </p>
    </Panel>
  );
}
