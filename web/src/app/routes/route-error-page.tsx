import { useTranslation } from 'react-i18next';
import { PlainButton } from '../../components/ui/plain-button';

/** A page that failed to load or render; no technical details are shown. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.text')}</p>
      <PlainButton onClick={() => window.location.reload()}>{t('routeError.reload')}</PlainButton>
    </div>
  );
}
