import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpLine } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { HelpLinesList } from './help-lines-list';

/**
 * Shown to the writer after a message with crisis wording: calm words and the help lines the
 * server sent with the answer (so they show even when no facilitator is online).
 */
export function CrisisHelpPanel({ lines, onClose }: { lines: readonly HelpLine[]; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="crisis-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('moderation.member.crisisTitle')}
      </h2>
      <p>{t('moderation.member.crisisText')}</p>
      <p>{t('moderation.member.crisisFacilitators')}</p>
      <HelpLinesList lines={lines} />
      <Button variant="secondary" onPress={onClose}>
        {t('moderation.member.crisisClose')}
      </Button>
    </section>
  );
}
