import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { clientConfigQueryOptions } from './features/quick-exit/api/get-client-config';
import {
  beforeQuickExit,
  guardBackForwardCache,
  leaveIfReturnedAfterQuickExit,
} from './features/quick-exit/quick-exit';
import { ensureTranslation, initI18n, preferredLocale } from './lib/i18n/i18n';
import { queryClient } from './lib/query-client';
import './app/styles.css';

// Back to Tryg after a quick exit leaves again before anything is drawn.
if (!leaveIfReturnedAfterQuickExit()) {
  guardBackForwardCache();
  // Where quick exit goes comes from the server; ask at once (the neutral fallback covers the wait).
  void queryClient.prefetchQuery(clientConfigQueryOptions());
  const locale = preferredLocale(navigator.languages);
  void ensureTranslation(locale).then(() => {
    initI18n(locale);
    const container = document.getElementById('root');
    if (!container) throw new Error('#root is missing from index.html');
    const root = createRoot(container);
    beforeQuickExit(() => root.unmount());
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
