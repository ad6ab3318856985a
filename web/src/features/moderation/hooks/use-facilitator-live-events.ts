import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Message, Report, SafetyAlert } from '@tryg/shared';
import { acquireChatSocket, releaseChatSocket } from '../../../lib/socket-client';
import { moderationKeys } from '../api/moderation-keys';

type NewCue =
  { kind: 'report'; report: Report } | { kind: 'held'; message: Message } | { kind: 'safety'; alert: SafetyAlert };
export type LiveCue = NewCue & { id: number };

const KEEP = 5;

/**
 * The facilitators' private events of one group (`report:new`, `message:held`, `safety:alert`),
 * heard on the app's shared socket while the room is joined. Each refreshes the desk's queues and
 * leaves a visual cue (never a sound); the newest few are kept until dismissed.
 */
export function useFacilitatorLiveEvents(groupId: string) {
  const queryClient = useQueryClient();
  const [cues, setCues] = useState<LiveCue[]>([]);
  const nextId = useRef(0);

  useEffect(() => {
    const socket = acquireChatSocket();
    const add = (cue: NewCue) => {
      nextId.current += 1;
      const withId: LiveCue = { ...cue, id: nextId.current };
      setCues((current) => [withId, ...current].slice(0, KEEP));
      void queryClient.invalidateQueries({ queryKey: moderationKeys.group(groupId) });
    };
    const onReport = (payload: { groupId: string; report: Report }) => {
      if (payload.groupId === groupId) add({ kind: 'report', report: payload.report });
    };
    const onHeld = (payload: { groupId: string; message: Message }) => {
      if (payload.groupId === groupId) add({ kind: 'held', message: payload.message });
    };
    const onSafety = (payload: SafetyAlert) => {
      if (payload.groupId === groupId) add({ kind: 'safety', alert: payload });
    };
    socket.on('report:new', onReport);
    socket.on('message:held', onHeld);
    socket.on('safety:alert', onSafety);
    return () => {
      socket.off('report:new', onReport);
      socket.off('message:held', onHeld);
      socket.off('safety:alert', onSafety);
      releaseChatSocket(socket);
    };
  }, [groupId, queryClient]);

  const dismiss = (id: number) => setCues((current) => current.filter((cue) => cue.id !== id));
  return { cues, dismiss };
}
