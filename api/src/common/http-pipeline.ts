import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import { API_PREFIX, JSON_BODY_LIMIT_BYTES, JSON_MAX_DEPTH } from '@tryg/shared';
import type { AppConfig } from '../config/app-config';
import { csrfCheck } from './csrf.middleware';
import { droppedKey, nestsDeeperThan } from './json-depth';

/** Why a request's JSON body was set aside (not JSON, or nested too deep); answered 400 after the session check (CONTRACT order). */
export interface RequestWithBodyState extends Request {
  bodyRefusal?: string;
}

/** The only routes that take multipart bodies (file uploads); every other body must be JSON. */
const MULTIPART_ROUTES: readonly { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/me\/incidents\/[^/]+\/attachments\/?$/ },
];

export function takesMultipart(method: string, pathUnderPrefix: string): boolean {
  return MULTIPART_ROUTES.some((route) => route.method === method && route.path.test(pathUnderPrefix));
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  // Nothing of Tryg may be kept by the browser: Back after quick exit must show nothing.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  next();
}

const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // React Aria positions overlays with inline style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
  },
  // The quick-exit destination must not learn where the person came from.
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
});

const jsonBody = express.json({
  limit: JSON_BODY_LIMIT_BYTES,
  // Every non-multipart body is read as JSON, so its size is always checked first.
  type: (req) => !String(req.headers['content-type'] ?? '').startsWith('multipart/'),
});

function jsonBodyErrors(error: unknown, req: RequestWithBodyState, res: Response, next: NextFunction): void {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    res.status(413).json({ code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large.' });
    return;
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    res.status(415).json({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body must be UTF-8 JSON.' });
    return;
  }
  if (type === 'entity.parse.failed') {
    req.bodyRefusal = 'The request body is not valid JSON.';
    req.body = undefined;
    next();
    return;
  }
  res.status(400).json({ code: 'VALIDATION', message: 'The request body could not be read.' });
}

/** JSON nested deeper than 32 levels never reaches validation (whose recursion it would overflow). */
function jsonDepth(req: RequestWithBodyState, _res: Response, next: NextFunction): void {
  if (req.body !== undefined && nestsDeeperThan(req.body, JSON_MAX_DEPTH)) {
    req.bodyRefusal = `The request body is nested deeper than ${JSON_MAX_DEPTH} levels.`;
    req.body = undefined;
  } else if (req.body !== undefined) {
    // An unknown field like any other (CONTRACT: unknown body fields → 400), named because validation cannot see it.
    const key = droppedKey(req.body);
    if (key) {
      req.bodyRefusal = `The request body holds an unknown field ${key}.`;
      req.body = undefined;
    }
  }
  next();
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Right after the size check (CONTRACT order): a body of a type the route does not take is 415. */
function bodyMediaType(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  const accepted = takesMultipart(req.method, req.path) ? req.is('multipart/form-data') : req.is(['application/json', '+json']);
  if (!accepted) {
    res.status(415).json({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'This type of content is not accepted here.' });
    return;
  }
  next();
}

/** Serves the built web app; any non-API path gets index.html so client routes work on reload. */
function webApp(webDist: string) {
  const files = express.static(webDist, { index: false, etag: false, lastModified: false });
  const indexHtml = join(webDist, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    files(req, res, () => res.sendFile(indexHtml, { etag: false, lastModified: false }));
  };
}

/** Express-level middleware in CONTRACT order: size (413) → media type (415) → CSRF (403); guards do the rest. */
export function applyHttpPipeline(app: INestApplication, config: AppConfig): void {
  const expressApp = app as NestExpressApplication;
  expressApp.set('trust proxy', config.trustProxy);
  expressApp.disable('x-powered-by');
  app.use(noStore);
  app.use(securityHeaders);
  app.use(cookieParser());
  // The readiness route sits outside the prefix; it reads bodies by the same rules.
  for (const mount of [API_PREFIX, '/api/health']) app.use(mount, jsonBody, jsonBodyErrors, jsonDepth, bodyMediaType);
  app.use('/api', csrfCheck);
  if (config.webDist && existsSync(config.webDist)) app.use(webApp(config.webDist));
}
