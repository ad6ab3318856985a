import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NewIncident } from '../../../features/incident-log/components/new-incident';
import { logNoticeState } from './log-notice';

export function LogNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page log-page">
      <p>
        <Link to="/log">{t('incidentLog.back')}</Link>
      </p>
      <h1>{t('incidentLog.form.newTitle')}</h1>
      <NewIncident
        onSaved={(entry) => void navigate(`/log/${entry.id}`, { replace: true, state: logNoticeState('created') })}
      />
    </div>
  );
}
