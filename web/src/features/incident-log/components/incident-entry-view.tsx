import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { useIncident } from '../api/get-incident';
import { AttachmentsPanel } from './attachments-panel';
import { DeleteIncidentButton } from './delete-incident-button';
import { EntryLoadProblem } from './entry-load-problem';
import { IncidentDetails } from './incident-details';

/** One entry: what was written, its files, and the ways to change or delete it. */
export function IncidentEntryView({ entryId, onDeleted }: { entryId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const entry = useIncident(entryId);
  if (entry.isPending) return <Loading label={t('app.loading')} />;
  if (entry.isError) return <EntryLoadProblem error={entry.error} />;
  return (
    <>
      <div className="log-actions">
        <Link className="button button-secondary log-link-button" to={`/log/${entryId}/edit`}>
          {t('incidentLog.entry.edit')}
        </Link>
        <DeleteIncidentButton entryId={entryId} onDeleted={onDeleted} />
      </div>
      <p className="field-description">{t('incidentLog.entry.editNote')}</p>
      <IncidentDetails entry={entry.data} />
      <AttachmentsPanel entry={entry.data} />
    </>
  );
}
