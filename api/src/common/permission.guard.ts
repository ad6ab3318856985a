import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type Permission } from '@tryg/shared';
import { DomainError } from './domain-error';
import { type AuthenticatedRequest, REQUIRED_PERMISSION, type RequestAuth } from './request-auth';

/** Refuses (403) a route whose permission the caller's role lacks. Runs after the session guard. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) return true;
    const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
    if (!auth) throw new DomainError('UNAUTHENTICATED');
    if (!hasPermission(auth.role, permission)) throw new DomainError('FORBIDDEN');
    return true;
  }
}

/**
 * The same rule inside a service, for routes on a resource: the caller must first be allowed to
 * know the resource (404 otherwise), and only then is the role checked (403), per CONTRACT order.
 */
export function assertPermission(role: RequestAuth['role'], permission: Permission): void {
  if (!hasPermission(role, permission)) throw new DomainError('FORBIDDEN');
}
