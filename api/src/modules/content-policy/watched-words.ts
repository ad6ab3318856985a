import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import type { WatchedWord } from '@tryg/shared';
import { ChangeBus } from '../../common/change-bus';
import { Clock } from '../../common/clock';
import { WatchedWordEntity } from './entities/watched-word.entity';
import { WatchList } from './watch-list';

/** Bus topic: a watched-word list changed; `groupId` null for the admin's list (every group). */
export const WATCHED_WORDS_CHANGED = 'watched-words.changed';
interface WatchedWordsChange {
  groupId: string | null;
}

/**
 * The watched words (the admin's for every group, plus each group's own), compiled once per group
 * and kept in memory for the send path. Lists are replaced whole; every instance forgets its copy
 * before the replacing request answers.
 */
@Injectable()
export class WatchedWords implements OnModuleDestroy {
  private adminWords: WatchedWord[] | null = null;
  private readonly compiled = new Map<string, WatchList>();
  private version = 0;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    @InjectRepository(WatchedWordEntity) private readonly words: Repository<WatchedWordEntity>,
    private readonly bus: ChangeBus,
    private readonly clock: Clock,
  ) {
    const forgetAll = () => {
      this.version++;
      this.adminWords = null;
      this.compiled.clear();
    };
    this.unsubscribe = [
      bus.subscribe<WatchedWordsChange>(WATCHED_WORDS_CHANGED, ({ groupId }) => {
        if (groupId === null) return forgetAll();
        this.version++;
        this.compiled.delete(groupId);
      }),
      bus.onResync(forgetAll),
    ];
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  /** The compiled list a group's messages are checked against. */
  async watchList(groupId: string): Promise<WatchList> {
    const cached = this.compiled.get(groupId);
    if (cached) return cached;
    const before = this.version;
    const [adminWords, groupWords] = await Promise.all([this.adminList(), this.groupList(groupId)]);
    const list = WatchList.compile(adminWords, groupWords);
    if (this.version === before) this.compiled.set(groupId, list);
    return list;
  }

  async adminList(): Promise<WatchedWord[]> {
    if (this.adminWords) return this.adminWords;
    const before = this.version;
    const list = await this.load(null);
    if (this.version === before) this.adminWords = list;
    return list;
  }

  groupList(groupId: string): Promise<WatchedWord[]> {
    return this.load(groupId);
  }

  /** Inside the caller's transaction; then `changed`. */
  async replaceIn(m: EntityManager, groupId: string | null, words: readonly WatchedWord[]): Promise<void> {
    await m.delete(WatchedWordEntity, { groupId: groupId ?? IsNull() });
    if (words.length === 0) return;
    const now = this.clock.now();
    await m.insert(
      WatchedWordEntity,
      words.map((word, position) => ({ id: randomUUID(), groupId, pattern: word.pattern, action: word.action, position, createdAt: now })),
    );
  }

  changed(groupId: string | null): Promise<void> {
    return this.bus.publish(WATCHED_WORDS_CHANGED, { groupId } satisfies WatchedWordsChange);
  }

  private async load(groupId: string | null): Promise<WatchedWord[]> {
    const rows = await this.words.find({ where: { groupId: groupId ?? IsNull() }, order: { position: 'ASC' } });
    return rows.map((w) => ({ pattern: w.pattern, action: w.action }));
  }
}
