import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '@tryg/shared';
import { isSameOrigin } from '../../common/csrf.middleware';

/**
 * socket.io's `cors` option does not stop a cross-site WebSocket, so the Origin is checked here,
 * before the connection exists: a browser from another site is refused (HTTP 403); a client
 * without an Origin (not a browser) is allowed and still needs the session cookie.
 */
export function allowSameOriginOnly(req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void {
  const origin = req.headers.origin;
  if (origin === undefined) return callback(null, true);
  callback(null, isSameOrigin(origin, req.headers.host));
}

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
