import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ClientCase } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { SelectField } from '../../../components/ui/select-field';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCoordinators } from '../api/list-coordinators';
import { useAddStandIn, useRemoveStandIn } from '../api/stand-ins';

/** The stand-ins; the primary coordinator adds and removes them (a removed one loses the case at once). */
export function StandInsPanel({ client }: { client: ClientCase }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isPrimary = client.myRole === 'primary';
  const coordinators = useCoordinators(isPrimary);
  const add = useAddStandIn();
  const remove = useRemoveStandIn();
  const [chosen, setChosen] = useState('');
  const onCase = new Set(client.coordinators.map((c) => c.accountId));
  const choices = (coordinators.data?.items ?? []).filter((c) => !onCase.has(c.accountId));
  const standIns = client.coordinators.filter((c) => c.role === 'stand-in');
  const name = (displayName: string | null) => displayName ?? t('clients.noName');
  return (
    <Panel title={t('clients.standIns.title')}>
      <p>{t('clients.standIns.intro')}</p>
      {add.isError ? <Notice tone="error">{errorMessage(t, add.error)}</Notice> : null}
      {remove.isError ? <Notice tone="error">{errorMessage(t, remove.error)}</Notice> : null}
      {remove.isSuccess ? <Notice tone="success">{t('clients.standIns.remove.done')}</Notice> : null}
      {standIns.length === 0 ? <p>{t('clients.standIns.none')}</p> : null}
      <ul className="plain-list">
        {standIns.map((standIn) => (
          <li key={standIn.accountId} className="item-row">
            <span>
              {name(standIn.displayName)}{' '}
              <span className="muted">
                {t('clients.standIns.since', { date: formatDateTime(standIn.since, locale) })}
              </span>
            </span>
            {isPrimary ? (
              <ConfirmDialog
                triggerLabel={t('clients.standIns.remove.trigger', { name: name(standIn.displayName) })}
                title={t('clients.standIns.remove.title')}
                text={t('clients.standIns.remove.text', { name: name(standIn.displayName) })}
                confirmLabel={t('clients.standIns.remove.confirm')}
                cancelLabel={t('common.cancel')}
                isDisabled={remove.isPending}
                onConfirm={() => remove.mutate({ clientId: client.id, accountId: standIn.accountId })}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {isPrimary && coordinators.isSuccess && choices.length === 0 ? (
        <p className="muted">{t('clients.standIns.noOthers')}</p>
      ) : null}
      {isPrimary && choices.length > 0 ? (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen || add.isPending) return;
            add.mutate({ clientId: client.id, accountId: chosen }, { onSuccess: () => setChosen('') });
          }}
        >
          <SelectField
            label={t('clients.standIns.choose')}
            name="accountId"
            value={chosen}
            placeholder={t('clients.standIns.choose')}
            options={choices.map((c) => ({ value: c.accountId, label: name(c.displayName) }))}
            onChange={setChosen}
            isRequired
          />
          <Button type="submit" variant="secondary" isBusy={add.isPending}>
            {t('clients.standIns.add')}
          </Button>
        </Form>
      ) : null}
    </Panel>
  );
}
