// One load socket on the app's (or the plain server's) `/chat` namespace: WebSocket only, no
// reconnection (a dropped socket is a result, not something to hide), the session as a cookie.
import { io } from 'socket.io-client';

/** Resolves with the connected socket; rejects (and closes it) when the server refuses it. */
export function connectChat(baseUrl, token, timeoutMs) {
  const socket = io(`${baseUrl}/chat`, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: token ? { cookie: `tryg_session=${token}` } : {},
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`socket refused: ${error.message}`));
    });
  });
}
