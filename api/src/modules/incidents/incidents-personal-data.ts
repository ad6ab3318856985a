import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { API_PREFIX } from '@tryg/shared';
import { HoldsPersonalData, type PersonalDataHolder } from '../../common/personal-data';
import { IncidentsService } from './incidents.service';

/**
 * The incident log in "export my data" and "delete me". The export holds every entry decrypted,
 * private layer included; attachments are listed with the path to download each (their bytes, up
 * to 10 MB apiece, would swell one JSON file past what a phone can save). Deletion removes the
 * whole chain, attachments and the owner row.
 */
@Injectable()
@HoldsPersonalData()
export class IncidentsPersonalData implements PersonalDataHolder {
  readonly personalDataKey = 'incidentLog';

  constructor(private readonly incidents: IncidentsService) {}

  async exportPersonalData(accountId: string) {
    const { entries, unreadable, verification } = await this.incidents.exportForAccount(accountId);
    return {
      entries: entries.map((entry) => ({
        ...entry,
        attachments: entry.attachments.map((a) => ({
          ...a,
          downloadPath: `${API_PREFIX}/me/incidents/${entry.id}/attachments/${a.id}`,
        })),
      })),
      unreadableEntryIds: unreadable,
      verification,
    };
  }

  async erasePersonalData(manager: EntityManager, accountId: string): Promise<void> {
    await this.incidents.deleteAllForAccount(manager, accountId);
  }
}
