import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { SelectField } from '../../../components/ui/select-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useClients } from '../api/list-clients';
import { CaseCard } from './case-card';

const FILTERS = ['active', 'closed', 'all'] as const satisfies readonly (ClientStatus | 'all')[];

/** The coordinator's cases in the server's order: what needs attention first. */
export function CaseList() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('active');
  const clients = useClients(filter);
  const items = clients.data?.items ?? [];
  return (
    <Panel title={t('clients.list.title')}>
      <p className="muted">{t('clients.list.order')}</p>
      <SelectField
        label={t('clients.list.show')}
        name="status"
        value={filter}
        options={FILTERS.map((value) => ({ value, label: t(`clients.list.filter.${value}`) }))}
        onChange={(value) => setFilter(value as (typeof FILTERS)[number])}
      />
      {clients.isPending ? <Loading label={t('app.loading')} /> : null}
      {clients.isError ? <Notice tone="error">{errorMessage(t, clients.error)}</Notice> : null}
      {clients.isSuccess && items.length === 0 ? <p>{t('clients.list.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('clients.list.title')}>
          {items.map((client) => (
            <CaseCard key={client.id} client={client} />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
