import { Injectable } from '@nestjs/common';
import { SESSION_COOKIE } from '@tryg/shared';
import { AccountsService } from '../accounts/accounts.service';
import type { SocketIdentity } from '../realtime/realtime-types';
import { SessionsService } from './sessions.service';

/** The session token from a Cookie header, or undefined. */
export function sessionTokenFromCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The socket handshake's session check: the same live session and enabled account an HTTP
 * request needs. The realtime adapter calls it for every connection to `/chat`.
 */
@Injectable()
export class SocketIdentification {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
  ) {}

  readonly identify = async (cookieHeader: string | undefined): Promise<SocketIdentity | null> => {
    const session = await this.sessions.resolve(sessionTokenFromCookieHeader(cookieHeader), { countsAsActivity: false });
    if (!session) return null;
    const account = await this.accounts.findById(session.accountId);
    if (!account || account.disabledAt) return null;
    return { accountId: account.id, role: account.role, sessionId: session.id };
  };
}
