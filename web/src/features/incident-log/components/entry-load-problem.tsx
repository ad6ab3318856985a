import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';

/** Why an entry cannot be shown, in plain words: gone (or never there), or changed outside Tryg. */
export function EntryLoadProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION'))
    return <Notice tone="info">{t('incidentLog.entry.notFound')}</Notice>;
  if (error instanceof ApiError && error.code === 'CONFLICT')
    return <Notice tone="error">{t('incidentLog.entry.unreadable')}</Notice>;
  return <Notice tone="error">{errorMessage(t, error)}</Notice>;
}
