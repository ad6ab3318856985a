import type { SocketErrorCode } from '@tryg/shared';
import { DomainError } from '../../common/domain-error';

const MESSAGES: Partial<Record<SocketErrorCode, string>> = {
  ROOM_CLOSED: 'The room is closed now.',
  ROOM_LOCKED: 'The room is locked by the facilitator.',
  WAITING_FOR_FACILITATOR: 'The room opens when a facilitator has joined.',
  MUTED: 'You are muted for now.',
  SLOW_MODE: 'Slow mode is on. Please wait a little before the next message.',
  RATE_LIMITED: 'You are sending very fast. Please wait a moment.',
  IDENTIFYING_INFO: 'This message may identify someone. Send it anyway?',
  NOT_YOUR_TURN: 'In this round only the one whose turn it is writes. Your turn will come.',
  UNAVAILABLE: 'The service is catching up. Please try again in a moment.',
};

/** A refusal on the socket: acknowledged as `{ ok: false, code, message }`, the connection stays. */
export class ChatRefusal extends Error {
  constructor(
    readonly code: SocketErrorCode,
    message?: string,
  ) {
    super(message ?? MESSAGES[code] ?? code);
  }
}

const SOCKET_CODES: readonly string[] = ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'RATE_LIMITED', 'UNAVAILABLE'];

/** Maps what a service threw to an acknowledgement; anything unexpected becomes INTERNAL. */
export function toRefusal(error: unknown): ChatRefusal | null {
  if (error instanceof ChatRefusal) return error;
  if (error instanceof DomainError && SOCKET_CODES.includes(error.code)) return new ChatRefusal(error.code as SocketErrorCode, error.message);
  return null;
}
