import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { type Ack, CHAT_NAMESPACE } from '@tryg/shared';
import type { LiveSocket } from '../realtime/realtime-types';
import { toRefusal } from './chat-refusal';
import { RoomListeners } from './room-listeners.service';

/**
 * `/chat`: translates socket events into RoomListeners calls and their outcome into the
 * acknowledgement. No rules live here; the handshake (session, socket limit) is the realtime
 * adapter's.
 */
@WebSocketGateway({
  namespace: CHAT_NAMESPACE,
  path: '/socket.io',
  serveClient: false,
  // A frame over 64 KB closes that socket only.
  maxHttpBufferSize: 64 * 1024,
})
export class ChatGateway implements OnGatewayDisconnect {
  private readonly logger = new Logger('ChatGateway');

  constructor(private readonly listeners: RoomListeners) {}

  handleDisconnect(socket: LiveSocket): void {
    this.listeners.disconnected(socket);
  }

  @SubscribeMessage('room:join')
  join(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<object>> {
    return this.answer(() => this.listeners.join(socket, payload));
  }

  @SubscribeMessage('room:leave')
  leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<object>> {
    return this.answer(() => this.listeners.leave(socket, payload));
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<object>> {
    return this.answer(() => this.listeners.send(socket, payload));
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Ack<object>> {
    return this.answer(() => this.listeners.typing(socket, payload));
  }

  @SubscribeMessage('activity')
  activity(@ConnectedSocket() socket: LiveSocket): Promise<Ack<object>> {
    return this.answer(() => this.listeners.activity(socket));
  }

  /** Always answers the ack, and never lets an error escape to the socket. */
  private async answer(handle: () => Promise<object>): Promise<Ack<object>> {
    try {
      return { ok: true, ...(await handle()) };
    } catch (error) {
      const refusal = toRefusal(error);
      if (refusal) return { ok: false, code: refusal.code, message: refusal.message };
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return { ok: false, code: 'INTERNAL', message: 'Something went wrong.' };
    }
  }
}
