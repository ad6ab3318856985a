import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { ChatRefusal } from './chat-refusal';
import { MessageEntity, type MessageStatus } from './entities/message.entity';
import { RoomCounterEntity } from './entities/room-counter.entity';
import { MessageSealing } from './message-sealing';

export interface NewMessage {
  groupId: string;
  memberId: string;
  clientMessageId: string;
  body: string;
  contentWarning: string | null;
  status: MessageStatus;
}

export interface Stored {
  entity: MessageEntity;
  /** False when this client id was already stored: the earlier message is returned. */
  created: boolean;
}

interface Pending {
  message: NewMessage;
  resolve: (stored: Stored) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 250;

/** The sender's answer for a message that is not stored: never an ok, and safe to send again with the same client id. */
const notStored = () => new ChatRefusal('UNAVAILABLE', 'The message could not be stored. Please send it again.');

/** The driver's code (SQLITE_FULL, SQLITE_BUSY, PostgreSQL's SQLSTATE), else the message; never the row's values. */
function failureOf(error: unknown): string {
  const driver = (error as { driverError?: { code?: unknown } } | null)?.driverError ?? error;
  const code = (driver as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** A refusal of this row (a constraint or trigger), as opposed to the database failing (full, busy, gone). */
function isAboutTheRow(error: unknown): boolean {
  const code = failureOf(error);
  return code.startsWith('SQLITE_CONSTRAINT') || /^23[0-9A-Z]{3}$/.test(code);
}

/**
 * Stores messages with group commit: sends that arrive while a write is in flight are stored
 * together in the next transaction. Every promise resolves only after its row is committed, so
 * the acknowledgement still comes after the store; the same (member, client id) never makes a
 * second row. A message that could not be stored is refused (UNAVAILABLE), never acknowledged.
 */
@Injectable()
export class MessageWriter {
  private readonly logger = new Logger('MessageWriter');
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly writes: WriteQueue,
    private readonly sealing: MessageSealing,
    private readonly clock: Clock,
  ) {}

  store(message: NewMessage): Promise<Stored> {
    return new Promise<Stored>((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      if (!this.flushing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const results = await this.writes.run((m) => this.insertBatch(m, batch.map((p) => p.message)));
          batch.forEach((p, i) => p.resolve(results[i]));
        } catch (error) {
          // One bad message must not sink the others: store them one by one. Once one fails on
          // its own for a reason that is not its content, the database itself is failing: the rest
          // are refused at once rather than each waiting out the same failure.
          this.logger.warn(`A message batch failed (${failureOf(error)}); storing them one by one.`);
          let databaseFailing = false;
          for (const p of batch) {
            if (databaseFailing) {
              p.reject(notStored());
              continue;
            }
            try {
              const [result] = await this.writes.run((m) => this.insertBatch(m, [p.message]));
              p.resolve(result);
            } catch (single) {
              this.logger.error(`A message could not be stored (${failureOf(single)}).`);
              databaseFailing = !isAboutTheRow(single);
              p.reject(notStored());
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async insertBatch(m: EntityManager, messages: NewMessage[]): Promise<Stored[]> {
    const key = (memberId: string, clientMessageId: string) => `${memberId}:${clientMessageId}`;
    const existing = await m.find(MessageEntity, {
      where: {
        memberId: In([...new Set(messages.map((x) => x.memberId))]),
        clientMessageId: In([...new Set(messages.map((x) => x.clientMessageId))]),
      },
    });
    const known = new Map(existing.map((e) => [key(e.memberId!, e.clientMessageId), e]));
    const results: Stored[] = [];
    const fresh: MessageEntity[] = [];
    const now = this.clock.now();
    for (const message of messages) {
      const earlier = known.get(key(message.memberId, message.clientMessageId));
      if (earlier) {
        results.push({ entity: earlier, created: false });
        continue;
      }
      const id = randomUUID();
      const entity: MessageEntity = {
        id,
        groupId: message.groupId,
        seq: 0,
        memberId: message.memberId,
        clientMessageId: message.clientMessageId,
        bodySealed: this.sealing.seal('body', message.body, id, message.groupId),
        contentWarningSealed: this.sealing.seal('content_warning', message.contentWarning, id, message.groupId),
        status: message.status,
        removed: null,
        removalReasonSealed: null,
        createdAt: now,
        updatedAt: now,
      };
      known.set(key(message.memberId, message.clientMessageId), entity);
      fresh.push(entity);
      results.push({ entity, created: true });
    }
    const byGroup = new Map<string, MessageEntity[]>();
    for (const entity of fresh) byGroup.set(entity.groupId, [...(byGroup.get(entity.groupId) ?? []), entity]);
    for (const [groupId, entities] of byGroup) {
      const last = await this.reserveSeqs(m, groupId, entities.length);
      entities.forEach((entity, i) => (entity.seq = last - entities.length + 1 + i));
    }
    if (fresh.length > 0) await m.insert(MessageEntity, fresh);
    return results;
  }

  /** Moves the group's counter by `count` and returns the new last number. */
  private async reserveSeqs(m: EntityManager, groupId: string, count: number): Promise<number> {
    const updated = await m
      .createQueryBuilder()
      .update(RoomCounterEntity)
      .set({ lastSeq: () => `last_seq + ${count}` })
      .where('group_id = :groupId', { groupId })
      .execute();
    if (!updated.affected) {
      await m.insert(RoomCounterEntity, { groupId, lastSeq: count });
      return count;
    }
    const row = await m.findOneByOrFail(RoomCounterEntity, { groupId });
    return row.lastSeq;
  }
}
