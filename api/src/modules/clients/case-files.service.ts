import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ClientExport, Locale } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { AccountsService } from '../accounts/accounts.service';
import type { CaseAccess } from './case-access';
import { caseToday } from './case-dates';
import { renderPlanPdf } from './case-plan-pdf';
import { planTexts } from './case-plan-texts';
import { CaseViews, compareScreeningsNewestFirst } from './case-view';
import { ClientsService } from './clients.service';
import { ScreeningEntity } from './entities/screening.entity';

export interface CaseFile {
  body: Buffer;
  contentType: string;
  /** Neutral (`plan-2026-03-24.pdf`): a downloads folder or a shared screen gives nothing away. */
  filename: string;
}

/** The plan as a PDF for a joint meeting, and the whole case as JSON; each an audited read. */
@Injectable()
export class CaseFilesService {
  constructor(
    @InjectRepository(ScreeningEntity) private readonly screenings: Repository<ScreeningEntity>,
    private readonly clients: ClientsService,
    private readonly views: CaseViews,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  async planPdf(access: CaseAccess, lang: Locale | undefined): Promise<CaseFile> {
    const { client, screenings } = await this.read(access);
    const locale = lang ?? (await this.accounts.findById(access.accountId))?.locale ?? 'da';
    const printedOn = caseToday(this.clock.now());
    const body = await renderPlanPdf({ client, screenings, printedOn, texts: planTexts(locale) });
    return { body, contentType: 'application/pdf', filename: `plan-${printedOn}.pdf` };
  }

  async exportJson(access: CaseAccess): Promise<CaseFile> {
    const { client, screenings } = await this.read(access);
    const now = this.clock.now();
    const data: ClientExport = { exportedAt: now.toISOString(), client, screenings };
    return {
      body: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
      contentType: 'application/json; charset=utf-8',
      filename: `export-${caseToday(now)}.json`,
    };
  }

  private async read(access: CaseAccess): Promise<Omit<ClientExport, 'exportedAt'>> {
    const client = await this.views.one(await this.clients.require(access), access.accountId);
    const rows = (await this.screenings.findBy({ clientId: access.clientId })).sort(compareScreeningsNewestFirst);
    const screenings = await this.views.toScreenings(rows);
    await this.clients.auditReads(access.accountId, [access.clientId]);
    return { client, screenings };
  }
}
