import { memo, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import type { Message, RoomState, SocketErrorCode } from '@tryg/shared';
import { useGroup } from '../api/get-group';
import { useMeetings } from '../api/list-meetings';
import { useAnnouncements } from '../hooks/use-announcements';
import { useMessageWindow } from '../hooks/use-message-window';
import { useNow } from '../hooks/use-now';
import { useRoomSession } from '../hooks/use-room-session';
import { visibleEntries } from '../outbox';
import { canWrite, roomNotice } from '../room-notice';
import type { RoomEvent } from '../room-session';
import { nextOpening } from '../room-time';
import { Composer } from './composer';
import { DeleteOwnMessage } from './delete-own-message';
import { MessageItem } from './message-item';
import { MessageList } from './message-list';
import { PendingMessageItem } from './pending-message-item';
import { PinnedRules } from './pinned-rules';
import { PresenceList } from './presence-list';
import { RoomHeader } from './room-header';
import { RoomStatus } from './room-status';
import { TypingLine } from './typing-line';

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

export interface LiveRoomProps {
  groupId: string;
  /** My membership in this group. */
  memberId: string;
  displayName: string;
  isFacilitator: boolean;
  /** Extra buttons per message, added by other features through the page (e.g. report, moderate); keep it stable. */
  messageActions?: (message: Message) => ReactNode;
  /** Shown under every message, even a removed one (what facilitators still see of it); keep it stable. */
  messageFooter?: (message: Message) => ReactNode;
  /** Messages this reader chose not to see (ignored members): left out, live and in history; keep it stable. */
  isMessageHidden?: (message: Message) => boolean;
  /** Above the conversation (e.g. the facilitators' tools). */
  top?: ReactNode;
  /** Just above the composer, given the room's state (a mute, slow mode, a held message, help lines). */
  aboveComposer?: (room: RoomState | null) => ReactNode;
  /** Below the composer (e.g. the member's safety actions). */
  bottom?: ReactNode;
  /** Moderation says this person cannot write now (e.g. muted): the composer waits. */
  writeBlocked?: boolean;
  /** What became of my sends (stored with a notice, or refused), for other features; keep it stable. */
  onRoomEvent?: (event: RoomEvent) => void;
  /** Replaces the plain refusal of an unsent message (e.g. a confirm step); undefined keeps the default. */
  renderRefusal?: (code: SocketErrorCode, actions: { sendAnyway: () => void; discard: () => void }) => ReactNode;
  /** Each change reads the latest messages again (e.g. after un-ignoring someone); 0 never does. */
  resyncSignal?: number;
}

/**
 * The live room of one group: header, status, pinned rules, who is here, the conversation, who is
 * writing and the composer. Mount with `key={groupId}` so each room gets its own session.
 */
export function LiveRoom({
  groupId,
  memberId,
  displayName,
  isFacilitator,
  messageActions,
  messageFooter,
  isMessageHidden,
  top,
  aboveComposer,
  bottom,
  writeBlocked = false,
  onRoomEvent,
  renderRefusal,
  resyncSignal = 0,
}: LiveRoomProps) {
  const { session, snapshot } = useRoomSession(groupId, memberId);
  const group = useGroup(groupId);
  const now = useNow();
  const announcement = useAnnouncements(session, isMessageHidden);
  useEffect(() => (onRoomEvent ? session.onEvent(onRoomEvent) : undefined), [session, onRoomEvent]);
  useEffect(() => {
    if (resyncSignal > 0) session.resync();
  }, [session, resyncSignal]);

  // A refused join carries no room state: the next meeting says when the room opens.
  const meetings = useMeetings(groupId, snapshot.joinError === 'ROOM_CLOSED');
  const opening = useMemo(
    () => (meetings.data && group.data ? nextOpening(meetings.data.items, group.data.openMinutesBefore, now) : null),
    [meetings.data, group.data, now],
  );
  const notice = roomNotice(snapshot, isFacilitator, opening);

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

  return (
    <div className="page live-room">
      <RoomHeader group={group.data} />
      <RoomStatus notice={notice} now={now} timeZone={timeZone} onReconnect={() => session.reconnect()} />
      {top}
      <PinnedRules rules={snapshot.room?.pinnedRules ?? group.data?.rules ?? ''} />
      <PresenceList members={snapshot.presence} myMemberId={memberId} />
      <MessageList
        view={view}
        scrollRef={scrollRef}
        hasEarlier={snapshot.timeline.hasEarlier}
        loadingEarlier={snapshot.loadingEarlier}
        earlierFailed={snapshot.earlierFailed}
        pending={pending}
        renderMessage={renderMessage}
        renderPending={(entry) => (
          <PendingMessageItem
            entry={entry}
            myName={displayName}
            online={snapshot.joined}
            onRetry={(id) => {
              // The pressed button goes away with the failure: keep focus in the conversation.
              scrollRef.current?.focus();
              session.retry(id);
            }}
            onDiscard={(id) => {
              scrollRef.current?.focus();
              session.discard(id);
            }}
            refusal={
              entry.state === 'failed' && entry.error !== null
                ? renderRefusal?.(entry.error, {
                    sendAnyway: () => {
                      scrollRef.current?.focus();
                      session.retry(entry.clientMessageId, { confirmIdentifying: true });
                    },
                    discard: () => {
                      scrollRef.current?.focus();
                      session.discard(entry.clientMessageId);
                    },
                  })
                : undefined
            }
          />
        )}
      />
      <TypingLine typing={snapshot.typing} />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
      </div>
      {aboveComposer?.(snapshot.room)}
      <Composer
        canSend={canWrite(snapshot, notice) && !writeBlocked}
        onSend={(body, contentWarning) => {
          view.jumpToLatest();
          session.send(body, contentWarning);
        }}
        onTyping={() => session.notifyTyping()}
      />
      {bottom}
    </div>
  );
}
