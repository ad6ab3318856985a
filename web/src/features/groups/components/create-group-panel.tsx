import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Group } from '@tryg/shared';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateGroup } from '../api/create-group';
import { initialGroupValues, toCreateGroupBody } from '../group-form';
import { GroupSettingsForm } from './group-settings-form';

export function CreateGroupPanel() {
  const { t } = useTranslation();
  const mutation = useCreateGroup();
  const [created, setCreated] = useState<Group | null>(null);
  // A fresh, empty form after each group (the key remounts it).
  const [formKey, setFormKey] = useState(0);
  return (
    <Panel title={t('referralJourney.groups.createTitle')}>
      <p>{t('referralJourney.groups.createIntro')}</p>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      {created ? (
        <Notice tone="success">
          {t('referralJourney.groups.created', { name: created.name })}{' '}
          <Link to={`/admin/groups/${created.id}`}>{t('referralJourney.groups.chooseFacilitators')}</Link>
        </Notice>
      ) : null}
      <GroupSettingsForm
        key={formKey}
        initial={initialGroupValues()}
        submitLabel={t('referralJourney.groups.createSubmit')}
        busyLabel={t('referralJourney.groups.creating')}
        isBusy={mutation.isPending}
        onSubmit={(values) => {
          setCreated(null);
          mutation.mutate(toCreateGroupBody(values), {
            onSuccess: (group) => {
              setCreated(group);
              setFormKey((key) => key + 1);
            },
          });
        }}
      />
    </Panel>
  );
}
