import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ErrorCode } from '@tryg/shared';
import { DomainError } from './domain-error';

/** The generic code for each status Nest or Express may raise on its own. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof HttpException) {
    const code = CODE_BY_STATUS[error.getStatus()];
    return code ? new DomainError(code) : null;
  }
  // body-parser errors carry a status (413 too large, 400 malformed, 415 charset).
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status];
    if (code) return new DomainError(code);
  }
  return null;
}

/**
 * The one place errors become HTTP answers: `{ code, message, details? }`, never a stack.
 * Anything unexpected is logged (without request data) and answered 500 `INTERNAL`.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const known = toDomainError(error);
    if (known) {
      if (known.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(known.retryAfterSeconds));
      response.status(known.status).json({
        code: known.code,
        message: known.message,
        ...(known.details ? { details: known.details } : {}),
      });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(500).json({ code: 'INTERNAL', message: DomainError.defaultMessage('INTERNAL') });
  }
}
