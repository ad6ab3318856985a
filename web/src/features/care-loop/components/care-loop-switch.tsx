import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/i18n/error-message';
import { currentLocale } from '../../../lib/i18n/i18n';
import { useChoiceUntilSaved } from '../../../lib/use-choice-until-saved';
import { useCareLoopStatus } from '../api/care-loop-status';
import { useSetCareLoop } from '../api/set-care-loop';
import './care-loop.css';

/**
 * The member's opt-in to the care loop, off until they switch it on, with what it does in plain
 * words right beside it; and, once it has happened, that their coordinator was told.
 */
export function CareLoopSwitch({ groupId, memberId }: { groupId: string; memberId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const status = useCareLoopStatus(groupId);
  const change = useSetCareLoop(groupId);
  // Settled once the status has been read again (useSetCareLoop waits for it).
  const choice = useChoiceUntilSaved(status.data?.careLoop ?? false, (value, settled) => change.mutate(value, { onSettled: settled }));
  if (!status.data) return status.isError ? <Notice tone="error">{errorMessage(t, status.error)}</Notice> : null;
  const { careLoopAfter, careLoopSentAt, coordinator } = status.data;
  return (
    <div className="care-loop">
      <CheckboxField
        label={t('careLoop.switch.label')}
        name={`careLoop-${memberId}`}
        checked={choice.value}
        isDisabled={choice.pending}
        onChange={choice.change}
        description={t('careLoop.switch.explanation', { count: careLoopAfter })}
      />
      {coordinator === 'unavailable' ? <p className="muted">{t('careLoop.switch.unavailable')}</p> : null}
      {careLoopSentAt ? (
        <p className="muted">{t('careLoop.switch.sent', { date: formatDateTime(careLoopSentAt, locale) })}</p>
      ) : null}
      {change.isError ? <Notice tone="error">{errorMessage(t, change.error)}</Notice> : null}
    </div>
  );
}
