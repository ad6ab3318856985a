import { Injectable } from '@nestjs/common';
import type { HelpLineEntry, HelpLinesDto, HelpLinesResponse, Page } from '@tryg/shared';
import type { RequestAuth } from '../../common/request-auth';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import { HelpLines } from '../content-policy/help-lines';

/** The admin keeps the help lines (both languages); everyone signed in may read them. */
@Injectable()
export class HelpLinesService {
  constructor(
    private readonly lines: HelpLines,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
  ) {}

  async adminList(): Promise<HelpLinesResponse> {
    return { lines: await this.lines.list() };
  }

  async replace(auth: RequestAuth, dto: HelpLinesDto): Promise<HelpLinesResponse> {
    const entries: HelpLineEntry[] = dto.lines.map((line) => ({
      number: line.number.replace(/\s+/g, ' '),
      name: { da: line.name.da, en: line.name.en },
      hours: { da: line.hours.da, en: line.hours.en },
      description: { da: line.description.da, en: line.description.en },
    }));
    await this.writes.run(async (m) => {
      await this.lines.replaceIn(m, entries);
      await this.audit.recordIn(m, 'help-lines.updated', auth.accountId, null);
    });
    return { lines: entries };
  }

  async list(): Promise<Page<HelpLineEntry>> {
    return { items: await this.lines.list(), nextCursor: null };
  }
}
