import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/ui/notice';
import type { WriteBlock } from '../safety-rules';
import { WriteBlockNotice } from './write-block-notice';

export interface ComposerNoticesProps {
  block: WriteBlock;
  /** Seconds a member waits between messages (0: slow mode off). */
  slowModeSeconds: number;
  /** My last message was held back for a facilitator to look at. */
  held: boolean;
  isFacilitator: boolean;
  timeZone?: string;
}

/** What is said just above the composer: a mute, slow mode, a message waiting for a facilitator. */
export function ComposerNotices({ block, slowModeSeconds, held, isFacilitator, timeZone }: ComposerNoticesProps) {
  const { t } = useTranslation();
  if (isFacilitator) return null;
  return (
    <div className="composer-notices">
      <WriteBlockNotice block={block} timeZone={timeZone} />
      {slowModeSeconds > 0 && block.kind === 'none' ? (
        <p className="muted">{t('moderation.member.slowMode', { count: slowModeSeconds })}</p>
      ) : null}
      {held ? <Notice tone="info">{t('moderation.member.heldNotice')}</Notice> : null}
    </div>
  );
}
