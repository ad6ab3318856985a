import { useTranslation } from 'react-i18next';
import { MessageText } from './message-text';

/** The group's ground rules, pinned above the conversation; open at first, and can be folded away. */
export function PinnedRules({ rules }: { rules: string }) {
  const { t } = useTranslation();
  if (rules.trim() === '') return null;
  return (
    <details className="pinned-rules" open>
      <summary>{t('liveRoom.rules.title')}</summary>
      <MessageText text={rules} className="pinned-rules-text" />
    </details>
  );
}
