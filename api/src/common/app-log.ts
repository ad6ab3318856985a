import type { Writable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import { type HttpLogger, type Options, pinoHttp } from 'pino-http';
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
function requestLogOptions(config: AppConfig): Options {
  return {
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
  };
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's lines (and every `new Logger(context)`) as JSON on the app's pino logger, shaped as
 * nestjs-pino shaped them: `{ context, msg }`, an Error under `err` (which the serializer drops).
 */
class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: PinoLogger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.call('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.call('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.call('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.call('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.call('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.call('fatal', message, params);
  }

  /** The last parameter is the context; Nest's exception handlers pass (message, stack). */
  private call(level: Level, message: unknown, params: unknown[]): void {
    const fields: Record<string, unknown> = {};
    let rest: unknown[] = [];
    if (params.length > 0) {
      fields.context = params[params.length - 1];
      rest = params.slice(0, -1);
    }
    if (typeof message === 'object' && message !== null) {
      if (message instanceof Error) fields.err = message;
      else Object.assign(fields, message);
      this.pino[level](fields, ...(rest as [string]));
    } else if (level === 'error' && typeof message === 'string' && rest.length === 1 && typeof rest[0] === 'string' && /\n\s*at /.test(rest[0])) {
      const err = new Error(message);
      err.stack = rest[0];
      this.pino[level]({ ...fields, err });
    } else {
      this.pino[level](fields, String(message), ...(rest as []));
    }
  }
}

export interface AppLog {
  /** Express middleware writing each request's line when it finishes. */
  requests: HttpLogger;
  /** For `app.useLogger`: Nest's and the services' lines. */
  nest: LoggerService;
}

/**
 * One pino logger per app, to stdout or a test's capture. There is no per-request logger context:
 * the request lines carry nothing per request, and keeping one (AsyncLocalStorage, as nestjs-pino
 * did) turns on Node 20's promise hooks for the whole process, which cost every promise of a chat
 * send about 6 % of its CPU (bench/README.md, issue 14).
 */
export function createAppLog(config: AppConfig, stream: Writable = process.stdout): AppLog {
  const options = requestLogOptions(config);
  const requests = pinoHttp(options, stream);
  return { requests, nest: new PinoNestLogger(requests.logger) };
}
