import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { SessionsService } from './sessions.service';

/** Sessions past their idle or absolute end leave the database within the hour, not only when their cookie returns. */
@Injectable()
export class SessionsPurgeJob implements OnModuleInit {
  constructor(
    private readonly sessions: SessionsService,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'sessions-purge', everyMs: 60 * 60 * 1000, run: () => this.sessions.purgeExpired().then(() => undefined) });
  }
}
