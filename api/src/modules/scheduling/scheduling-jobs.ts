import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { MeetingNotices } from './meeting-notices';
import { RsvpService } from './rsvp.service';

export const SCHEDULING_JOBS = {
  reminders: 'meeting-reminders',
  waitlist: 'waitlist-promotion',
} as const;

const MINUTE_MS = 60_000;

/** Registers the scheduling feature's periodic jobs with the (multi-instance safe) scheduler. */
@Injectable()
export class SchedulingJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly notices: MeetingNotices,
    private readonly rsvps: RsvpService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this.remindersJob());
    this.scheduler.register({
      name: SCHEDULING_JOBS.waitlist,
      everyMs: MINUTE_MS,
      run: () => this.rsvps.promoteWaitlists(),
    });
  }

  /** Exposed so a test can register the same job on a second scheduler instance. */
  remindersJob() {
    return { name: SCHEDULING_JOBS.reminders, everyMs: MINUTE_MS, run: () => this.notices.sendDueReminders() };
  }
}
