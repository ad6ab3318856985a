import { io, type Socket } from 'socket.io-client';
import { CHAT_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '@tryg/shared';
import { onClientStateReset } from './client-state';
import { queryClient } from './query-client';
import { queryKeys } from './query-keys';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The app's one connection to `/chat`, shared by every view that needs it, open only while one does. */
let socket: ChatSocket | null = null;
let users = 0;

function createSocket(): ChatSocket {
  // Same origin (the session cookie goes along by itself; the server checks the Origin).
  const created: ChatSocket = io(CHAT_NAMESPACE, {
    path: '/socket.io',
    // WebSocket first; where a proxy or network blocks it, long polling over plain HTTP.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    withCredentials: true,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 10_000,
    autoConnect: false,
  });
  // A logout, revocation or disabled account elsewhere: the server says so and hangs up; never dial back.
  created.on('session:revoked', () => {
    if (socket === created) closeChatSocket();
  });
  return created;
}

/** Takes a share of the connection (opening it if needed); give it back with releaseChatSocket. */
export function acquireChatSocket(): ChatSocket {
  socket ??= createSocket();
  users += 1;
  if (!socket.active) socket.connect();
  return socket;
}

/** The last view to let go closes the connection, so nobody shows as present after leaving the room. */
export function releaseChatSocket(target: ChatSocket): void {
  if (target !== socket) return;
  users = Math.max(0, users - 1);
  if (users === 0) closeChatSocket();
}

/** Hangs up and forgets the connection and everything listening to it. */
export function closeChatSocket(): void {
  const current = socket;
  socket = null;
  users = 0;
  if (!current) return;
  current.disconnect();
  current.removeAllListeners();
}

export function currentChatSocket(): ChatSocket | null {
  return socket;
}

// Quick exit (and every other full reset) hangs up at once, before the page leaves.
onClientStateReset(closeChatSocket);

// Sign-out and an expired session set "who am I" to nobody: hang up then too (the server also does).
queryClient.getQueryCache().subscribe((event) => {
  if (event.type === 'updated' && event.query.queryKey[0] === queryKeys.me[0] && event.query.state.data === null)
    closeChatSocket();
});
