import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Report, ResolveReportDto } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { RadioField, type RadioOption } from '../../../components/ui/radio-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useResolveReport } from '../api/resolve-report';
import { muteMinutes, type MuteChoice } from '../moderation-rules';
import { MuteLengthField, ReasonField } from './moderation-fields';

type Outcome = 'dismiss' | 'remove-message' | 'mute' | 'remove' | 'ban';

/** The request body for a chosen outcome (null while a custom mute length is not valid). */
export function resolutionBody(outcome: Outcome, minutes: number | null, reason: string): ResolveReportDto | null {
  const note = reason.trim() === '' ? {} : { note: reason.trim() };
  switch (outcome) {
    case 'dismiss':
      return { resolution: 'dismissed', ...note };
    case 'mute':
      return minutes === null ? null : { resolution: 'actioned', action: 'mute', minutes, ...note };
    case 'remove-message':
    case 'remove':
    case 'ban':
      return { resolution: 'actioned', action: outcome, ...note };
  }
}

/** Deciding on a report: no action, or one action carried out at once, always with a reason for the log. */
export function ResolveReportDialog({
  groupId,
  report,
  authorName,
}: {
  groupId: string;
  report: Report;
  authorName: string;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      triggerLabel={t('moderation.reports.handle')}
      triggerAriaLabel={t('moderation.reports.handleLabel', { name: authorName })}
      title={t('moderation.reports.handleTitle')}
    >
      {(close) => <ResolveReportForm groupId={groupId} report={report} authorName={authorName} close={close} />}
    </ModalDialog>
  );
}

function ResolveReportForm({
  groupId,
  report,
  authorName,
  close,
}: {
  groupId: string;
  report: Report;
  authorName: string;
  close: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useResolveReport(groupId);
  const [outcome, setOutcome] = useState<Outcome>('dismiss');
  const [choice, setChoice] = useState<MuteChoice>('60');
  const [custom, setCustom] = useState('');
  const [reason, setReason] = useState('');
  const name = authorName;
  const messageGone = report.message === null || report.message.removed !== null;
  const writerGone = report.reportedMemberId === null;
  const options: RadioOption<Outcome>[] = [
    {
      value: 'dismiss',
      label: t('moderation.reports.outcome.dismiss'),
      hint: t('moderation.reports.outcomeHint.dismiss'),
    },
    ...(messageGone
      ? []
      : [
          {
            value: 'remove-message' as const,
            label: t('moderation.reports.outcome.removeMessage'),
            hint: t('moderation.reports.outcomeHint.removeMessage'),
          },
        ]),
    ...(writerGone
      ? []
      : (['mute', 'remove', 'ban'] as const).map((value) => ({
          value,
          label: t(`moderation.reports.outcome.${value}`, { name }),
          hint: t(`moderation.reports.outcomeHint.${value}`, { name }),
        }))),
  ];
  const body = resolutionBody(outcome, muteMinutes(choice, custom), reason);
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending || body === null) return;
        mutation.mutate({ reportId: report.id, body }, { onSuccess: close });
      }}
    >
      <RadioField
        legend={t('moderation.reports.outcomeLegend')}
        name="outcome"
        value={outcome}
        options={options}
        onChange={setOutcome}
      />
      {outcome === 'mute' ? (
        <MuteLengthField choice={choice} custom={custom} onChoice={setChoice} onCustom={setCustom} />
      ) : null}
      <ReasonField value={reason} onChange={setReason} optional={outcome === 'dismiss'} />
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      <div className="actions">
        <Button variant="secondary" onPress={close}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isBusy={mutation.isPending}>
          {outcome === 'dismiss' ? t('moderation.reports.confirmDismiss') : t('moderation.reports.confirmAction')}
        </Button>
      </div>
    </Form>
  );
}
