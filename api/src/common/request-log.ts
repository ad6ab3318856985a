import type { Writable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

interface RoutedRequest extends IncomingMessage {
  method: string;
  baseUrl?: string;
  route?: { path?: string };
}

/** The matched route pattern (`/api/v1/groups/:id`), never the URL itself: a URL can hold a secret. */
export function routePatternOf(req: IncomingMessage): string {
  const routed = req as RoutedRequest;
  const path = routed.route?.path;
  return typeof path === 'string' ? `${routed.baseUrl ?? ''}${path}` : '(unmatched)';
}

function requestLine(req: IncomingMessage, res: ServerResponse, responseTime: unknown) {
  return {
    method: req.method,
    route: routePatternOf(req),
    status: res.statusCode,
    durationMs: typeof responseTime === 'number' ? Math.round(responseTime) : undefined,
  };
}

/**
 * Request logs hold method, route pattern, status and duration only — no headers, cookies,
 * bodies, addresses, user agents or full URLs (PRODUCT.md threat 4 and 6).
 */
export function requestLogOptions(config: AppConfig, stream?: Writable): Params {
  return {
    pinoHttp: [
      {
        level: 'info',
        base: undefined,
        redact: { paths: ['req', 'res', 'err.config', 'headers', 'cookie', 'password'], remove: true },
        // No request id either: nothing in a log line should let lines be joined up per person.
        quietReqLogger: false,
        quietResLogger: true,
        serializers: { req: () => undefined, res: () => undefined, err: () => undefined },
        wrapSerializers: false,
        customSuccessMessage: () => 'request',
        customErrorMessage: () => 'request',
        customSuccessObject: (req, res, val: { responseTime?: unknown }) => requestLine(req, res, val.responseTime),
        customErrorObject: (req, res, _error, val: { responseTime?: unknown }) => requestLine(req, res, val.responseTime),
        customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
        autoLogging: true,
        transport: undefined,
        timestamp: config.production ? undefined : () => `,"time":"${new Date().toISOString()}"`,
      },
      stream ?? process.stdout,
    ],
    forRoutes: ['*path'],
  };
}
