import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentEntry } from '@tryg/shared';
import { currentLocale } from '../../../lib/i18n/i18n';
import { excerpt, formatLogTime } from '../lib/log-format';

/** One entry: when it happened, and right under it when it was written (and last changed). */
function IncidentListItem({ entry }: { entry: IncidentEntry }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const happened = formatLogTime(entry.occurredAt, locale);
  return (
    <li className="log-item">
      <h3 className="log-item-title">
        <Link to={`/log/${entry.id}`}>
          {entry.occurredAtApprox
            ? t('incidentLog.list.happenedApprox', { date: happened })
            : t('incidentLog.list.happened', { date: happened })}
        </Link>
      </h3>
      <p className="log-tags">
        <span className="log-tag">{t(`incidentLog.contactTypes.${entry.contactType}`)}</span>
        {entry.keyExample ? <span className="log-tag log-tag-key">{t('incidentLog.list.keyExample')}</span> : null}
      </p>
      <p className="log-item-text">{excerpt(entry.description)}</p>
      <p className="log-item-actions">
        {/* Changing an entry is one step from the list (a new version; the old one is kept). */}
        <Link to={`/log/${entry.id}/edit`} aria-label={t('incidentLog.list.editLabel', { date: happened })}>
          {t('incidentLog.list.edit')}
        </Link>
      </p>
      <p className="log-item-meta">
        <span>{t('incidentLog.list.written', { date: formatLogTime(entry.firstRecordedAt, locale) })}</span>
        {entry.version > 1 ? (
          <span>
            {t('incidentLog.list.changed', { date: formatLogTime(entry.recordedAt, locale), version: entry.version })}
          </span>
        ) : null}
        {entry.attachments.length > 0 ? (
          <span>
            {t('incidentLog.list.bilag', {
              count: entry.attachments.length,
              numbers: entry.attachments.map((a) => a.bilag).join(', '),
            })}
          </span>
        ) : null}
      </p>
    </li>
  );
}

export function IncidentList({ entries }: { entries: IncidentEntry[] }) {
  const { t } = useTranslation();
  return (
    <ol className="log-list" aria-label={t('incidentLog.list.listLabel')}>
      {entries.map((entry) => (
        <IncidentListItem key={entry.id} entry={entry} />
      ))}
    </ol>
  );
}
