import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@tryg/shared';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when `origin` names this very site (scheme-agnostic host comparison behind proxies). */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * CSRF rule, in one place. A state-changing request must carry `X-Tryg-Csrf: 1` (a custom header
 * a cross-site form cannot send and a cross-site fetch cannot send without a CORS preflight we
 * never grant), and must not come from another site by `Origin` or `Sec-Fetch-Site`.
 * Together with the SameSite=Strict cookie this is defence in depth.
 */
export function csrfCheck(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  const header = req.get(CSRF_HEADER);
  const origin = req.get('Origin');
  const fetchSite = req.get('Sec-Fetch-Site');
  const crossSite =
    // req.host is the Host header, or X-Forwarded-Host when TRUST_PROXY trusts the sender: behind a
    // proxy that rewrites Host, the browser's Origin names the public host, not the upstream one.
    (origin !== undefined && origin !== 'null' && !isSameOrigin(origin, req.host)) ||
    origin === 'null' ||
    fetchSite === 'cross-site' ||
    fetchSite === 'same-site';
  if (header !== CSRF_HEADER_VALUE || crossSite) {
    res.status(403).json({ code: 'CSRF', message: 'The request was refused.' });
    return;
  }
  next();
}

/**
 * socket.io's `cors` option does not stop a cross-site WebSocket, so the Origin is checked here,
 * before the connection exists: a browser from another site is refused (HTTP 403); a client
 * without an Origin (not a browser) is allowed and still needs the session cookie.
 */
export function sameOriginOnly(trustProxy: number | false) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    const origin = req.headers.origin;
    if (origin === undefined) return callback(null, true);
    // Behind a trusted proxy the public host is the one it forwards (as Express's req.host does).
    const forwarded = trustProxy ? req.headers['x-forwarded-host'] : undefined;
    const host = typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : req.headers.host;
    callback(null, isSameOrigin(origin, host));
  };
}
