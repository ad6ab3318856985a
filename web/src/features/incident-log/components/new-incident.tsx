import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentEntry } from '@tryg/shared';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateIncident } from '../api/create-incident';
import { emptyFormValues, toCreateRequest } from '../lib/incident-form-values';
import { IncidentForm } from './incident-form';

export function NewIncident({ onSaved }: { onSaved: (entry: IncidentEntry) => void }) {
  const { t } = useTranslation();
  // Starts at this moment, in Danish time.
  const [initial] = useState(() => emptyFormValues());
  const mutation = useCreateIncident();
  return (
    <IncidentForm
      initial={initial}
      submitLabel={t('incidentLog.form.save')}
      busyLabel={t('incidentLog.form.saving')}
      isBusy={mutation.isPending}
      saveError={mutation.isError ? errorMessage(t, mutation.error) : null}
      onSubmit={(values) => mutation.mutate(toCreateRequest(values), { onSuccess: onSaved })}
    />
  );
}
