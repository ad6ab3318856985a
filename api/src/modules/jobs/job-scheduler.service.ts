import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { WriteQueue } from '../../common/write-queue';
import { JobLeaseEntity } from './entities/job-lease.entity';

export interface JobContext {
  /** The clock's "now" for this run. */
  now: Date;
  /** When this job last ran (on any instance); null the first time. */
  lastRunAt: Date | null;
}

export interface JobDefinition {
  /** Unique; the lease row's key. */
  name: string;
  /** At most one run per this many ms (aligned to the clock), whatever the number of instances. */
  everyMs: number;
  run(context: JobContext): Promise<void>;
}

/** How often the real timer ticks; each tick runs the jobs that are due. */
export const TICK_INTERVAL_MS = 15_000;
/** A crashed holder's lease expires after this; then another instance takes the job. */
const LEASE_MS = 5 * 60_000;

/**
 * Periodic jobs (reminders, waitlist promotion, room window announcements) that are safe with
 * several API instances: before running a job, an instance must win a conditional UPDATE of the
 * job's lease row ("due and not locked" → "locked by me"). The database lets exactly one of
 * several concurrent instances win; the others skip the job until its next slot. Jobs are
 * written to catch up on everything due, so a skipped or crashed run loses nothing.
 *
 * Ticks come from a real interval timer, but "now" is always the injected Clock; tests stop the
 * timer and call `tick()` themselves after moving the clock.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  readonly instanceId = randomUUID();
  private readonly logger = new Logger(JobScheduler.name);
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly seeded = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<string[]> | null = null;

  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    this.jobs.set(job.name, job);
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(intervalMs = TICK_INTERVAL_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tickFromTimer(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight?.catch(() => undefined);
  }

  /** Runs every job that is due now and that this instance wins; returns their names. */
  tick(): Promise<string[]> {
    // One tick at a time per instance: a slow job never overlaps itself here.
    const previous = this.inFlight ?? Promise.resolve([]);
    const next = previous.catch(() => []).then(() => this.runDueJobs());
    this.inFlight = next;
    const settle = () => {
      if (this.inFlight === next) this.inFlight = null;
    };
    next.then(settle, settle);
    return next;
  }

  private async tickFromTimer(): Promise<void> {
    if (this.inFlight) return;
    try {
      await this.tick();
    } catch (error) {
      this.logger.error(`scheduler tick failed: ${(error as Error).message}`);
    }
  }

  private async runDueJobs(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs.values()) {
      const claim = await this.claim(job);
      if (!claim) continue;
      try {
        await job.run({ now: claim.now, lastRunAt: claim.lastRunAt });
        ran.push(job.name);
      } catch (error) {
        this.logger.error(`job ${job.name} failed: ${(error as Error).message}`);
      } finally {
        await this.release(job, claim.now);
      }
    }
    return ran;
  }

  /** The compare-and-set that makes a due job run once across instances. */
  private async claim(job: JobDefinition): Promise<{ now: Date; lastRunAt: Date | null } | null> {
    const now = this.clock.now();
    const nowText = now.toISOString();
    // A clock that jumped back (NTP, or a test) must not park a job until the old "next" time.
    const aheadText = new Date(now.getTime() + job.everyMs).toISOString();
    return this.writes.run(async (m) => {
      if (!this.seeded.has(job.name)) {
        await m
          .createQueryBuilder()
          .insert()
          .into(JobLeaseEntity)
          .values({ name: job.name, holder: null, lockedUntil: null, nextDueAt: new Date(0), lastRunAt: null })
          .orIgnore()
          .execute();
        this.seeded.add(job.name);
      }
      const before = await m.findOneBy(JobLeaseEntity, { name: job.name });
      const result = await m
        .createQueryBuilder()
        .update(JobLeaseEntity)
        .set({ holder: this.instanceId, lockedUntil: new Date(now.getTime() + LEASE_MS) })
        .where('name = :name', { name: job.name })
        .andWhere('(next_due_at <= :now OR next_due_at > :ahead)', { now: nowText, ahead: aheadText })
        .andWhere('(locked_until IS NULL OR locked_until <= :now)', { now: nowText })
        .execute();
      return result.affected === 1 ? { now, lastRunAt: before?.lastRunAt ?? null } : null;
    });
  }

  private async release(job: JobDefinition, ranAt: Date): Promise<void> {
    const nextDueAt = new Date((Math.floor(ranAt.getTime() / job.everyMs) + 1) * job.everyMs);
    await this.writes.run((m) =>
      m
        .createQueryBuilder()
        .update(JobLeaseEntity)
        .set({ holder: null, lockedUntil: null, lastRunAt: ranAt, nextDueAt })
        .where('name = :name AND holder = :holder', { name: job.name, holder: this.instanceId })
        .execute(),
    );
  }
}
