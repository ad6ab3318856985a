import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { type Limit, RateLimits } from '../../common/rate-limits';

const WINDOW_SECONDS = 15 * 60;

/**
 * Brute-force brakes on credentials (CONTRACT "Throttles"): 5 failures per login and 100 per
 * client address in 15 minutes. Once a login is blocked even the right password gets 429, so a
 * guesser learns nothing from the answer. Successes never count.
 */
@Injectable()
export class LoginThrottle {
  private readonly perLogin: Limit;
  private readonly perClient: Limit;

  constructor(limits: RateLimits) {
    this.perLogin = limits.create({ name: 'login-failures-per-login', points: 5, durationSeconds: WINDOW_SECONDS });
    this.perClient = limits.create({ name: 'login-failures-per-client', points: 100, durationSeconds: WINDOW_SECONDS });
  }

  /** Throws 429 RATE_LIMITED (with Retry-After) when either counter is full. */
  async assertAllowed(login: string, clientAddress: string): Promise<void> {
    const wait = Math.max(
      await this.perLogin.blockedFor(login.toLowerCase()),
      await this.perClient.blockedFor(clientAddress),
    );
    if (wait > 0) throw new DomainError('RATE_LIMITED', undefined, undefined, wait);
  }

  async countFailure(login: string, clientAddress: string): Promise<void> {
    await Promise.all([this.perLogin.count(login.toLowerCase()), this.perClient.count(clientAddress)]);
  }
}
