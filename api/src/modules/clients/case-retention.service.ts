import { Inject, Injectable } from '@nestjs/common';
import { LessThanOrEqual } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { ClientCaseEntity } from './entities/client-case.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A closed case is deleted CASE_RETENTION_DAYS after closing, with its tasks, screenings and
 * coordinator places (foreign keys cascade; SQLite's secure_delete overwrites the freed pages).
 * The audit trail keeps that it was purged, and nothing else.
 */
@Injectable()
export class CaseRetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
  ) {}

  /** Returns how many cases were deleted. */
  async purge(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.caseRetentionDays * DAY_MS);
    return this.writes.run(async (m) => {
      const expired = await m.find(ClientCaseEntity, {
        where: { status: 'closed', closedAt: LessThanOrEqual(cutoff) },
        select: { id: true },
      });
      for (const { id } of expired) {
        await m.delete(ClientCaseEntity, { id });
        await this.audit.recordIn(m, 'client.purged', null, id);
      }
      return expired.length;
    });
  }
}
