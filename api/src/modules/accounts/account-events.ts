import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Runs inside the transaction that disables the account, so what follows from it commits with it. */
export type AccountDisabledListener = (manager: EntityManager, accountId: string) => Promise<void>;

/**
 * What happens to an account that features above it must react to (e.g. a disabled primary
 * coordinator's cases pass to a stand-in). The staff feature announces; higher features listen,
 * so the staff feature never depends on them.
 */
@Injectable()
export class AccountEvents {
  private readonly disabledListeners = new Set<AccountDisabledListener>();

  onDisabled(listener: AccountDisabledListener): () => void {
    this.disabledListeners.add(listener);
    return () => this.disabledListeners.delete(listener);
  }

  /** Called by whoever disables an account, inside its write transaction. */
  async disabledIn(manager: EntityManager, accountId: string): Promise<void> {
    for (const listener of this.disabledListeners) await listener(manager, accountId);
  }
}
