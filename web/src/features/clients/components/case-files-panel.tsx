import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useDownloadCaseFile } from '../api/case-files';

/** The plan as a PDF for the joint meeting, and the whole case as JSON (to keep before deletion). */
export function CaseFilesPanel({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const download = useDownloadCaseFile();
  const lang = currentLocale();
  return (
    <Panel title={t('clients.files.title')}>
      <p>{t('clients.files.intro')}</p>
      {download.isError ? <Notice tone="error">{errorMessage(t, download.error)}</Notice> : null}
      {download.isSuccess ? <Notice tone="success">{t('clients.files.saved', { name: download.data })}</Notice> : null}
      <div className="actions-start">
        <Button isBusy={download.isPending} onPress={() => download.mutate({ clientId, kind: 'plan', lang })}>
          {t('clients.files.plan')}
        </Button>
        <Button
          variant="secondary"
          isBusy={download.isPending}
          onPress={() => download.mutate({ clientId, kind: 'export', lang })}
        >
          {t('clients.files.export')}
        </Button>
      </div>
      <p className="muted">{t('clients.files.exportHint')}</p>
    </Panel>
  );
}
