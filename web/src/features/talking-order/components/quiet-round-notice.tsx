import { useTranslation } from 'react-i18next';
import type { Floor } from '@tryg/shared';

/** In a quiet round the composer waits and says whose turn it is, instead of failing on send. */
export function QuietRoundNotice({ floor, nameOf }: { floor: Floor; nameOf: (memberId: string) => string | null }) {
  const { t } = useTranslation();
  const name = floor.speaking ? (nameOf(floor.speaking) ?? t('talkingOrder.aMember')) : t('talkingOrder.aMember');
  return (
    <p className="composer-notice" role="status">
      {t('talkingOrder.quietComposer', { name })}
    </p>
  );
}
