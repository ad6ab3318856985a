import { useTranslation } from 'react-i18next';
import type { Floor } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { useFloorActions } from '../api/floor';
import { isMyTurn } from '../floor-rules';

export interface HandButtonProps {
  groupId: string;
  floor: Floor | null;
  myMemberId: string;
}

/** Beside the composer: raise or lower my hand; while I have the turn, "I'm done" (also to pass). */
export function HandButton({ groupId, floor, myMemberId }: HandButtonProps) {
  const { t } = useTranslation();
  const actions = useFloorActions(groupId);
  if (!floor) return null;
  if (isMyTurn(floor, myMemberId)) {
    return (
      <Button
        variant="secondary"
        className="hand-button"
        isBusy={actions.done.isPending}
        onPress={() => actions.done.mutate()}
      >
        {floor.round ? t('talkingOrder.doneOrPass') : t('talkingOrder.done')}
      </Button>
    );
  }
  const raised = floor.hands.includes(myMemberId);
  return (
    <Button
      variant={raised ? 'primary' : 'secondary'}
      className="hand-button"
      aria-pressed={raised}
      isBusy={actions.hand.isPending}
      onPress={() => actions.hand.mutate(!raised)}
    >
      {raised ? t('talkingOrder.lowerHand') : t('talkingOrder.raiseHand')}
    </Button>
  );
}
