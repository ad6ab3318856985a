import { Injectable, Logger } from '@nestjs/common';
import { DataCrypto } from '../../common/data-crypto.service';

/**
 * Free text kept by moderation (reasons, notes, report notes): AES-256-GCM, the AAD naming the
 * table, column, row and group (and, for notes about a member, that member), so a value copied
 * to another row or group refuses to open. A value that does not open reads as null.
 */
@Injectable()
export class ModerationSealing {
  private readonly logger = new Logger('ModerationSealing');

  constructor(private readonly crypto: DataCrypto) {}

  private aad(place: string, rowId: string, groupId: string, owner?: string): string {
    return `${place}:${rowId}:${groupId}${owner ? `:${owner}` : ''}`;
  }

  /** `place` is `<table>.<column>`. */
  seal(place: string, text: string | null | undefined, rowId: string, groupId: string, owner?: string): string | null {
    if (text === null || text === undefined) return null;
    return this.crypto.seal('moderation', text, this.aad(place, rowId, groupId, owner));
  }

  open(place: string, sealed: string | null, rowId: string, groupId: string, owner?: string): string | null {
    if (sealed === null) return null;
    try {
      return this.crypto.open('moderation', sealed, this.aad(place, rowId, groupId, owner));
    } catch {
      this.logger.warn(`${place} of ${rowId} does not decrypt.`);
      return null;
    }
  }
}
