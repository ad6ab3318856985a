import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler, type JobContext } from '../jobs/job-scheduler.service';
import { RoomRules } from './room-rules.service';

export const ROOM_WINDOW_JOB = 'room-window';
const EVERY_MS = 15_000;
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

/** Opens and closes rooms on the clock: once per due slot across instances (the job lease). */
@Injectable()
export class RoomWindowJob implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly rules: RoomRules,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: ROOM_WINDOW_JOB,
      everyMs: EVERY_MS,
      run: (context) => {
        const { from, to } = transitionRange(context, EVERY_MS);
        return this.rules.announceTransitions(from, to);
      },
    });
  }
}
