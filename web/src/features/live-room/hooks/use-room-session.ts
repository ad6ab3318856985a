import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { setListeningInOpenRoom } from '../../../lib/session-activity';
import { listMessagesAfter, listMessagesBefore } from '../api/list-messages';
import { newClientMessageId } from '../client-message-id';
import { RoomSession, type RoomSnapshot } from '../room-session';
import { openSocketTransport } from '../room-transport';

/**
 * The live room of one group for this member, for as long as the component is shown. Mount it
 * with a `key` of group and member, so another room gets a session of its own.
 */
export function useRoomSession(groupId: string, memberId: string): { session: RoomSession; snapshot: RoomSnapshot } {
  const [session] = useState(
    () =>
      new RoomSession({
        groupId,
        memberId,
        openTransport: openSocketTransport,
        history: { before: listMessagesBefore, after: listMessagesAfter },
        newId: newClientMessageId,
      }),
  );
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);

  // The session ended (logout or revocation elsewhere): asking "who am I" again leads to the login page.
  const queryClient = useQueryClient();
  const signedOut = snapshot.connection === 'signed-out';
  useEffect(() => {
    if (signedOut) void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  }, [signedOut, queryClient]);

  // Listening in a room open for a meeting keeps the session alive on the server: no idle warning then.
  const listening = snapshot.joined && snapshot.room?.mode === 'open' && snapshot.room.closesAt !== null;
  useEffect(() => {
    setListeningInOpenRoom(listening);
    return () => setListeningInOpenRoom(false);
  }, [listening]);

  return { session, snapshot };
}
