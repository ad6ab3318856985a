import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ClientCase } from '@tryg/shared';
import { formatLocalDate } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { AttentionMarks } from './attention-marks';

/** One case in the list: its reference (the link), what it needs, and what comes next. */
export function CaseCard({ client }: { client: ClientCase }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const needsAttention = client.overdueTasks > 0 || client.rescreenDue || client.reviewDue;
  return (
    <li className={needsAttention ? 'item case-card case-card-due' : 'item case-card'}>
      <p className="item-title">
        <Link to={`/clients/${client.id}`}>{client.reference ?? t('clients.unreadable')}</Link>
      </p>
      <AttentionMarks client={client} />
      <dl className="facts">
        <div>
          <dt>{t('clients.list.nextReview')}</dt>
          <dd>{client.nextReviewOn ? formatLocalDate(client.nextReviewOn, locale) : t('clients.list.none')}</dd>
        </div>
        <div>
          <dt>{t('clients.list.risk')}</dt>
          <dd>
            {client.latestScreening
              ? t(`clients.screening.risk.${client.latestScreening.riskLevel}`)
              : t('clients.list.none')}
          </dd>
        </div>
        <div>
          <dt>{t('clients.list.yourRole')}</dt>
          <dd>{t(`clients.role.${client.myRole}`)}</dd>
        </div>
        <div>
          <dt>{t('clients.plan.statusLabel')}</dt>
          <dd>{t(`clients.status.${client.status}`)}</dd>
        </div>
      </dl>
    </li>
  );
}
