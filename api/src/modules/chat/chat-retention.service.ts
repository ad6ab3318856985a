import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, type Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainEvents } from '../../common/domain-events';
import { WriteQueue } from '../../common/write-queue';
import { GroupsService } from '../groups/groups.service';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { MESSAGES_EXPIRING } from './chat-events';
import { MessageEntity } from './entities/message.entity';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Messages deleted per write: the write queue is not held for long behind a big backlog. */
const BATCH = 500;

/**
 * Chat is kept only for the group's retention period (default 180 days); then it is deleted for
 * good (SQLite's secure_delete overwrites the freed pages, a checkpoint empties the write-ahead
 * log), and the records that named those messages forget them in the same transaction
 * (`MESSAGES_EXPIRING`). Runs hourly as a scheduled job.
 */
@Injectable()
export class ChatRetentionService implements OnModuleInit {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly groups: GroupsService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly jobs: JobScheduler,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'chat-retention', everyMs: 60 * 60 * 1000, run: ({ now }) => this.purge(now).then(() => undefined) });
  }

  /** Deletes every message older than its group's retention period; returns how many. */
  async purge(now: Date = this.clock.now()): Promise<number> {
    const groups = (await this.groups.list('all')).items;
    let deleted = 0;
    for (const group of groups) {
      const cutoff = new Date(now.getTime() - group.retentionDays * DAY_MS);
      for (;;) {
        const batch = await this.messages.find({
          where: { groupId: group.id, createdAt: LessThan(cutoff) },
          select: { id: true },
          order: { seq: 'ASC' },
          take: BATCH,
        });
        if (batch.length === 0) break;
        const messageIds = batch.map((m) => m.id);
        const gone = await this.writes.run(async (manager) => {
          await this.events.emitOrFail(MESSAGES_EXPIRING, { groupId: group.id, messageIds, manager });
          return (await manager.delete(MessageEntity, { id: In(messageIds) })).affected ?? 0;
        });
        deleted += gone;
        if (batch.length < BATCH || gone === 0) break;
      }
    }
    // The deleted text and the cleared references must not stay readable in the write-ahead log.
    if (deleted > 0) await this.writes.checkpoint();
    return deleted;
  }
}
