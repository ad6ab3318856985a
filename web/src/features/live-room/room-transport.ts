import {
  type Ack,
  CLIENT_HUNG_UP,
  type JoinPayload,
  type JoinResult,
  type Message,
  type PresenceMember,
  type RoomState,
  type SendPayload,
  type SendResult,
  SERVER_HUNG_UP,
} from '@tryg/shared';
import { acquireChatSocket, releaseChatSocket } from '../../lib/socket-client';

export interface TransportHandlers {
  connect: () => void;
  /** `server`: the server hung up on purpose (it will not be dialled again by itself). */
  disconnect: (byServer: boolean) => void;
  connectError: (message: string) => void;
  revoked: () => void;
  roomState: (state: RoomState) => void;
  presence: (groupId: string, members: PresenceMember[]) => void;
  typing: (groupId: string, memberId: string, displayName: string) => void;
  messageNew: (message: Message) => void;
  messageChanged: (message: Message) => void;
}

/** What a room needs from the connection; the socket.io one is below, tests use a fake. */
export interface RoomTransport {
  isConnected: () => boolean;
  subscribe: (handlers: TransportHandlers) => () => void;
  /** Rejects when no answer came within `timeoutMs`. */
  join: (payload: JoinPayload, timeoutMs: number) => Promise<Ack<JoinResult>>;
  send: (payload: SendPayload, timeoutMs: number) => Promise<Ack<SendResult>>;
  typing: (groupId: string) => void;
  leave: (groupId: string) => void;
  /** Dial again after the server hung up. */
  reconnect: () => void;
  /** Hang up a connection that looks dead, so it is dialled again at once. */
  dropConnection: () => void;
  release: () => void;
}

/** The room's view of the app's shared `/chat` socket. */
export function openSocketTransport(): RoomTransport {
  const socket = acquireChatSocket();
  return {
    isConnected: () => socket.connected,
    subscribe(handlers) {
      const onDisconnect = (reason: string) => {
        // Only a deliberate hang-up stays down; a restart's or resync's closed connection redials ("reconnecting").
        if (reason !== CLIENT_HUNG_UP) handlers.disconnect(reason === SERVER_HUNG_UP);
      };
      const onConnectError = (error: Error) => handlers.connectError(error.message);
      const onPresence = (payload: { groupId: string; members: PresenceMember[] }) =>
        handlers.presence(payload.groupId, payload.members);
      const onTyping = (payload: { groupId: string; memberId: string; displayName: string }) =>
        handlers.typing(payload.groupId, payload.memberId, payload.displayName);
      const onNew = (payload: { message: Message }) => handlers.messageNew(payload.message);
      const onChanged = (payload: { message: Message }) => handlers.messageChanged(payload.message);
      socket.on('connect', handlers.connect);
      socket.on('disconnect', onDisconnect);
      socket.on('connect_error', onConnectError);
      socket.on('session:revoked', handlers.revoked);
      socket.on('room:state', handlers.roomState);
      socket.on('member:presence', onPresence);
      socket.on('member:typing', onTyping);
      socket.on('message:new', onNew);
      socket.on('message:updated', onChanged);
      socket.on('message:removed', onChanged);
      return () => {
        socket.off('connect', handlers.connect);
        socket.off('disconnect', onDisconnect);
        socket.off('connect_error', onConnectError);
        socket.off('session:revoked', handlers.revoked);
        socket.off('room:state', handlers.roomState);
        socket.off('member:presence', onPresence);
        socket.off('member:typing', onTyping);
        socket.off('message:new', onNew);
        socket.off('message:updated', onChanged);
        socket.off('message:removed', onChanged);
      };
    },
    join: (payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck('room:join', payload),
    send: (payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck('message:send', payload),
    typing: (groupId) => {
      if (socket.connected) socket.emit('typing', { groupId });
    },
    leave: (groupId) => {
      if (socket.connected) socket.emit('room:leave', { groupId });
    },
    reconnect: () => {
      if (!socket.active) socket.connect();
    },
    dropConnection: () => socket.io.engine?.close(),
    release: () => releaseChatSocket(socket),
  };
}
