import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { CareLoopNudges } from './care-loop-nudges';

export const CARE_LOOP_JOB = 'care-loop';

/** The care loop runs on the lease-based scheduler: one instance at a time, catching up on anything missed. */
@Injectable()
export class CareLoopJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly nudges: CareLoopNudges,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: CARE_LOOP_JOB, everyMs: 60_000, run: () => this.nudges.run() });
  }
}
