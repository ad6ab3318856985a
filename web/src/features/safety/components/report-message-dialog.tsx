import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MODERATION_LIMITS, REPORT_CATEGORIES, type ReportCategory } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { RadioField } from '../../../components/ui/radio-field';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useReportMessage } from '../api/report-message';

/** Report a message: it goes only to the group's facilitators, and the writer is not told who reported. */
export function ReportMessageDialog({
  groupId,
  messageId,
  authorName,
}: {
  groupId: string;
  messageId: string;
  authorName: string;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      triggerLabel={t('moderation.member.report')}
      triggerAriaLabel={t('moderation.member.reportLabel', { name: authorName })}
      triggerVariant="quiet"
      title={t('moderation.member.reportTitle')}
    >
      {(close) => <ReportForm groupId={groupId} messageId={messageId} authorName={authorName} close={close} />}
    </ModalDialog>
  );
}

function ReportForm({
  groupId,
  messageId,
  authorName,
  close,
}: {
  groupId: string;
  messageId: string;
  authorName: string;
  close: () => void;
}) {
  const { t } = useTranslation();
  const report = useReportMessage(groupId);
  const [category, setCategory] = useState<ReportCategory>('harassment');
  const [note, setNote] = useState('');
  const already = report.error instanceof ApiError && report.error.code === 'CONFLICT';
  if (report.isSuccess || already) {
    return (
      <>
        <Notice tone="success">
          {already ? t('moderation.member.reportAlready') : t('moderation.member.reportSent')}
        </Notice>
        <div className="actions">
          <Button variant="secondary" onPress={close} autoFocus>
            {t('moderation.member.close')}
          </Button>
        </div>
      </>
    );
  }
  const options = REPORT_CATEGORIES.map((value) => ({ value, label: t(`moderation.categories.${value}`) }));
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (report.isPending) return;
        const trimmed = note.trim();
        report.mutate({ messageId, body: { category, ...(trimmed ? { note: trimmed } : {}) } });
      }}
    >
      <p>{t('moderation.member.reportWho', { name: authorName })}</p>
      <RadioField
        legend={t('moderation.member.reportCategory')}
        name="category"
        value={category}
        options={options}
        onChange={setCategory}
      />
      <TextAreaField
        label={`${t('moderation.member.reportNote')} (${t('form.optional')})`}
        name="note"
        rows={3}
        value={note}
        onChange={setNote}
        maxLength={MODERATION_LIMITS.reportNoteMax}
        description={t('moderation.member.reportNoteHint')}
      />
      {report.isError ? <Notice tone="error">{errorMessage(t, report.error)}</Notice> : null}
      <div className="actions">
        <Button variant="secondary" onPress={close}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isBusy={report.isPending}>
          {t('moderation.member.reportSend')}
        </Button>
      </div>
    </Form>
  );
}
