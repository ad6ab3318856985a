import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { HoldsPersonalData, type PersonalDataHolder } from '../../common/personal-data';
import { CaseCoordinatorsService } from './case-coordinators.service';
import { CaseCoordinatorEntity } from './entities/case-coordinator.entity';
import { ScreeningEntity } from './entities/screening.entity';

/**
 * A coordinator's own part in case work: which cases they held, and how. The cases themselves
 * are about clients, not about the coordinator, so their content is not in "export my data".
 * Deleting the account hands their cases over (CaseCoordinatorsService) and unnames their screenings.
 */
@Injectable()
@HoldsPersonalData()
export class ClientsPersonalData implements PersonalDataHolder {
  readonly personalDataKey = 'clientCases';

  constructor(
    @InjectRepository(CaseCoordinatorEntity) private readonly places: Repository<CaseCoordinatorEntity>,
    private readonly coordinators: CaseCoordinatorsService,
  ) {}

  async exportPersonalData(accountId: string) {
    const rows = await this.places.find({ where: { accountId }, order: { since: 'ASC' } });
    return rows.map((p) => ({ clientId: p.clientId, role: p.role, since: p.since.toISOString() }));
  }

  async erasePersonalData(manager: EntityManager, accountId: string, replacementId: string): Promise<void> {
    await manager.update(ScreeningEntity, { screenerId: accountId }, { screenerId: null });
    await this.coordinators.handOverIn(manager, accountId, replacementId);
  }
}
