import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MODERATION_LIMITS, type RoomState } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useRoomSettings, useUpdateRoom } from '../api/room-settings';
import { parseSlowModeSeconds } from '../moderation-rules';

type Saved = 'locked' | 'unlocked' | 'slowMode' | 'rules';

/** Pause the room, slow it down, or change the rules pinned at its top; the room hears of it at once. */
export function RoomControlsPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const room = useRoomSettings(groupId);
  return (
    <Panel title={t('moderation.room.title')}>
      {room.isPending ? <Loading label={t('app.loading')} /> : null}
      {room.isError ? <Notice tone="error">{errorMessage(t, room.error)}</Notice> : null}
      {room.data ? <RoomControls groupId={groupId} state={room.data} /> : null}
    </Panel>
  );
}

function RoomControls({ groupId, state }: { groupId: string; state: RoomState }) {
  const { t } = useTranslation();
  const update = useUpdateRoom(groupId);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [seconds, setSeconds] = useState(String(state.slowModeSeconds));
  const [rules, setRules] = useState(state.pinnedRules);
  const save = (body: Parameters<typeof update.mutate>[0], done: Saved) => {
    if (update.isPending) return;
    setSaved(null);
    update.mutate(body, { onSuccess: () => setSaved(done) });
  };
  return (
    <>
      {update.isError ? <Notice tone="error">{errorMessage(t, update.error)}</Notice> : null}
      {saved ? <Notice tone="success">{t(`moderation.room.saved.${saved}`)}</Notice> : null}

      <div className="subpanel">
        <h3>{t('moderation.room.lockTitle')}</h3>
        <p>{state.locked ? t('moderation.room.isLocked') : t('moderation.room.isOpen')}</p>
        <ConfirmDialog
          triggerLabel={state.locked ? t('moderation.room.unlock') : t('moderation.room.lock')}
          title={state.locked ? t('moderation.room.unlockTitle') : t('moderation.room.lockDialogTitle')}
          text={state.locked ? t('moderation.room.unlockWhat') : t('moderation.room.lockWhat')}
          confirmLabel={state.locked ? t('moderation.room.unlock') : t('moderation.room.lock')}
          cancelLabel={t('common.cancel')}
          isDisabled={update.isPending}
          onConfirm={() => save({ locked: !state.locked }, state.locked ? 'unlocked' : 'locked')}
        />
      </div>

      <div className="subpanel">
        <h3>{t('moderation.room.slowTitle')}</h3>
        <p>
          {state.slowModeSeconds > 0
            ? t('moderation.room.slowOn', { count: state.slowModeSeconds })
            : t('moderation.room.slowOff')}
        </p>
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            const value = parseSlowModeSeconds(seconds);
            if (value !== null) save({ slowModeSeconds: value }, 'slowMode');
          }}
        >
          <TextField
            label={t('moderation.room.slowLabel')}
            name="slowModeSeconds"
            value={seconds}
            onChange={setSeconds}
            inputMode="numeric"
            description={t('moderation.room.slowHint', { max: MODERATION_LIMITS.slowModeMaxSeconds })}
            isRequired
            validate={(text) =>
              parseSlowModeSeconds(text) === null
                ? t('moderation.room.slowInvalid', { max: MODERATION_LIMITS.slowModeMaxSeconds })
                : null
            }
          />
          <Button type="submit" variant="secondary" isBusy={update.isPending}>
            {t('moderation.room.slowSave')}
          </Button>
        </Form>
      </div>

      <div className="subpanel">
        <h3>{t('moderation.room.rulesTitle')}</h3>
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            save({ pinnedRules: rules }, 'rules');
          }}
        >
          <TextAreaField
            label={t('moderation.room.rulesLabel')}
            name="pinnedRules"
            rows={5}
            value={rules}
            onChange={setRules}
            maxLength={MODERATION_LIMITS.pinnedRulesMax}
            description={t('moderation.room.rulesHint')}
          />
          <Button type="submit" variant="secondary" isBusy={update.isPending}>
            {t('moderation.room.rulesSave')}
          </Button>
        </Form>
      </div>
    </>
  );
}
