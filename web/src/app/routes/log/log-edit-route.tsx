import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EditIncident } from '../../../features/incident-log/components/edit-incident';
import { logNoticeState } from './log-notice';

export function LogEditRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { entryId = '' } = useParams();
  return (
    <div className="page log-page">
      <p>
        <Link to={`/log/${entryId}`}>{t('incidentLog.edit.back')}</Link>
      </p>
      <h1>{t('incidentLog.edit.title')}</h1>
      <EditIncident
        entryId={entryId}
        onSaved={(entry) =>
          void navigate(`/log/${entryId}`, {
            replace: true,
            state: entry ? logNoticeState('edited', entry.version) : logNoticeState('unchanged'),
          })
        }
      />
    </div>
  );
}
