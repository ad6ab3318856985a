import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useExportMyData } from '../api/export-my-data';

/** "Give me everything you keep about me", as a file with a neutral name. */
export function ExportDataPanel() {
  const { t } = useTranslation();
  const mutation = useExportMyData();
  return (
    <Panel title={t('referralJourney.privacy.exportTitle')}>
      <p>{t('referralJourney.privacy.exportIntro')}</p>
      <p className="muted">{t('referralJourney.privacy.exportCare')}</p>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      {mutation.isSuccess ? <Notice tone="success">{t('referralJourney.privacy.exportDone')}</Notice> : null}
      <Button variant="secondary" isBusy={mutation.isPending} onPress={() => mutation.mutate()}>
        {mutation.isPending ? t('referralJourney.privacy.exporting') : t('referralJourney.privacy.export')}
      </Button>
    </Panel>
  );
}
