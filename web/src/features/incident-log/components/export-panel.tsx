import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentExportFormat } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useExportLog } from '../api/export-log';
import { CheckboxField } from './form-fields';

/**
 * Export for the police. A police file can be read by the accused, so the page says so before
 * the buttons, and the private layer stays out unless the person ticks the box (off by default).
 */
export function ExportPanel() {
  const { t } = useTranslation();
  const [includePrivate, setIncludePrivate] = useState(false);
  const mutation = useExportLog();
  const start = (format: IncidentExportFormat) => {
    if (mutation.isPending) return;
    mutation.mutate({ format, includePrivate, lang: currentLocale() });
  };
  const busyFormat = mutation.isPending ? mutation.variables.format : null;

  return (
    <>
      <section className="log-warning" aria-labelledby="log-export-warning">
        <h2 id="log-export-warning">{t('incidentLog.export.warningTitle')}</h2>
        <p>{t('incidentLog.export.warning')}</p>
        <p>{t('incidentLog.export.warningAdvice')}</p>
      </section>
      <Panel title={t('incidentLog.export.title')}>
        <p>{t('incidentLog.export.intro')}</p>
        <CheckboxField
          label={t('incidentLog.export.includePrivate')}
          hint={t('incidentLog.export.includePrivateHint')}
          name="includePrivate"
          checked={includePrivate}
          onChange={(checked) => {
            mutation.reset();
            setIncludePrivate(checked);
          }}
        />
        {includePrivate ? <Notice tone="info">{t('incidentLog.export.privateIncluded')}</Notice> : null}
        <div className="log-actions">
          <Button isBusy={busyFormat === 'pdf'} onPress={() => start('pdf')}>
            {busyFormat === 'pdf' ? t('incidentLog.export.preparing') : t('incidentLog.export.pdf')}
          </Button>
          <Button variant="secondary" isBusy={busyFormat === 'csv'} onPress={() => start('csv')}>
            {busyFormat === 'csv' ? t('incidentLog.export.preparing') : t('incidentLog.export.csv')}
          </Button>
        </div>
        <p className="field-description">{t('incidentLog.export.formats')}</p>
        {mutation.isSuccess ? (
          <Notice tone="success">{t('incidentLog.export.done', { name: mutation.data })}</Notice>
        ) : null}
        {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      </Panel>
    </>
  );
}
