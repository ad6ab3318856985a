import { Injectable, Logger } from '@nestjs/common';

type Handler<T> = (payload: T) => void | Promise<void>;

/** An event name with the type of its payload; declared by the feature that emits it. */
export class DomainEvent<T> {
  constructor(readonly name: string) {}
  declare readonly payload: T;
}

/**
 * In-process events: how a lower feature lets a higher one react without depending on it (chat
 * tells moderation a stored message needs the facilitators' attention). `emit` waits for every
 * handler, so the reaction is done before the caller answers; a failing handler is logged and
 * does not fail the emitter.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<string, Set<Handler<unknown>>>();
  private readonly logger = new Logger('DomainEvents');

  on<T>(event: DomainEvent<T>, handler: Handler<T>): () => void {
    const set = this.handlers.get(event.name) ?? new Set();
    set.add(handler as Handler<unknown>);
    this.handlers.set(event.name, set);
    return () => set.delete(handler as Handler<unknown>);
  }

  /**
   * For a reaction that belongs to the emitter's own write (the payload carries its transaction): a
   * failing handler fails the emitter, so the write is rolled back rather than done without it.
   */
  async emitOrFail<T>(event: DomainEvent<T>, payload: T): Promise<void> {
    for (const handler of [...(this.handlers.get(event.name) ?? [])]) await handler(payload);
  }

  async emit<T>(event: DomainEvent<T>, payload: T): Promise<void> {
    for (const handler of [...(this.handlers.get(event.name) ?? [])]) {
      try {
        await handler(payload);
      } catch (error) {
        this.logger.error(`${event.name} handler failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
