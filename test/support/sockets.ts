import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@tryg/shared';
import { SESSION_COOKIE } from '@tryg/shared';
import type { Client, AppAddress } from './test-app';

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  token?: string | null;
  origin?: string;
}

/** Opens a `/chat` socket with the client's session cookie; resolves on connect, rejects with the connect_error. */
export function connectChat(app: AppAddress, client: Client | null, options: ConnectOptions = {}): Promise<ChatClient> {
  const token = options.token !== undefined ? options.token : client?.sessionToken();
  const headers: Record<string, string> = {};
  if (token) headers.cookie = `${SESSION_COOKIE}=${token}`;
  if (options.origin) headers.origin = options.origin;
  const socket: ChatClient = io(`${app.url}/chat`, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits with an acknowledgement, failing the test if none comes within 5 s. */
export async function ask<T = Record<string, unknown>>(socket: ChatClient, event: string, payload: unknown): Promise<T> {
  return (await (socket as unknown as Socket).timeout(5000).emitWithAck(event, payload)) as T;
}

/** Collects every event of a kind a socket receives. */
export function collect<T = unknown>(socket: ChatClient, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as Socket).on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Resolves with the next event of a kind (or rejects after `ms`). */
export function next<T = unknown>(socket: ChatClient, event: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    (socket as unknown as Socket).once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Waits until `check` holds, polling briefly (for effects seen through other connections). */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met in time');
}
