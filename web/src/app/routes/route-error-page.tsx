import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';

/** A page that failed to load or render; no technical details are shown. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.text')}</p>
      <Button onPress={() => window.location.reload()}>{t('routeError.reload')}</Button>
    </div>
  );
}
