import { Injectable } from '@nestjs/common';
import type { GroupWatchedWordsResponse, WatchedWordsDto, WatchedWordsResponse } from '@tryg/shared';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { dedupeWatchedWords } from '../content-policy/watch-list';
import { WatchedWords } from '../content-policy/watched-words';
import { ModerationLog } from './moderation-log';
import { ModerationAccess } from './moderation-access';

/**
 * The admin's watched words apply to every group; a group's facilitators add their own. A PUT
 * replaces the list; the send path picks it up from the next message on.
 */
@Injectable()
export class WatchedWordsService {
  constructor(
    private readonly access: ModerationAccess,
    private readonly words: WatchedWords,
    private readonly log: ModerationLog,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
  ) {}

  async adminList(): Promise<WatchedWordsResponse> {
    return { words: await this.words.adminList() };
  }

  async replaceAdminList(auth: RequestAuth, dto: WatchedWordsDto): Promise<WatchedWordsResponse> {
    const words = dedupeWatchedWords(dto.words);
    await this.writes.run(async (m) => {
      await this.words.replaceIn(m, null, words);
      await this.audit.recordIn(m, 'watched-words.updated', auth.accountId, null);
    });
    await this.words.changed(null);
    return { words };
  }

  async groupList(auth: RequestAuth, groupId: string): Promise<GroupWatchedWordsResponse> {
    await this.access.facilitator(auth, groupId);
    const [words, adminWords] = await Promise.all([this.words.groupList(groupId), this.words.adminList()]);
    return { words, adminWords };
  }

  async replaceGroupList(auth: RequestAuth, groupId: string, dto: WatchedWordsDto): Promise<GroupWatchedWordsResponse> {
    const ctx = await this.access.facilitator(auth, groupId);
    const words = dedupeWatchedWords(dto.words);
    await this.writes.run(async (m) => {
      await this.words.replaceIn(m, groupId, words);
      await this.log.recordIn(m, {
        groupId,
        action: 'watched-words-updated',
        actorMemberId: ctx.actor.id,
        details: { watchedWords: words.length },
      });
      await this.audit.recordIn(m, 'moderation.watched-words-updated', auth.accountId, groupId);
    });
    await this.words.changed(groupId);
    return { words, adminWords: await this.words.adminList() };
  }
}
