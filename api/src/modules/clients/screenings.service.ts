import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type CreateScreeningDto, defaultRescreenOn, type Page, type Screening } from '@tryg/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { WriteQueue } from '../../common/write-queue';
import { AuditService } from '../audit/audit.service';
import type { CaseAccess } from './case-access';
import { caseToday } from './case-dates';
import { CaseViews, compareScreeningsNewestFirst } from './case-view';
import { ClientSealing } from './client-sealing';
import { ClientsService } from './clients.service';
import { ScreeningEntity } from './entities/screening.entity';

/**
 * Screenings by item number: Tryg stores which item got which answer, never the instruments'
 * wording (it belongs to their publishers). The history shows how the risk level moved.
 */
@Injectable()
export class ScreeningsService {
  constructor(
    @InjectRepository(ScreeningEntity) private readonly screenings: Repository<ScreeningEntity>,
    private readonly clients: ClientsService,
    private readonly views: CaseViews,
    private readonly sealing: ClientSealing,
    private readonly audit: AuditService,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  async create(access: CaseAccess, dto: CreateScreeningDto): Promise<Screening> {
    await this.clients.requireActive(access);
    const now = this.clock.now();
    if (dto.screenedOn > caseToday(now)) {
      throw new DomainError('VALIDATION', 'A screening cannot be dated in the future.', [
        { field: 'screenedOn', message: 'must be today or earlier' },
      ]);
    }
    const rescreenOn = dto.rescreenOn ?? defaultRescreenOn(dto.screenedOn, dto.riskLevel);
    if (rescreenOn <= dto.screenedOn) {
      throw new DomainError('VALIDATION', 'The re-screen date must come after the screening.', [
        { field: 'rescreenOn', message: 'must be after screenedOn' },
      ]);
    }
    const id = randomUUID();
    const clientId = access.clientId;
    const row: ScreeningEntity = {
      id,
      clientId,
      instrument: dto.instrument,
      screenedOn: dto.screenedOn,
      answersSealed: this.sealing.seal('client_screenings.answers', JSON.stringify(dto.answers), id, clientId),
      riskLevel: dto.riskLevel,
      noteSealed: this.sealing.sealOptional('client_screenings.note', dto.note, id, clientId),
      rescreenOn,
      rescreenRemindedOn: null,
      screenerId: access.accountId,
      createdAt: now,
    };
    await this.writes.run(async (m) => {
      await m.insert(ScreeningEntity, row);
      await this.clients.touchIn(m, clientId);
      await this.audit.recordIn(m, 'client.screening.created', access.accountId, clientId);
    });
    const [screening] = await this.views.toScreenings([row]);
    return screening;
  }

  /** The case's screenings, newest first (an audited read). */
  async list(access: CaseAccess): Promise<Page<Screening>> {
    await this.clients.require(access);
    const rows = (await this.screenings.findBy({ clientId: access.clientId })).sort(compareScreeningsNewestFirst);
    const items = await this.views.toScreenings(rows);
    await this.clients.auditReads(access.accountId, [access.clientId]);
    return { items, nextCursor: null };
  }
}
