import { useTranslation } from 'react-i18next';
import { PlainButton } from '../../components/ui/plain-button';
import { Loading } from '../../components/ui/loading';
import { SiteHeader } from './site-header';

/** While the first page loads: the quick exit already works. */
export function LoadingShell() {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <Loading label={t('app.loading')} />
      </main>
    </>
  );
}

/** When even the layout failed: still a quick exit, a heading and a way out. */
export function RootErrorPage() {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <h1>{t('routeError.title')}</h1>
        <p>{t('routeError.text')}</p>
        <PlainButton onClick={() => window.location.reload()}>{t('routeError.reload')}</PlainButton>
      </main>
    </>
  );
}
