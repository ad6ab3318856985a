import { type EntityManager, In } from 'typeorm';
import type { WriteQueue } from '../../common/write-queue';
import { MessageEntity } from './entities/message.entity';
import { MessageStore, type Stored } from './message-store';

/**
 * PostgreSQL: a batch is one transaction from the pool; the client ids already stored are found
 * with one query, the rows go in with one insert, and each group's numbers are taken by one
 * upsert … RETURNING on its counter row, whose row lock orders the groups' writers across
 * instances.
 */
export class TypeOrmMessageStore extends MessageStore {
  constructor(private readonly writes: WriteQueue) {
    super();
  }

  insert(rows: readonly MessageEntity[]): Promise<Stored[]> {
    return this.writes.run((m) => this.insertNow(m, rows));
  }

  private async insertNow(m: EntityManager, rows: readonly MessageEntity[]): Promise<Stored[]> {
    const key = (memberId: string | null, clientMessageId: string) => `${memberId}:${clientMessageId}`;
    const existing = await m.find(MessageEntity, {
      where: {
        memberId: In([...new Set(rows.map((x) => x.memberId))]),
        clientMessageId: In([...new Set(rows.map((x) => x.clientMessageId))]),
      },
    });
    const known = new Map(existing.map((e) => [key(e.memberId, e.clientMessageId), e]));
    const results: Stored[] = [];
    const fresh: MessageEntity[] = [];
    for (const row of rows) {
      const earlier = known.get(key(row.memberId, row.clientMessageId));
      if (earlier) {
        results.push({ entity: earlier, created: false });
        continue;
      }
      const entity = { ...row };
      known.set(key(row.memberId, row.clientMessageId), entity);
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

  /** Moves the group's counter by `count` (making it on the group's first message) and returns the new last number. */
  private async reserveSeqs(m: EntityManager, groupId: string, count: number): Promise<number> {
    const [row] = (await m.query(
      `INSERT INTO room_counters (group_id, last_seq) VALUES ($1, $2)
       ON CONFLICT (group_id) DO UPDATE SET last_seq = room_counters.last_seq + EXCLUDED.last_seq
       RETURNING last_seq`,
      [groupId, count],
    )) as Array<{ last_seq: number | string }>;
    return Number(row.last_seq);
  }
}
