import { Injectable } from '@nestjs/common';
import type { IncidentExportQueryDto } from '@tryg/shared';
import { Clock } from '../../../common/clock';
import { DomainError } from '../../../common/domain-error';
import { AccountsService } from '../../accounts/accounts.service';
import { IncidentChainService } from '../incident-chain.service';
import { IncidentsService } from '../incidents.service';
import { exportTexts, localDateOf } from './export-texts';
import { renderIncidentCsv } from './incident-csv';
import { renderIncidentPdf } from './incident-pdf';
import { type LogExport, numberEntries } from './log-export';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  /** Neutral: `log-2026-11-25.pdf`; nothing on a shared screen or in a downloads folder gives it away. */
  filename: string;
}

/** The log for the police: PDF (logskema layout) or CSV; the private layer only when asked for. */
@Injectable()
export class IncidentExportService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly chain: IncidentChainService,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  async export(accountId: string, query: IncidentExportQueryDto): Promise<ExportFile> {
    const [account, log, verification, head] = await Promise.all([
      this.accounts.findById(accountId),
      this.incidents.readLog(accountId),
      this.chain.verify(accountId),
      this.chain.headOf(accountId),
    ]);
    if (!account) throw new DomainError('NOT_FOUND');
    const generatedAt = this.clock.now();
    const includePrivate = query.includePrivate === true;
    const data: LogExport = {
      entries: includePrivate ? log.entries : log.entries.map((entry) => ({ ...entry, private: null })),
      numbers: numberEntries(log.entries),
      verification,
      finalHash: head && head.versionCount > 0 ? head.headHash : null,
      unreadable: log.unreadable.length,
      includePrivate,
      generatedAt,
      texts: exportTexts(query.lang ?? account.locale),
    };
    const filename = `log-${localDateOf(generatedAt)}.${query.format}`;
    if (query.format === 'csv')
      return { body: renderIncidentCsv(data), contentType: 'text/csv; charset=utf-8', filename };
    return { body: await renderIncidentPdf(data), contentType: 'application/pdf', filename };
  }
}
