import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@tryg/shared';
import { DomainError } from '../../common/domain-error';
import { type AuthenticatedRequest, IS_PUBLIC } from '../../common/request-auth';
import { AccountsService } from '../accounts/accounts.service';
import { SessionsService } from './sessions.service';

/**
 * Every route needs a live session unless marked @Public(). A disabled account's sessions are
 * revoked when it is disabled; the check here is the second line.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const session = token ? await this.sessions.resolve(token) : null;
    const account = session ? await this.accounts.findById(session.accountId) : null;
    if (session && account && !account.disabledAt) {
      req.auth = { accountId: account.id, role: account.role, sessionId: session.id };
      return true;
    }
    if (isPublic) return true;
    throw new DomainError('UNAUTHENTICATED');
  }
}
