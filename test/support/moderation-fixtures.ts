import type { Socket } from 'socket.io-client';
import { newClientId } from './chat-fixtures';
import { ask, connectChat, type ChatClient } from './sockets';
import type { Client, AppAddress } from './test-app';

export type SendAck = {
  ok: boolean;
  code?: string;
  notice?: 'held' | 'crisis';
  helpLines?: { name: string; number: string; hours: string; description: string }[];
  message?: { id: string; seq: number; body: string | null; status: string; memberId: string | null };
};
export type JoinAck = {
  ok: boolean;
  code?: string;
  room: Record<string, unknown>;
  messages: { id: string; body: string | null; memberId: string | null }[];
};

/** Opens a socket for the client and joins the group's room; fails the test if the join is refused. */
export async function joinRoom(
  app: AppAddress,
  client: Client,
  groupId: string,
  sockets: ChatClient[],
): Promise<ChatClient> {
  const socket = await connectChat(app, client);
  sockets.push(socket);
  const joined = await ask<JoinAck>(socket, 'room:join', { groupId });
  if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined)}`);
  return socket;
}

export function sendMessage(
  socket: ChatClient,
  groupId: string,
  body: string,
  extra: Record<string, unknown> = {},
): Promise<SendAck> {
  return ask<SendAck>(socket, 'message:send', { groupId, clientMessageId: newClientId(), body, ...extra });
}

/**
 * Records, in order, the events a socket receives (and its disconnect), so a test can read what
 * had arrived at the moment an HTTP answer came back.
 */
export function record(socket: ChatClient, events: string[]): Array<{ event: string; payload: unknown }> {
  const seen: Array<{ event: string; payload: unknown }> = [];
  for (const event of events) {
    (socket as unknown as Socket).on(event, (payload: unknown) => seen.push({ event, payload }));
  }
  socket.on('disconnect', () => seen.push({ event: 'disconnect', payload: null }));
  return seen;
}

/** Lets events that would arrive do so (for "nothing arrived" checks). */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
