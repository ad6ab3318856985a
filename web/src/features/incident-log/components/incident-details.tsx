import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentEntry } from '@tryg/shared';
import { Panel } from '../../../components/ui/panel';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatLocalDay, formatLogTime } from '../lib/log-format';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="log-detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Free text as written, line breaks kept. */
function Prose({ text }: { text: string }) {
  return <span className="log-prose">{text}</span>;
}

/** One entry in the logskema's order; the private layer apart and marked as never exported by default. */
export function IncidentDetails({ entry }: { entry: IncidentEntry }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const happened = formatLogTime(entry.occurredAt, locale);
  const police = entry.police;
  return (
    <>
      <Panel title={t('incidentLog.entry.factsTitle')}>
        <dl className="log-details">
          <Row label={t('incidentLog.entry.happened')}>
            {entry.occurredAtApprox ? t('incidentLog.list.happenedApprox', { date: happened }) : happened}
          </Row>
          <Row label={t('incidentLog.entry.written')}>{formatLogTime(entry.firstRecordedAt, locale)}</Row>
          {entry.version > 1 ? (
            <Row label={t('incidentLog.entry.changed')}>
              {t('incidentLog.entry.changedText', {
                date: formatLogTime(entry.recordedAt, locale),
                version: entry.version,
              })}
            </Row>
          ) : null}
          <Row label={t('incidentLog.entry.contactType')}>{t(`incidentLog.contactTypes.${entry.contactType}`)}</Row>
          {entry.place ? <Row label={t('incidentLog.entry.place')}>{entry.place}</Row> : null}
          <Row label={t('incidentLog.entry.description')}>
            <Prose text={entry.description} />
          </Row>
          {entry.witnesses ? (
            <Row label={t('incidentLog.entry.witnesses')}>
              <Prose text={entry.witnesses} />
            </Row>
          ) : null}
          <Row label={t('incidentLog.entry.children')}>
            {entry.childrenPresent === null
              ? t('incidentLog.entry.notSaid')
              : entry.childrenPresent
                ? t('incidentLog.entry.yes')
                : t('incidentLog.entry.no')}
          </Row>
          {entry.evidence.length > 0 ? (
            <Row label={t('incidentLog.entry.evidence')}>
              <ol className="log-evidence-list">
                {entry.evidence.map((item, index) => (
                  // Evidence items have no id; their order is their number.
                  <li key={index}>
                    <span className="log-evidence-name">
                      {t('incidentLog.form.evidence.item', { number: index + 1 })}
                    </span>
                    <span>{item.description}</span>
                    <span className="muted">{t('incidentLog.entry.keptWhere', { place: item.keptWhere })}</span>
                  </li>
                ))}
              </ol>
            </Row>
          ) : null}
          {police ? (
            <Row label={t('incidentLog.entry.police')}>
              <ul className="log-plain-list">
                {police.journalNumber ? (
                  <li>{t('incidentLog.entry.journalNumber', { value: police.journalNumber })}</li>
                ) : null}
                {police.officer ? <li>{t('incidentLog.entry.officer', { value: police.officer })}</li> : null}
                {police.date ? (
                  <li>{t('incidentLog.entry.policeDate', { value: formatLocalDay(police.date, locale) })}</li>
                ) : null}
              </ul>
            </Row>
          ) : null}
          {entry.effect ? (
            <Row label={t('incidentLog.entry.effect')}>
              <Prose text={entry.effect} />
            </Row>
          ) : null}
          <Row label={t('incidentLog.entry.keyExample')}>
            {entry.keyExample ? t('incidentLog.entry.yes') : t('incidentLog.entry.no')}
          </Row>
        </dl>
      </Panel>
      <section className="panel log-private" aria-labelledby={`private-${entry.id}`}>
        <h2 id={`private-${entry.id}`}>{t('incidentLog.form.private.title')}</h2>
        <p className="field-description">{t('incidentLog.form.private.intro')}</p>
        {entry.private ? (
          <dl className="log-details">
            {entry.private.thoughts ? (
              <Row label={t('incidentLog.form.private.thoughts')}>
                <Prose text={entry.private.thoughts} />
              </Row>
            ) : null}
            {entry.private.safetyNotes ? (
              <Row label={t('incidentLog.form.private.safetyNotes')}>
                <Prose text={entry.private.safetyNotes} />
              </Row>
            ) : null}
          </dl>
        ) : (
          <p className="muted">{t('incidentLog.entry.noPrivate')}</p>
        )}
      </section>
      <details className="log-technical">
        <summary>{t('incidentLog.entry.technical')}</summary>
        <p>{t('incidentLog.entry.technicalText')}</p>
        <p>
          <span className="log-evidence-name">{t('incidentLog.entry.fingerprint', { version: entry.version })}</span>
          <code className="log-hash">{entry.hash}</code>
        </p>
      </details>
    </>
  );
}
