import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { OverlayExtrasContext } from '../components/ui/overlay-extras';
import { QuickExitButton } from '../features/quick-exit/components/quick-exit-button';
import { setUnauthenticatedHandler } from '../lib/api-client';
import { i18n } from '../lib/i18n/i18n';
import { markSignedOut, queryClient } from '../lib/query-client';

/** React Aria's own words (e.g. "dismiss") follow the chosen language too. */
function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  return <I18nProvider locale={instance.language === 'en' ? 'en-GB' : 'da-DK'}>{children}</I18nProvider>;
}

export function Providers({ children }: { children: ReactNode }) {
  useEffect(() => {
    // An expired or revoked session anywhere: forget everything; the signed-in layout then shows the login page.
    setUnauthenticatedHandler(() => markSignedOut(queryClient));
    return () => setUnauthenticatedHandler(null);
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <AriaLocale>
          {/* A modal makes the page behind it inert: each dialog carries its own quick exit. */}
          <OverlayExtrasContext.Provider value={<QuickExitButton />}>{children}</OverlayExtrasContext.Provider>
        </AriaLocale>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
