import type { SocketErrorCode } from './error-codes';

/** Acknowledgement of every client → server event. */
export type Ack<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code: SocketErrorCode; message: string };

/** Socket.io namespace `/chat` (CONTRACT.md). Filled in by the Live rooms issue. */
export interface ServerToClientEvents {
  'session:revoked': (payload: { reason: string }) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- events arrive with the Live rooms issue
export interface ClientToServerEvents {}

export const CHAT_NAMESPACE = '/chat';
