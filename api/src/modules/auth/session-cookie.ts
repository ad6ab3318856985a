import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '@tryg/shared';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Strict (no cross-site request
 * carries it), Secure in production or over HTTPS, and no Max-Age, so closing the browser ends it.
 */
export function setSessionCookie(req: Request, res: Response, token: string, production: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: production || req.secure, path: '/' });
}

export function clearSessionCookie(req: Request, res: Response, production: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: production || req.secure, path: '/' });
}

/** The client address as the configured proxy hops report it; used only as a rate-limit key. */
export function clientAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
