import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from './domain-error';
import type { RequestWithBodyState } from './http-pipeline';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * After the session check and before any resource lookup (CONTRACT order): a body that was not
 * JSON or nested too deep, or a path id that is not a UUID, is a 400. Path parameters named `id` or `…Id` are ids.
 */
@Injectable()
export class RequestShapeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<RequestWithBodyState>();
    if (req.bodyRefusal) throw new DomainError('VALIDATION', req.bodyRefusal);
    for (const [name, value] of Object.entries(req.params ?? {})) {
      if ((name === 'id' || name.endsWith('Id')) && !UUID.test(String(value))) {
        throw new DomainError('VALIDATION', `${name} is not a valid id.`, [{ field: name, message: 'must be a UUID' }]);
      }
    }
    return true;
  }
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
