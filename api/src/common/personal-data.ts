import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const HOLDS_PERSONAL_DATA = 'tryg:holds-personal-data';

/**
 * A feature that keeps data about a person implements this and marks its provider with
 * @HoldsPersonalData(), so "export my data" and "delete me" reach it without the privacy
 * feature depending on every other feature.
 */
export interface PersonalDataHolder {
  /** The key of this feature's part in the export JSON, e.g. `memberships`. */
  readonly personalDataKey: string;
  /** Everything about the account, decrypted, and nothing about anyone else. */
  exportPersonalData(accountId: string): Promise<unknown>;
  /** Deletes (or anonymises, where others' records must stay) inside the deletion transaction. */
  erasePersonalData(manager: EntityManager, accountId: string, replacementId: string): Promise<void>;
  /** After the deletion committed: tell in-memory views (optional). */
  afterErase?(accountId: string): Promise<void> | void;
}

export const HoldsPersonalData = (): ClassDecorator => SetMetadata(HOLDS_PERSONAL_DATA, true);
