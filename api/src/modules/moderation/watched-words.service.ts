import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import type { GroupWatchedWordsResponse, WatchedWord, WatchedWordsDto, WatchedWordsResponse } from '@tryg/shared';
import { Clock } from '../../common/clock';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { dedupeWatchedWords } from '../content-policy/watch-list';
import { WatchedWordEntity } from './core/entities/watched-word.entity';
import { ModerationLog } from './core/moderation-log';
import { EVERY_GROUP, ModerationView } from './core/moderation-view';
import { ModerationAccess } from './moderation-access';

/**
 * The admin's watched words apply to every group; a group's facilitators add their own. A PUT
 * replaces the list; the send path picks it up from the next message on.
 */
@Injectable()
export class WatchedWordsService {
  constructor(
    private readonly access: ModerationAccess,
    private readonly view: ModerationView,
    private readonly log: ModerationLog,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async adminList(): Promise<WatchedWordsResponse> {
    return { words: await this.view.adminWordList() };
  }

  async replaceAdminList(auth: RequestAuth, dto: WatchedWordsDto): Promise<WatchedWordsResponse> {
    const words = dedupeWatchedWords(dto.words);
    await this.writes.run(async (m) => {
      await this.replaceIn(m, null, words);
      await this.audit.recordIn(m, 'watched-words.updated', auth.accountId, null);
    });
    this.view.changed(EVERY_GROUP);
    return { words };
  }

  async groupList(auth: RequestAuth, groupId: string): Promise<GroupWatchedWordsResponse> {
    await this.access.facilitator(auth, groupId);
    const [words, adminWords] = await Promise.all([this.view.groupWords(groupId), this.view.adminWordList()]);
    return { words, adminWords };
  }

  async replaceGroupList(auth: RequestAuth, groupId: string, dto: WatchedWordsDto): Promise<GroupWatchedWordsResponse> {
    const ctx = await this.access.facilitator(auth, groupId);
    const words = dedupeWatchedWords(dto.words);
    await this.writes.run(async (m) => {
      await this.replaceIn(m, groupId, words);
      await this.log.recordIn(m, {
        groupId,
        action: 'watched-words-updated',
        actorMemberId: ctx.actor.id,
        details: { watchedWords: words.length },
      });
      await this.audit.recordIn(m, 'moderation.watched-words-updated', auth.accountId, groupId);
    });
    this.view.changed(groupId);
    return { words, adminWords: await this.view.adminWordList() };
  }

  private async replaceIn(m: EntityManager, groupId: string | null, words: WatchedWord[]): Promise<void> {
    await m.delete(WatchedWordEntity, { groupId: groupId ?? IsNull() });
    if (words.length === 0) return;
    const now = this.clock.now();
    await m.insert(
      WatchedWordEntity,
      words.map((word, position) => ({
        id: randomUUID(),
        groupId,
        pattern: word.pattern,
        action: word.action,
        position,
        createdAt: now,
      })),
    );
  }
}
