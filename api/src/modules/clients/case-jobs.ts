import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { CaseRemindersService } from './case-reminders.service';
import { CaseRetentionService } from './case-retention.service';

export const CASE_JOBS = { reminders: 'client-reminders', retention: 'client-retention' } as const;

/** Case work's periodic jobs on the lease-based scheduler: once per slot across instances. */
@Injectable()
export class CaseJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly reminders: CaseRemindersService,
    private readonly retention: CaseRetentionService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: CASE_JOBS.reminders,
      everyMs: 15 * 60_000,
      run: ({ now }) => this.reminders.sendDue(now),
    });
    this.scheduler.register({
      name: CASE_JOBS.retention,
      everyMs: 60 * 60_000,
      run: ({ now }) => this.retention.purge(now).then(() => undefined),
    });
  }
}
