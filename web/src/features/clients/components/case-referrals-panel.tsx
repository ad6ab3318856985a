import { useTranslation } from 'react-i18next';
import type { ClientCase } from '@tryg/shared';
import { Panel } from '../../../components/ui/panel';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';

/** The referrals with this case's reference made by its coordinators: status only, never the group's talk. */
export function CaseReferralsPanel({ client }: { client: ClientCase }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Panel title={t('clients.referrals.title')}>
      <p>{t('clients.referrals.intro')}</p>
      {client.referrals.length === 0 ? <p>{t('clients.referrals.empty')}</p> : null}
      {client.referrals.length > 0 ? (
        <ul className="plain-list">
          {client.referrals.map((referral) => (
            <li key={referral.id}>
              <strong>{t(`clients.referrals.status.${referral.status}`)}</strong>{' '}
              <span className="muted">
                {t('clients.referrals.made', { date: formatDateTime(referral.createdAt, locale) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
