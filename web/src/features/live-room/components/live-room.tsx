import { memo, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, RoomState, SocketErrorCode } from '@tryg/shared';
import { currentLocale } from '../../../lib/i18n/i18n';
import { useGroup } from '../api/get-group';
import { useMeetings } from '../api/list-meetings';
import { EMPTY_DRAFT, putBack, type ComposerDraft } from '../composer-draft';
import { useAnnouncements } from '../hooks/use-announcements';
import { useBrowserOnline } from '../hooks/use-browser-online';
import { useMessageWindow } from '../hooks/use-message-window';
import { useNow } from '../hooks/use-now';
import { useRoomSession } from '../hooks/use-room-session';
import { useSlowModeWait } from '../hooks/use-slow-mode-wait';
import { visibleEntries, type OutboxEntry } from '../outbox';
import { canWrite, roomNotice } from '../room-notice';
import type { RoomEvent } from '../room-session';
import { formatDay, formatTime, nextOpening } from '../room-time';
import { Composer } from './composer';
import { DeleteOwnMessage } from './delete-own-message';
import { MessageItem } from './message-item';
import { MessageList } from './message-list';
import { PendingMessageItem } from './pending-message-item';
import { RoomHeader } from './room-header';
import { RoomStatus } from './room-status';
import { TypingLine } from './typing-line';
import './live-room.css';

interface RoomMessageProps {
  message: Message;
  myMemberId: string;
  groupId: string;
  now: Date;
  timeZone?: string;
  onDeleted: (messageId: string) => void;
  messageActions?: (message: Message) => ReactNode;
  messageFooter?: (message: Message) => ReactNode;
}

/** A stored message with its buttons; unchanged messages are not drawn again when others arrive. */
const RoomMessage = memo(function RoomMessage({
  message,
  myMemberId,
  groupId,
  now,
  timeZone,
  onDeleted,
  messageActions,
  messageFooter,
}: RoomMessageProps) {
  const own = message.memberId === myMemberId;
  const extra = messageActions?.(message);
  const actions =
    own || extra ? (
      <>
        {own ? <DeleteOwnMessage groupId={groupId} messageId={message.id} onDeleted={onDeleted} /> : null}
        {extra}
      </>
    ) : undefined;
  return (
    <MessageItem
      message={message}
      own={own}
      now={now}
      timeZone={timeZone}
      actions={actions}
      footer={messageFooter?.(message)}
    />
  );
});

/** Where the conversation starts for this reader: members see it from when they were approved. */
function useStartTexts(memberSince: string | null | undefined, timeZone?: string): { start: string; empty: string } {
  const { t } = useTranslation();
  if (!memberSince) return { start: t('liveRoom.list.start'), empty: t('liveRoom.list.empty') };
  const locale = currentLocale();
  const when = t('liveRoom.list.joinedAt', {
    day: formatDay(memberSince, locale, timeZone),
    time: formatTime(memberSince, locale, timeZone),
  });
  return { start: t('liveRoom.list.joinedHere', { when }), empty: t('liveRoom.list.emptySinceJoined') };
}

export interface LiveRoomProps {
  groupId: string;
  /** My membership in this group. */
  memberId: string;
  displayName: string;
  isFacilitator: boolean;
  /** When my membership was approved: members see the room's messages from then on (facilitators: null). */
  memberSince?: string | null;
  /** Extra buttons per message, added by other features through the page (e.g. report, moderate); keep it stable. */
  messageActions?: (message: Message) => ReactNode;
  /** Shown under every message, even a removed one (what facilitators still see of it); keep it stable. */
  messageFooter?: (message: Message) => ReactNode;
  /** Messages this reader chose not to see (ignored members): left out, live and in history; keep it stable. */
  isMessageHidden?: (message: Message) => boolean;
  /** Buttons in the room's bar, after "Rules" (e.g. the member's help sheet, the facilitator's tools). */
  barActions?: ReactNode;
  /** Between the bar and the conversation (e.g. live cues for facilitators; who speaks now in a round). */
  aboveMessages?: ReactNode;
  /** Just above the composer, given the room's state (a mute, slow mode, a held message, help lines). */
  aboveComposer?: (room: RoomState | null) => ReactNode;
  /** Beside the text field, before it (e.g. raising a hand). */
  composerStart?: ReactNode;
  /** Moderation says this person cannot write now (e.g. muted): the composer waits. */
  writeBlocked?: boolean;
  /** What became of my sends (stored with a notice, or refused), for other features; keep it stable. */
  onRoomEvent?: (event: RoomEvent) => void;
  /**
   * A question about an unsent message, asked next to the composer (e.g. "this may identify someone:
   * send anyway?"); undefined keeps the plain refusal in the list. `putBack` discards the message
   * and puts its text back into the composer.
   */
  renderRefusal?: (code: SocketErrorCode, actions: { sendAnyway: () => void; putBack: () => void }) => ReactNode;
  /** Each change reads the latest messages again (e.g. after un-ignoring someone); 0 never does. */
  resyncSignal?: number;
}

/**
 * The live room of one group, laid out like a chat on a phone: a compact bar (heading, group, who is
 * here, rules and panels as sheets), the connection's state, the conversation filling the screen,
 * and the composer at the bottom. Mount with `key={groupId}` so each room gets its own session.
 */
export function LiveRoom({
  groupId,
  memberId,
  displayName,
  isFacilitator,
  memberSince,
  messageActions,
  messageFooter,
  isMessageHidden,
  barActions,
  aboveMessages,
  aboveComposer,
  composerStart,
  writeBlocked = false,
  onRoomEvent,
  renderRefusal,
  resyncSignal = 0,
}: LiveRoomProps) {
  const { session, snapshot } = useRoomSession(groupId, memberId);
  const group = useGroup(groupId);
  const now = useNow();
  const online = useBrowserOnline();
  const announcement = useAnnouncements(session, isMessageHidden);
  const [draft, setDraft] = useState<ComposerDraft>(EMPTY_DRAFT);
  useEffect(() => (onRoomEvent ? session.onEvent(onRoomEvent) : undefined), [session, onRoomEvent]);
  useEffect(() => {
    if (resyncSignal > 0) session.resync();
  }, [session, resyncSignal]);
  useEffect(() => {
    const lost = () => session.connectionLost();
    window.addEventListener('offline', lost);
    return () => window.removeEventListener('offline', lost);
  }, [session]);

  // A refused join carries no room state: the next meeting says when the room opens.
  const meetings = useMeetings(groupId, snapshot.joinError === 'ROOM_CLOSED');
  const opening = useMemo(
    () => (meetings.data && group.data ? nextOpening(meetings.data.items, group.data.openMinutesBefore, now) : null),
    [meetings.data, group.data, now],
  );
  const notice = roomNotice(snapshot, isFacilitator, opening, online);
  const waitSeconds = useSlowModeWait(session, snapshot.room?.slowModeSeconds ?? 0, !isFacilitator);

  const pending = visibleEntries(snapshot.outbox);
  const allMessages = snapshot.timeline.messages;
  const messages = useMemo(
    () => (isMessageHidden ? allMessages.filter((message) => !isMessageHidden(message)) : allMessages),
    [allMessages, isMessageHidden],
  );
  const fetchEarlier = useCallback(
    () =>
      session.loadEarlier().then(() => {
        const loaded = session.getSnapshot().timeline.messages;
        return isMessageHidden ? loaded.filter((message) => !isMessageHidden(message)) : loaded;
      }),
    [session, isMessageHidden],
  );
  const { view, scrollRef } = useMessageWindow(messages, pending.length, fetchEarlier);
  const timeZone = group.data?.timezone;
  const markDeleted = useCallback((messageId: string) => session.markDeleted(messageId), [session]);
  const texts = useStartTexts(isFacilitator ? null : memberSince, timeZone);

  // The oldest unsent message with a question for its writer: asked beside the composer.
  const asked = pending.find((entry) => entry.state === 'failed' && entry.error !== null);
  const question =
    asked && asked.error !== null
      ? renderRefusal?.(asked.error, {
          sendAnyway: () => session.retry(asked.clientMessageId, { confirmIdentifying: true }),
          putBack: () => {
            session.discard(asked.clientMessageId);
            setDraft((current) => putBack(current, asked));
          },
        })
      : undefined;

  const renderMessage = (message: Message) => (
    <RoomMessage
      message={message}
      myMemberId={memberId}
      groupId={groupId}
      now={now}
      timeZone={timeZone}
      onDeleted={markDeleted}
      messageActions={messageActions}
      messageFooter={messageFooter}
    />
  );
  const renderPending = (entry: OutboxEntry) => (
    <PendingMessageItem
      entry={entry}
      myName={displayName}
      online={snapshot.joined}
      asked={entry === asked && question !== undefined}
      onRetry={(id) => {
        // The pressed button goes away with the failure: keep focus in the conversation.
        scrollRef.current?.focus();
        session.retry(id);
      }}
      onDiscard={(id) => {
        scrollRef.current?.focus();
        session.discard(id);
      }}
    />
  );

  return (
    <div className="live-room">
      <RoomHeader
        group={group.data}
        rules={snapshot.room?.pinnedRules ?? group.data?.rules ?? ''}
        presence={snapshot.presence}
        myMemberId={memberId}
        actions={barActions}
      />
      <RoomStatus notice={notice} now={now} timeZone={timeZone} onReconnect={() => session.reconnect()} />
      {aboveMessages}
      <MessageList
        view={view}
        scrollRef={scrollRef}
        hasEarlier={snapshot.timeline.hasEarlier}
        loadingEarlier={snapshot.loadingEarlier}
        earlierFailed={snapshot.earlierFailed}
        pending={pending}
        renderMessage={renderMessage}
        renderPending={renderPending}
        startText={texts.start}
        emptyText={texts.empty}
      />
      <TypingLine typing={snapshot.typing} />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
      </div>
      <div className="room-bottom">
        {question}
        {aboveComposer?.(snapshot.room)}
        <Composer
          draft={draft}
          onDraftChange={setDraft}
          canSend={canWrite(snapshot, notice) && !writeBlocked}
          waitSeconds={waitSeconds}
          start={composerStart}
          onSend={(body, contentWarning) => {
            view.jumpToLatest();
            session.send(body, contentWarning);
          }}
          onTyping={() => session.notifyTyping()}
        />
      </div>
    </div>
  );
}
