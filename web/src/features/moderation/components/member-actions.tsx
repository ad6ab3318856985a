import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ModeratedMember } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { formatUntil } from '../../../lib/format-until';
import { useNow } from '../../../lib/use-now';
import { useBanMember } from '../api/ban-member';
import { useMuteMember } from '../api/mute-member';
import { useRemoveMember } from '../api/remove-member';
import { useUnmuteMember } from '../api/unmute-member';
import { muteMinutes, type MuteChoice } from '../moderation-rules';
import { MuteLengthField, ReasonField, RemoveMessagesField } from './moderation-fields';

export interface ActionTarget {
  memberId: string;
  displayName: string;
}

export type MemberActionDone = { kind: 'muted'; until: string } | { kind: 'unmuted' | 'removed' | 'banned' };

interface ActionProps {
  groupId: string;
  member: ActionTarget;
  timeZone?: string;
  onDone?: (done: MemberActionDone, member: ModeratedMember) => void;
}

function DialogButtons({ close, confirm, busy }: { close: () => void; confirm: string; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <Button variant="secondary" onPress={close}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" isBusy={busy}>
        {confirm}
      </Button>
    </div>
  );
}

/** Mute for a while: the dialog says until when, that they can still read, and that they are told. */
export function MuteDialog({ groupId, member, timeZone, onDone }: ActionProps) {
  const { t } = useTranslation();
  const name = member.displayName;
  return (
    <ModalDialog
      triggerLabel={t('moderation.member.mute')}
      triggerAriaLabel={t('moderation.member.muteLabel', { name })}
      title={t('moderation.member.muteTitle', { name })}
    >
      {(close) => <MuteForm groupId={groupId} member={member} timeZone={timeZone} onDone={onDone} close={close} />}
    </ModalDialog>
  );
}

function MuteForm({ groupId, member, timeZone, onDone, close }: ActionProps & { close: () => void }) {
  const { t } = useTranslation();
  const mutation = useMuteMember(groupId);
  const [choice, setChoice] = useState<MuteChoice>('15');
  const [custom, setCustom] = useState('');
  const [reason, setReason] = useState('');
  const [removeMessages, setRemoveMessages] = useState(false);
  const minutes = muteMinutes(choice, custom);
  const name = member.displayName;
  const now = useNow(30_000);
  const until =
    minutes === null
      ? null
      : formatUntil(new Date(now.getTime() + minutes * 60_000).toISOString(), currentLocale(), now, timeZone);
  const whatHappens = [
    until === null ? t('moderation.member.muteWhatNoTime', { name }) : t('moderation.member.muteWhat', { name, until }),
    removeMessages ? t('moderation.member.alsoRemovesMessages', { name }) : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending || minutes === null) return;
        mutation.mutate(
          {
            memberId: member.memberId,
            body: { minutes, reason: reason.trim(), ...(removeMessages ? { removeMessages } : {}) },
          },
          {
            onSuccess: (answer) => {
              close();
              onDone?.({ kind: 'muted', until: answer.mutedUntil ?? '' }, answer);
            },
          },
        );
      }}
    >
      <MuteLengthField choice={choice} custom={custom} onChoice={setChoice} onCustom={setCustom} />
      <ReasonField value={reason} onChange={setReason} />
      <RemoveMessagesField checked={removeMessages} onChange={setRemoveMessages} />
      <p className="what-happens">{whatHappens}</p>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      <DialogButtons close={close} confirm={t('moderation.member.muteConfirm', { name })} busy={mutation.isPending} />
    </Form>
  );
}

/** Ends a mute now, after saying so. */
export function UnmuteDialog({ groupId, member, onDone }: ActionProps) {
  const { t } = useTranslation();
  const mutation = useUnmuteMember(groupId);
  const name = member.displayName;
  return (
    <ModalDialog
      triggerLabel={t('moderation.member.unmute')}
      triggerAriaLabel={t('moderation.member.unmuteLabel', { name })}
      title={t('moderation.member.unmuteTitle', { name })}
      role="alertdialog"
    >
      {(close) => (
        <Form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (mutation.isPending) return;
            mutation.mutate(member.memberId, {
              onSuccess: (answer) => {
                close();
                onDone?.({ kind: 'unmuted' }, answer);
              },
            });
          }}
        >
          <p className="what-happens">{t('moderation.member.unmuteWhat', { name })}</p>
          {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
          <DialogButtons
            close={close}
            confirm={t('moderation.member.unmuteConfirm', { name })}
            busy={mutation.isPending}
          />
        </Form>
      )}
    </ModalDialog>
  );
}

/** Remove from the group, or ban for good: both cut the member off at once. */
export function RemoveOrBanDialog({ groupId, member, onDone, kind }: ActionProps & { kind: 'remove' | 'ban' }) {
  const { t } = useTranslation();
  const name = member.displayName;
  return (
    <ModalDialog
      triggerLabel={t(`moderation.member.${kind}`)}
      triggerAriaLabel={t(`moderation.member.${kind}Label`, { name })}
      title={t(`moderation.member.${kind}Title`, { name })}
      role="alertdialog"
    >
      {(close) => <RemoveOrBanForm groupId={groupId} member={member} onDone={onDone} kind={kind} close={close} />}
    </ModalDialog>
  );
}

function RemoveOrBanForm({
  groupId,
  member,
  onDone,
  kind,
  close,
}: ActionProps & { kind: 'remove' | 'ban'; close: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveMember(groupId);
  const ban = useBanMember(groupId);
  const mutation = kind === 'remove' ? remove : ban;
  const [reason, setReason] = useState('');
  const [removeMessages, setRemoveMessages] = useState(false);
  const name = member.displayName;
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        mutation.mutate(
          { memberId: member.memberId, body: { reason: reason.trim(), ...(removeMessages ? { removeMessages } : {}) } },
          {
            onSuccess: (answer) => {
              close();
              onDone?.({ kind: kind === 'remove' ? 'removed' : 'banned' }, answer);
            },
          },
        );
      }}
    >
      <p className="what-happens">{t(`moderation.member.${kind}What`, { name })}</p>
      <ReasonField value={reason} onChange={setReason} />
      <RemoveMessagesField checked={removeMessages} onChange={setRemoveMessages} />
      {removeMessages ? <p>{t('moderation.member.alsoRemovesMessages', { name })}</p> : null}
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      <DialogButtons
        close={close}
        confirm={t(`moderation.member.${kind}Confirm`, { name })}
        busy={mutation.isPending}
      />
    </Form>
  );
}

/** What happened, said once after a dialog closes (the list then shows the new state). */
export function ActionDoneNotice({
  done,
  name,
  timeZone,
}: {
  done: MemberActionDone;
  name: string;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  if (done.kind === 'muted') {
    const until = done.until ? formatUntil(done.until, currentLocale(), new Date(), timeZone) : '';
    return <Notice tone="success">{t('moderation.member.doneMuted', { name, until })}</Notice>;
  }
  return <Notice tone="success">{t(`moderation.member.done${capitalise(done.kind)}`, { name })}</Notice>;
}

function capitalise(kind: 'unmuted' | 'removed' | 'banned'): 'Unmuted' | 'Removed' | 'Banned' {
  switch (kind) {
    case 'unmuted':
      return 'Unmuted';
    case 'removed':
      return 'Removed';
    case 'banned':
      return 'Banned';
  }
}

/** The actions on one member: mute or unmute, remove, ban. */
export function MemberActions({
  groupId,
  member,
  mutedUntil,
  timeZone,
  onDone,
}: ActionProps & { mutedUntil: string | null }) {
  return (
    <div className="item-actions">
      {mutedUntil ? (
        <UnmuteDialog groupId={groupId} member={member} onDone={onDone} />
      ) : (
        <MuteDialog groupId={groupId} member={member} timeZone={timeZone} onDone={onDone} />
      )}
      <RemoveOrBanDialog groupId={groupId} member={member} onDone={onDone} kind="remove" />
      <RemoveOrBanDialog groupId={groupId} member={member} onDone={onDone} kind="ban" />
    </div>
  );
}
