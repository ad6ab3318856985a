import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

/**
 * The step before a message with identifying details goes out ("This message may identify
 * someone. Send anyway?"). Nothing is sent until the writer chooses.
 */
export function IdentifyingInfoConfirm({ onSend, onDiscard }: { onSend: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="identifying-confirm" role="alert">
      <p className="identifying-title">{t('moderation.member.identifyingTitle')}</p>
      <p>{t('moderation.member.identifyingText')}</p>
      <div className="message-actions">
        <Button variant="secondary" onPress={onSend}>
          {t('moderation.member.identifyingSend')}
        </Button>
        <Button variant="quiet" onPress={onDiscard}>
          {t('moderation.member.identifyingEdit')}
        </Button>
      </div>
    </div>
  );
}
