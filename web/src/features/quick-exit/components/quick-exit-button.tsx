import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainButton } from '../../../components/ui/plain-button';
import { useClientConfig } from '../api/get-client-config';
import { usePressAgainHint } from '../press-again-hint';
import { quickExit, setQuickExitUrl } from '../quick-exit';

/** Always top right, always red, on every page (useQuickExitShortcut adds Escape twice). */
export function QuickExitButton() {
  const { t } = useTranslation();
  const hintId = useId();
  const { data } = useClientConfig();
  const pressAgain = usePressAgainHint();
  useEffect(() => {
    if (data) setQuickExitUrl(data.quickExitUrl);
  }, [data]);
  return (
    <div className="quick-exit">
      <PlainButton variant="danger" className="quick-exit-button" onClick={() => quickExit()} aria-describedby={hintId}>
        {t('quickExit.button')}
      </PlainButton>
      <span id={hintId} className="visually-hidden">
        {t('quickExit.hint')}
      </span>
      <p className="quick-exit-hint" role="status" data-shown={pressAgain || undefined}>
        {pressAgain ? t('quickExit.pressAgain') : null}
      </p>
    </div>
  );
}
