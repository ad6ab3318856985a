import { useTranslation } from 'react-i18next';
import type { ClientCase, Screening } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { formatLocalDate } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useScreenings } from '../api/screenings';
import { answerCounts } from '../case-forms';
import { ScreeningForm } from './screening-form';

function ScreeningItem({ screening }: { screening: Screening }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className={`item screening screening-${screening.riskLevel}`}>
      <p className="item-title">
        {t('clients.screening.heading', {
          date: formatLocalDate(screening.screenedOn, locale),
          instrument: t(`clients.screening.instruments.${screening.instrument}`),
          risk: t(`clients.screening.risk.${screening.riskLevel}`),
        })}
      </p>
      <p>{t('clients.screening.rescreenBy', { date: formatLocalDate(screening.rescreenOn, locale) })}</p>
      <p className="muted">{t('clients.screening.answersSummary', answerCounts(screening.answers))}</p>
      <p className="muted">
        {t('clients.screening.screenedBy', { name: screening.screenerDisplayName ?? t('clients.noName') })}
      </p>
      {screening.note ? <p className="case-note">{screening.note}</p> : null}
    </li>
  );
}

/** The screenings, newest first: how the risk level has moved; and a new one while the case is open. */
export function ScreeningsPanel({ client }: { client: ClientCase }) {
  const { t } = useTranslation();
  const screenings = useScreenings(client.id);
  const items = screenings.data?.items ?? [];
  return (
    <Panel title={t('clients.screening.title')}>
      <p>{t('clients.screening.intro')}</p>
      {screenings.isPending ? <Loading label={t('app.loading')} /> : null}
      {screenings.isError ? <Notice tone="error">{errorMessage(t, screenings.error)}</Notice> : null}
      {screenings.isSuccess && items.length === 0 ? <p>{t('clients.screening.none')}</p> : null}
      {items.length > 0 ? (
        <ol className="item-list" aria-label={t('clients.screening.history')}>
          {items.map((screening) => (
            <ScreeningItem key={screening.id} screening={screening} />
          ))}
        </ol>
      ) : null}
      {client.status === 'active' ? (
        <section className="subpanel" aria-label={t('clients.screening.formTitle')}>
          <h3>{t('clients.screening.formTitle')}</h3>
          <ScreeningForm clientId={client.id} />
        </section>
      ) : null}
    </Panel>
  );
}
