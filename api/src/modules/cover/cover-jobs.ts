import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type JobDefinition, JobScheduler } from '../jobs/job-scheduler.service';
import { CoverAutoCancel } from './cover-auto-cancel';
import { CoverGapNotices } from './cover-gap-notices';

export const COVER_JOBS = {
  gapNotices: 'cover-gap-notices',
  autoCancel: 'cover-auto-cancel',
} as const;

const MINUTE_MS = 60_000;

/** Registers the cover jobs with the lease-based scheduler: each runs on one instance at a time. */
@Injectable()
export class CoverJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly gapNotices: CoverGapNotices,
    private readonly autoCancel: CoverAutoCancel,
  ) {}

  onModuleInit(): void {
    const jobs: JobDefinition[] = [
      { name: COVER_JOBS.gapNotices, everyMs: MINUTE_MS, run: () => this.gapNotices.sendDue() },
      { name: COVER_JOBS.autoCancel, everyMs: MINUTE_MS, run: () => this.autoCancel.cancelDue() },
    ];
    for (const job of jobs) this.scheduler.register(job);
  }
}
