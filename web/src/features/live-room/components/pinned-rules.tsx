import { useTranslation } from 'react-i18next';
import { MessageText } from './message-text';

/** The group's ground rules as the facilitators pinned them (line breaks kept). */
export function PinnedRules({ rules }: { rules: string }) {
  const { t } = useTranslation();
  if (rules.trim() === '') return <p>{t('liveRoom.rules.none')}</p>;
  return <MessageText text={rules} className="pinned-rules-text" />;
}
