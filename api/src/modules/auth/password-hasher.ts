import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Counts hashes in flight; a burst waits its turn instead of allocating 19 MiB per request at once. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** argon2id with the configured cost; verification of unknown logins costs the same as of known ones. */
@Injectable()
export class PasswordHasher {
  private readonly slots: Semaphore;
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.slots = new Semaphore(config.passwordHashing.maxConcurrent);
  }

  hash(password: string): Promise<string> {
    const { memoryCost, timeCost, parallelism } = this.config.passwordHashing;
    return this.slots.run(() => argon2.hash(password, { type: argon2.argon2id, memoryCost, timeCost, parallelism }));
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
