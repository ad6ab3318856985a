import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/domain-error';
import { HashingThreadLost, HashingThreads } from './hashing-threads';

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
export class PasswordHasher implements OnApplicationShutdown {
  /** At most `maxConcurrent` hashes at once, each on its own thread (see hashing-threads.ts). */
  private readonly threads: HashingThreads;
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.threads = new HashingThreads(config.passwordHashing.maxConcurrent);
  }

  async hash(password: string): Promise<string> {
    const { memoryCost, timeCost, parallelism } = this.config.passwordHashing;
    const encoded = (await this.threads.run({ op: 'hash', password, options: { memoryCost, timeCost, parallelism } })) as string;
    return referenceEncoding(encoded);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return (await this.threads.run({ op: 'verify', hash, password })) === true;
    } catch (error) {
      // A lost thread is no wrong password: it must not count towards a lock-out.
      if (error instanceof HashingThreadLost) throw new DomainError('UNAVAILABLE');
      return false;
    }
  }

  /** Spends a verification's time on a fixed hash, so "no such login" answers as slowly as "wrong password". */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('tryg-timing-equaliser');
    await this.verify(await this.dummyHash, password);
    return false;
  }

  onApplicationShutdown(): Promise<void> {
    return this.threads.close();
  }
}
