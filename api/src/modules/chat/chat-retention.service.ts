import { Injectable, type OnModuleInit } from '@nestjs/common';
import { GroupsService } from '../groups/groups.service';
import { WriteQueue } from '../../common/write-queue';
import { Clock } from '../../common/clock';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { MessageEntity } from './entities/message.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Chat is kept only for the group's retention period (default 180 days); then it is deleted for
 * good (SQLite's secure_delete overwrites the freed pages). Runs hourly as a scheduled job.
 */
@Injectable()
export class ChatRetentionService implements OnModuleInit {
  constructor(
    private readonly groups: GroupsService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'chat-retention', everyMs: 60 * 60 * 1000, run: ({ now }) => this.purge(now).then(() => undefined) });
  }

  /** Deletes every message older than its group's retention period; returns how many. */
  async purge(now: Date = this.clock.now()): Promise<number> {
    const groups = (await this.groups.list('all')).items;
    let deleted = 0;
    for (const group of groups) {
      const cutoff = new Date(now.getTime() - group.retentionDays * DAY_MS).toISOString();
      deleted += await this.writes.run(async (m) => {
        const result = await m
          .createQueryBuilder()
          .delete()
          .from(MessageEntity)
          .where('group_id = :groupId AND created_at < :cutoff', { groupId: group.id, cutoff })
          .execute();
        return result.affected ?? 0;
      });
    }
    return deleted;
  }
}
