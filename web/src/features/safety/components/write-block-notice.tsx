import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/ui/notice';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatUntil } from '../../../lib/format-until';
import type { WriteBlock } from '../safety-rules';

/** Said above the composer while a facilitator has paused my writing; plain words, no blame. */
export function WriteBlockNotice({ block, timeZone }: { block: WriteBlock; timeZone?: string }) {
  const { t } = useTranslation();
  switch (block.kind) {
    case 'none':
      return null;
    case 'muted':
      return (
        <Notice tone="info">
          {block.until
            ? t('moderation.member.mutedUntil', {
                until: formatUntil(block.until, currentLocale(), new Date(), timeZone),
              })
            : t('moderation.member.muted')}
        </Notice>
      );
    case 'removed':
    case 'banned':
      return <Notice tone="info">{t('moderation.member.removed')}</Notice>;
  }
}
