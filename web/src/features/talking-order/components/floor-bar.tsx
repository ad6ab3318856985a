import { useTranslation } from 'react-i18next';
import type { Floor } from '@tryg/shared';
import { clock, isMyTurn, queue } from '../floor-rules';
import { useSecondsLeft } from '../hooks/use-seconds-left';
import './talking-order.css';

export interface FloorBarProps {
  floor: Floor | null;
  myMemberId: string;
  nameOf: (memberId: string) => string | null;
}

/**
 * Who has the turn and who comes next, above the conversation, by pseudonym. A timed turn shows a
 * calm countdown (no sound, no flashing). Screen readers hear "it is your turn" once, when it comes.
 */
export function FloorBar({ floor, myMemberId, nameOf }: FloorBarProps) {
  const { t } = useTranslation();
  const seconds = useSecondsLeft(floor);
  const mine = isMyTurn(floor, myMemberId);
  // The region's text appears when the turn comes and stays the same while it lasts: heard once.
  const live = (
    <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
      {mine ? t('talkingOrder.yourTurnNow') : null}
    </div>
  );
  if (!floor || (!floor.speaking && floor.hands.length === 0 && !floor.round)) return live;
  const name = (id: string) => (id === myMemberId ? t('talkingOrder.you') : (nameOf(id) ?? t('talkingOrder.aMember')));
  const waiting = queue(floor);
  return (
    <section className="floor-bar" aria-label={t('talkingOrder.label')}>
      {floor.round ? (
        <p className="floor-round">
          {t(`talkingOrder.kind.${floor.round.kind}`)}
          {floor.round.quiet ? ` · ${t('talkingOrder.quiet')}` : ''}
        </p>
      ) : null}
      <p className={mine ? 'floor-speaker floor-speaker-me' : 'floor-speaker'}>
        {floor.speaking ? (
          mine ? (
            t('talkingOrder.yourTurn')
          ) : (
            <>
              {t('talkingOrder.speaking')} <strong>{name(floor.speaking)}</strong>
            </>
          )
        ) : (
          t('talkingOrder.nobodySpeaking')
        )}
        {seconds !== null ? (
          <span className="floor-timer">{t('talkingOrder.timeLeft', { time: clock(seconds) })}</span>
        ) : null}
      </p>
      {waiting.length > 0 ? (
        <p className="floor-queue">
          {floor.round ? t('talkingOrder.next') : t('talkingOrder.hands')} {waiting.map(name).join(', ')}
        </p>
      ) : null}
      {live}
    </section>
  );
}
