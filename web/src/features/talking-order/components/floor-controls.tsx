import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Floor, RoundKind } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { SelectField } from '../../../components/ui/select-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useFloorActions } from '../api/floor';

export interface FloorControlsProps {
  groupId: string;
  floor: Floor | null;
}

const TIMERS = ['0', '60', '120', '180', '300'] as const;

/** The facilitator's talking-order sheet: start a check-in or check-out round, give the turn, next, end the round. */
export function FloorControls({ groupId, floor }: FloorControlsProps) {
  const { t } = useTranslation();
  const actions = useFloorActions(groupId);
  const [quiet, setQuiet] = useState(false);
  const [timer, setTimer] = useState<(typeof TIMERS)[number]>('0');
  const failed = [actions.startRound, actions.give, actions.done, actions.endRound].find((a) => a.isError);
  const start = (kind: RoundKind) =>
    actions.startRound.mutate({ kind, quiet, turnSeconds: timer === '0' ? null : Number(timer) });
  if (!floor) return null;
  return (
    <ModalDialog triggerLabel={t('talkingOrder.controls')} title={t('talkingOrder.controlsTitle')}>
      {() => (
        <div className="floor-controls">
          {floor.round ? (
            <div className="floor-controls-row">
              <Button
                isBusy={actions.done.isPending}
                onPress={() => actions.done.mutate()}
                isDisabled={!floor.speaking}
              >
                {t('talkingOrder.nextTurn')}
              </Button>
              <Button variant="secondary" isBusy={actions.endRound.isPending} onPress={() => actions.endRound.mutate()}>
                {t('talkingOrder.endRound')}
              </Button>
            </div>
          ) : (
            <>
              <CheckboxField
                name="quiet"
                label={t('talkingOrder.quietLabel')}
                description={t('talkingOrder.quietHelp')}
                checked={quiet}
                onChange={setQuiet}
              />
              <SelectField
                label={t('talkingOrder.timerLabel')}
                name="timer"
                value={timer}
                onChange={(value) => setTimer(value as (typeof TIMERS)[number])}
                options={TIMERS.map((value) => ({
                  value,
                  label:
                    value === '0'
                      ? t('talkingOrder.noTimer')
                      : t('talkingOrder.minutes', { count: Number(value) / 60 }),
                }))}
              />
              <div className="floor-controls-row">
                <Button isBusy={actions.startRound.isPending} onPress={() => start('check-in')}>
                  {t('talkingOrder.startCheckIn')}
                </Button>
                <Button variant="secondary" isBusy={actions.startRound.isPending} onPress={() => start('check-out')}>
                  {t('talkingOrder.startCheckOut')}
                </Button>
              </div>
            </>
          )}
          <div className="floor-controls-row">
            <Button variant="secondary" isBusy={actions.give.isPending} onPress={() => actions.give.mutate(undefined)}>
              {t('talkingOrder.giveTurn')}
            </Button>
            {floor.speaking && !floor.round ? (
              <Button variant="secondary" isBusy={actions.done.isPending} onPress={() => actions.done.mutate()}>
                {t('talkingOrder.endTurn')}
              </Button>
            ) : null}
          </div>
          {failed ? <Notice tone="error">{errorMessage(t, failed.error)}</Notice> : null}
        </div>
      )}
    </ModalDialog>
  );
}
