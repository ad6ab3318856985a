import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CLIENT_LIMITS } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { DateField } from '../../../components/ui/date-field';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateClient } from '../api/create-client';
import { EMPTY_OPEN_CASE, referenceProblem, toCreateClient, type OpenCaseValues } from '../case-forms';

/** Opens a case with the municipality's reference; the caller becomes its primary coordinator. */
export function OpenCaseForm({ onOpened }: { onOpened: (clientId: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateClient();
  const [values, setValues] = useState<OpenCaseValues>(EMPTY_OPEN_CASE);
  const problem = referenceProblem(values);
  const taken = create.error instanceof ApiError && create.error.status === 409;
  return (
    <Panel title={t('clients.open.title')}>
      <p>{t('clients.open.intro')}</p>
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (create.isPending || problem) return;
          create.mutate(toCreateClient(values), { onSuccess: (created) => onOpened(created.id) });
        }}
      >
        {taken ? <Notice tone="error">{t('clients.open.taken')}</Notice> : null}
        {create.isError && !taken ? <Notice tone="error">{errorMessage(t, create.error)}</Notice> : null}
        <TextField
          label={t('clients.open.reference')}
          name="reference"
          value={values.reference}
          onChange={(reference) => setValues((v) => ({ ...v, reference }))}
          description={t('clients.open.referenceHint', { max: CLIENT_LIMITS.referenceMax })}
          autoComplete="off"
          isRequired
          validate={() =>
            problem?.kind === 'tooLong' ? t('clients.plan.problems.tooLong', { max: problem.max }) : null
          }
        />
        <DateField
          label={`${t('clients.open.nextReview')} (${t('form.optional')})`}
          name="nextReviewOn"
          value={values.nextReviewOn}
          onChange={(nextReviewOn) => setValues((v) => ({ ...v, nextReviewOn }))}
        />
        <Button type="submit" isBusy={create.isPending}>
          {create.isPending ? t('clients.open.submitting') : t('clients.open.submit')}
        </Button>
      </Form>
    </Panel>
  );
}
