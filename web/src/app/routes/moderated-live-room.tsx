import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpLine, Message, RoomState, SocketErrorCode } from '@tryg/shared';
import { LiveRoom, type LiveRoomProps } from '../../features/live-room/components/live-room';
import type { RoomEvent } from '../../features/live-room/room-session';
import { useGroup } from '../../features/moderation/api/get-group';
import {
  FacilitatorMessageActions,
  RemovedMessageDetails,
} from '../../features/moderation/components/facilitator-message-actions';
import {
  FacilitatorLiveCues,
  FacilitatorToolsSheet,
} from '../../features/moderation/components/facilitator-room-tools';
import { ComposerNotices } from '../../features/safety/components/composer-notices';
import { CrisisHelpPanel } from '../../features/safety/components/crisis-help-panel';
import { IdentifyingInfoConfirm } from '../../features/safety/components/identifying-info-confirm';
import { MemberMessageActions } from '../../features/safety/components/member-message-actions';
import { MemberSafetySheet } from '../../features/safety/components/member-safety-panel';
import { RemovedFromGroup } from '../../features/safety/components/removed-from-group';
import { useIgnoredSet } from '../../features/safety/hooks/use-ignored-set';
import { FloorBar } from '../../features/talking-order/components/floor-bar';
import { FloorControls } from '../../features/talking-order/components/floor-controls';
import { HandButton } from '../../features/talking-order/components/hand-button';
import { QuietRoundNotice } from '../../features/talking-order/components/quiet-round-notice';
import { quietForMe } from '../../features/talking-order/floor-rules';
import { useFloor } from '../../features/talking-order/hooks/use-floor';
import { useNames } from '../../features/talking-order/hooks/use-names';
import { useWriteBlock } from '../../features/safety/hooks/use-write-block';
import { isHiddenByIgnore } from '../../features/safety/safety-rules';
import { pathTo } from '../pages';

type RoomBasics = Pick<LiveRoomProps, 'groupId' | 'memberId' | 'displayName' | 'isFacilitator' | 'memberSince'>;

/** The room's heading with what happened, once a facilitator took this member out of the group. */
export function RemovedRoom({ kind }: { kind: 'removed' | 'banned' }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('liveRoom.title')}</h1>
      <RemovedFromGroup kind={kind} homePath={pathTo('home')} />
    </div>
  );
}

/**
 * The live room with moderation, safety and the talking order composed in (the features do not know each other):
 * facilitators get their tools sheet, live cues, per-message actions and what is left of removed
 * messages; members get report, the help sheet, ignore, the mute / slow mode / held notices, the
 * identifying-details question and the crisis help lines. A member taken out of the group sees the
 * conversation leave the screen and words for what happened.
 */
export function ModeratedLiveRoom(props: RoomBasics) {
  const { groupId, memberId, isFacilitator } = props;
  const group = useGroup(groupId);
  const timeZone = group.data?.timezone;

  const ignored = useIgnoredSet(groupId, !isFacilitator);
  const isMessageHidden = useCallback((message: Message) => isHiddenByIgnore(message, ignored), [ignored]);
  // The server kept an ignored member's messages from this reader: showing someone again reads
  // the room afresh, so what they wrote meanwhile appears too.
  const [seenIgnored, setSeenIgnored] = useState(ignored);
  const [resyncSignal, setResyncSignal] = useState(0);
  if (seenIgnored !== ignored) {
    setSeenIgnored(ignored);
    if ([...seenIgnored].some((id) => !ignored.has(id))) setResyncSignal((n) => n + 1);
  }
  const { block, markMuted } = useWriteBlock(groupId);
  const [held, setHeld] = useState(false);
  const [crisisLines, setCrisisLines] = useState<HelpLine[] | null>(null);

  const onRoomEvent = useCallback(
    (event: RoomEvent) => {
      if (event.kind === 'sent') {
        setHeld(event.notice === 'held');
        if (event.notice === 'crisis' && event.helpLines) setCrisisLines(event.helpLines);
      } else if (event.kind === 'refused' && event.code === 'MUTED') {
        markMuted();
      }
    },
    [markMuted],
  );

  const messageActions = useCallback(
    (message: Message) =>
      isFacilitator ? (
        message.memberId === memberId ? null : (
          <FacilitatorMessageActions groupId={groupId} message={message} timeZone={timeZone} />
        )
      ) : (
        <MemberMessageActions groupId={groupId} message={message} myMemberId={memberId} />
      ),
    [groupId, memberId, isFacilitator, timeZone],
  );
  const messageFooter = useCallback(
    (message: Message) => (isFacilitator ? <RemovedMessageDetails message={message} /> : null),
    [isFacilitator],
  );
  const renderRefusal = useCallback(
    (code: SocketErrorCode, actions: { sendAnyway: () => void; putBack: () => void }) =>
      code === 'IDENTIFYING_INFO' ? (
        <IdentifyingInfoConfirm onSend={actions.sendAnyway} onPutBack={actions.putBack} />
      ) : undefined,
    [],
  );
  // The talking order: who speaks, the hand, the facilitator's round controls, the quiet round.
  const floor = useFloor(groupId);
  const nameOf = useNames(groupId);
  const quiet = quietForMe(floor, memberId, isFacilitator);

  const aboveComposer = (room: RoomState | null) => (
    <>
      {quiet && floor ? <QuietRoundNotice floor={floor} nameOf={nameOf} /> : null}
      {crisisLines ? <CrisisHelpPanel lines={crisisLines} onClose={() => setCrisisLines(null)} /> : null}
      <ComposerNotices
        block={block}
        slowModeSeconds={room?.slowModeSeconds ?? 0}
        held={held}
        isFacilitator={isFacilitator}
        timeZone={timeZone}
      />
    </>
  );

  if (!isFacilitator && (block.kind === 'removed' || block.kind === 'banned')) return <RemovedRoom kind={block.kind} />;

  return (
    <LiveRoom
      {...props}
      messageActions={messageActions}
      messageFooter={messageFooter}
      isMessageHidden={isFacilitator ? undefined : isMessageHidden}
      barActions={
        isFacilitator ? (
          <>
            <FacilitatorToolsSheet groupId={groupId} timeZone={timeZone} />
            <FloorControls groupId={groupId} floor={floor} />
          </>
        ) : (
          <MemberSafetySheet groupId={groupId} myMemberId={memberId} />
        )
      }
      aboveMessages={
        <>
          {isFacilitator ? <FacilitatorLiveCues groupId={groupId} /> : null}
          <FloorBar floor={floor} myMemberId={memberId} nameOf={nameOf} />
        </>
      }
      composerStart={isFacilitator ? null : <HandButton groupId={groupId} floor={floor} myMemberId={memberId} />}
      aboveComposer={aboveComposer}
      writeBlocked={(!isFacilitator && block.kind !== 'none') || quiet}
      onRoomEvent={onRoomEvent}
      renderRefusal={renderRefusal}
      resyncSignal={resyncSignal}
    />
  );
}
