import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Counts hashes in flight; a burst waits its turn instead of allocating 19 MiB per request at once. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    // A released slot passes straight to the oldest waiter (the count stays), so a call arriving
    // between the release and the waiter's wake-up cannot take it too and exceed the limit.
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/**
 * argon2 0.45 writes the parameters as `m=…,p=…,t=…`; the reference encoding (libargon2, the PHC
 * string format) is `m=…,t=…,p=…`, which other verifiers (PHP, libsodium) require and audits look
 * for. Same hash, parameters reordered; argon2.verify reads either order.
 */
export function referenceEncoding(encoded: string): string {
  return encoded.replace(/^(\$argon2(?:id|i|d)\$v=\d+\$)m=(\d+),p=(\d+),t=(\d+)\$/, '$1m=$2,t=$4,p=$3$$');
}

/** argon2id with the configured cost; verification of unknown logins costs the same as of known ones. */
@Injectable()
export class PasswordHasher {
  private readonly slots: Semaphore;
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.slots = new Semaphore(config.passwordHashing.maxConcurrent);
  }

  async hash(password: string): Promise<string> {
    const { memoryCost, timeCost, parallelism } = this.config.passwordHashing;
    const encoded = await this.slots.run(() => argon2.hash(password, { type: argon2.argon2id, memoryCost, timeCost, parallelism }));
    return referenceEncoding(encoded);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return this.slots.run(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    });
  }

  /** Spends a verification's time on a fixed hash, so "no such login" answers as slowly as "wrong password". */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('tryg-timing-equaliser');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
