import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IncidentEntryView } from '../../../features/incident-log/components/incident-entry-view';
import { LogNotice, logNoticeState } from './log-notice';

export function LogEntryRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { entryId = '' } = useParams();
  return (
    <div className="page log-page">
      <p>
        <Link to="/log">{t('incidentLog.back')}</Link>
      </p>
      <h1>{t('incidentLog.entry.title')}</h1>
      <LogNotice />
      <IncidentEntryView
        entryId={entryId}
        onDeleted={() => void navigate('/log', { replace: true, state: logNoticeState('deleted') })}
      />
    </div>
  );
}
