import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentEntry } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useIncident } from '../api/get-incident';
import { useUpdateIncident } from '../api/update-incident';
import { formValuesFromEntry, toUpdateRequest } from '../lib/incident-form-values';
import { EntryLoadProblem } from './entry-load-problem';
import { IncidentForm } from './incident-form';

function EditForm({ entry, onSaved }: { entry: IncidentEntry; onSaved: (entry: IncidentEntry | null) => void }) {
  const { t } = useTranslation();
  const initial = useMemo(() => formValuesFromEntry(entry), [entry]);
  const mutation = useUpdateIncident();
  const saveError = !mutation.error
    ? null
    : mutation.error instanceof ApiError && mutation.error.code === 'CONFLICT'
      ? t('incidentLog.edit.conflict')
      : errorMessage(t, mutation.error);
  return (
    <IncidentForm
      initial={initial}
      submitLabel={t('incidentLog.edit.save')}
      busyLabel={t('incidentLog.form.saving')}
      isBusy={mutation.isPending}
      saveError={saveError}
      onSubmit={(values) => {
        const body = toUpdateRequest(values, initial);
        // Nothing changed: no request, so no new version in the chain.
        if (Object.keys(body).length === 0) {
          onSaved(null);
          return;
        }
        mutation.mutate({ id: entry.id, body }, { onSuccess: onSaved });
      }}
    />
  );
}

/** Editing keeps the old version in the chain: the page says so before anything is saved. */
export function EditIncident({
  entryId,
  onSaved,
}: {
  entryId: string;
  /** The new version, or null when nothing was changed. */
  onSaved: (entry: IncidentEntry | null) => void;
}) {
  const { t } = useTranslation();
  const entry = useIncident(entryId);
  if (entry.isPending) return <Loading label={t('app.loading')} />;
  if (entry.isError) return <EntryLoadProblem error={entry.error} />;
  return (
    <>
      <Notice tone="info">{t('incidentLog.edit.versionNote', { version: entry.data.version + 1 })}</Notice>
      <EditForm key={`${entry.data.id}:${entry.data.version}`} entry={entry.data} onSaved={onSaved} />
    </>
  );
}
