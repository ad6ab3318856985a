import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { DisplayNameRegistry } from './display-name-registry';

/** Reserved names of departed members go once their group's retention period has passed (hourly, on one instance). */
@Injectable()
export class ReservedNamesPurgeJob implements OnModuleInit {
  constructor(
    private readonly names: DisplayNameRegistry,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'reserved-names-purge',
      everyMs: 60 * 60 * 1000,
      run: ({ now }) => this.names.purge(now).then(() => undefined),
    });
  }
}
