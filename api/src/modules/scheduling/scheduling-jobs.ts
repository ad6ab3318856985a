import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler, type JobContext } from '../jobs/job-scheduler.service';
import { MeetingNotices } from './meeting-notices';
import { RoomStateService } from './room-state.service';
import { RsvpService } from './rsvp.service';

export const SCHEDULING_JOBS = {
  reminders: 'meeting-reminders',
  waitlist: 'waitlist-promotion',
  roomWindow: 'room-window',
} as const;

const MINUTE_MS = 60_000;
/** How far back the room-window job looks at most (after downtime, or a clock moved in a test). */
const MAX_LOOKBACK_MS = 24 * 3600_000;

/** The room-window job's range: since its last run, within sane bounds. */
export function transitionRange(context: JobContext, everyMs: number): { from: Date; to: Date } {
  const to = context.now;
  const last = context.lastRunAt?.getTime();
  const fallback = to.getTime() - everyMs;
  const from = last === undefined || last > to.getTime() || to.getTime() - last > MAX_LOOKBACK_MS ? fallback : last;
  return { from: new Date(from), to };
}

/** Registers the scheduling feature's periodic jobs with the (multi-instance safe) scheduler. */
@Injectable()
export class SchedulingJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly notices: MeetingNotices,
    private readonly rsvps: RsvpService,
    private readonly roomState: RoomStateService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this.remindersJob());
    this.scheduler.register({
      name: SCHEDULING_JOBS.waitlist,
      everyMs: MINUTE_MS,
      run: () => this.rsvps.promoteWaitlists(),
    });
    const roomEveryMs = 15_000;
    this.scheduler.register({
      name: SCHEDULING_JOBS.roomWindow,
      everyMs: roomEveryMs,
      run: (context) => {
        const { from, to } = transitionRange(context, roomEveryMs);
        return this.roomState.announceTransitions(from, to);
      },
    });
  }

  /** Exposed so a test can register the same job on a second scheduler instance. */
  remindersJob() {
    return { name: SCHEDULING_JOBS.reminders, everyMs: MINUTE_MS, run: () => this.notices.sendDueReminders() };
  }
}
