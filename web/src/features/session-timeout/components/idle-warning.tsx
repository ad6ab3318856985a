import { useTranslation } from 'react-i18next';
import { PlainButton } from '../../../components/ui/plain-button';
import { reportActivity } from '../api/report-activity';
import { useIdleWarning } from '../hooks/use-idle-warning';
import './idle-warning.css';

/**
 * Two minutes before an idle session ends (for the person's safety on a shared device), a calm
 * notice says so and offers to stay signed in. Screen readers hear it once.
 */
export function IdleWarning() {
  const { t } = useTranslation();
  const minutes = useIdleWarning();
  if (minutes === null) return null;
  return (
    <div className="idle-warning" role="alert">
      <p>{t('sessionTimeout.warning', { count: minutes })}</p>
      {/* Shown on every signed-in page: a native button keeps React Aria out of the first download. */}
      <PlainButton variant="primary" onClick={() => void reportActivity().catch(() => undefined)}>
        {t('sessionTimeout.stay')}
      </PlainButton>
    </div>
  );
}
