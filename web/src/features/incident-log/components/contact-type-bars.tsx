import { useTranslation } from 'react-i18next';
import type { IncidentStats } from '@tryg/shared';
import { contactTypeRows } from '../lib/week-chart';

/** Types of contact as labelled bars; each row reads as text ("Phone call: 3 incidents"). */
export function ContactTypeBars({ stats }: { stats: IncidentStats }) {
  const { t } = useTranslation();
  const rows = contactTypeRows(stats.contactTypes);
  return (
    <ul className="log-types" aria-label={t('incidentLog.pattern.typesTitle')}>
      {rows.map((row) => (
        <li key={row.contactType} className="log-type">
          <span className="log-type-name">{t(`incidentLog.contactTypes.${row.contactType}`)}</span>
          <span className="log-type-track" aria-hidden="true">
            <span className="log-type-bar" style={{ width: `${row.percent}%` }} />
          </span>
          <span className="log-type-count">{t('incidentLog.pattern.typeCount', { count: row.count })}</span>
        </li>
      ))}
    </ul>
  );
}
