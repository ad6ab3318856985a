import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import { API_PREFIX, JSON_BODY_LIMIT_BYTES } from '@tryg/shared';
import type { AppConfig } from '../config/app-config';
import { csrfCheck } from './csrf.middleware';

/** Marks a request whose JSON did not parse; answered 400 after the session check (CONTRACT order). */
export interface RequestWithBodyState extends Request {
  malformedBody?: boolean;
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
  if (type === 'entity.parse.failed') {
    req.malformedBody = true;
    req.body = undefined;
    next();
    return;
  }
  res.status(400).json({ code: 'VALIDATION', message: 'The request body could not be read.' });
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

/** Express-level middleware in CONTRACT order: size (413) → CSRF (403); guards do the rest. */
export function applyHttpPipeline(app: INestApplication, config: AppConfig): void {
  const expressApp = app as NestExpressApplication;
  expressApp.set('trust proxy', config.trustProxy);
  expressApp.disable('x-powered-by');
  app.use(noStore);
  app.use(securityHeaders);
  app.use(cookieParser());
  app.use(API_PREFIX, jsonBody, jsonBodyErrors);
  app.use('/api', csrfCheck);
  if (config.webDist && existsSync(config.webDist)) app.use(webApp(config.webDist));
}
