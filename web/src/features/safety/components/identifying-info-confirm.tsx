import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

/**
 * The step before a message with identifying details goes out, shown beside the composer ("This
 * message may identify someone. Send anyway?"). Nothing is sent until the writer chooses; "Don't
 * send" puts the text back into the composer to change it.
 */
export function IdentifyingInfoConfirm({ onSend, onPutBack }: { onSend: () => void; onPutBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="identifying-confirm" role="alert">
      <p className="identifying-title">{t('moderation.member.identifyingTitle')}</p>
      <p>{t('moderation.member.identifyingText')}</p>
      <div className="actions actions-start">
        <Button variant="secondary" onPress={onSend}>
          {t('moderation.member.identifyingSend')}
        </Button>
        <Button variant="secondary" onPress={onPutBack}>
          {t('moderation.member.identifyingEdit')}
        </Button>
      </div>
      <p className="muted">{t('moderation.member.identifyingPutBack')}</p>
    </div>
  );
}
