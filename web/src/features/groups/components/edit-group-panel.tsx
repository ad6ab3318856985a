import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useUpdateGroup } from '../api/update-group';
import { initialGroupValues, toUpdateGroupBody } from '../group-form';
import { GroupSettingsForm } from './group-settings-form';

export function EditGroupPanel({ group }: { group: Group }) {
  const { t } = useTranslation();
  const mutation = useUpdateGroup(group.id);
  return (
    <Panel title={t('referralJourney.groups.settingsTitle')}>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      {mutation.isSuccess ? <Notice tone="success">{t('referralJourney.groups.saved')}</Notice> : null}
      <GroupSettingsForm
        initial={initialGroupValues(group)}
        submitLabel={t('referralJourney.groups.save')}
        busyLabel={t('referralJourney.groups.saving')}
        isBusy={mutation.isPending}
        onSubmit={(values) => {
          const body = toUpdateGroupBody(values, group);
          mutation.mutate(body);
        }}
      />
    </Panel>
  );
}
