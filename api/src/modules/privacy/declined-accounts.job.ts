import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { PrivacyService } from './privacy.service';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Data minimisation: a participant who was declined everywhere and has not signed in since is
 * deleted after 30 days, as if they had deleted themselves.
 */
@Injectable()
export class DeclinedAccountsJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly privacy: PrivacyService,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'declined-accounts', everyMs: 6 * 60 * 60 * 1000, run: ({ now }) => this.run(now).then(() => undefined) });
  }

  /** Deletes the accounts that qualify at `now`; returns their count. */
  async run(now: Date = this.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - THIRTY_DAYS_MS).toISOString();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM accounts a
        WHERE a.role = 'participant'
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.id AND (m.status <> 'declined' OR m.updated_at >= $1))
          AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.account_id = a.id AND s.last_seen_at >= $1)`.replace(
        /\$1/g,
        this.dataSource.options.type === 'postgres' ? '$1' : '?',
      ),
      this.dataSource.options.type === 'postgres' ? [cutoff] : [cutoff, cutoff],
    );
    for (const row of rows) await this.privacy.erase(row.id, 'account.expired');
    return rows.length;
  }
}
