import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { normalizeReadableCode, readableCode } from '../../common/crypto';
import { DataCrypto } from '../../common/data-crypto.service';
import { RecoveryCodeEntity } from './entities/recovery-code.entity';

export const RECOVERY_CODE_COUNT = 10;

/**
 * Ten one-time codes instead of e-mail recovery (an e-mail address is exactly what a stalker may
 * control or know). 60 random bits each, kept as HMACs under a key derived from DATA_KEY.
 */
@Injectable()
export class RecoveryCodesService {
  constructor(
    private readonly crypto: DataCrypto,
    private readonly clock: Clock,
  ) {}

  private hashOf(code: string): string {
    return this.crypto.keyedHash('recovery-code', normalizeReadableCode(code));
  }

  /** Replaces all of the account's codes; returns the new ones, shown once. */
  async replaceIn(manager: EntityManager, accountId: string): Promise<string[]> {
    await manager.delete(RecoveryCodeEntity, { accountId });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => readableCode(3, 4));
    const now = this.clock.now();
    await manager.insert(
      RecoveryCodeEntity,
      codes.map((code) => ({ id: randomUUID(), accountId, codeHash: this.hashOf(code), keyId: this.crypto.ring.current.id, usedAt: null, createdAt: now })),
    );
    return codes;
  }

  /**
   * Uses up a matching unused code; false when there is none. A code hashed under a key being
   * rotated out matches too, and is re-hashed under the current key as it is used (only now is its
   * text at hand), so the old key is no longer needed for it.
   */
  async consumeIn(manager: EntityManager, accountId: string, code: string): Promise<boolean> {
    const hashes = this.crypto.keyedHashes('recovery-code', normalizeReadableCode(code));
    const row = await manager.findOneBy(RecoveryCodeEntity, { accountId, codeHash: In(hashes), usedAt: IsNull() });
    if (!row) return false;
    await manager.update(RecoveryCodeEntity, { id: row.id }, { usedAt: this.clock.now(), codeHash: hashes[0], keyId: this.crypto.ring.current.id });
    return true;
  }
}
