import { createParamDecorator, type ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Permission, Role } from '@tryg/shared';
import { DomainError } from './domain-error';

/** Who is calling: set by the session guard (modules/auth) on every signed-in request. */
export interface RequestAuth {
  accountId: string;
  role: Role;
  sessionId: string;
}

export interface AuthenticatedRequest extends Request {
  auth?: RequestAuth;
}

export const IS_PUBLIC = 'tryg:public';
export const REQUIRED_PERMISSION = 'tryg:permission';

/** Open to anyone; documented with `security: []`. */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-tryg-public', true));
}

/** The caller's role must hold this permission (PERMISSIONS in shared/). Resource access is checked in services. */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  return SetMetadata(REQUIRED_PERMISSION, permission);
}

export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): RequestAuth => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new DomainError('UNAUTHENTICATED');
  return auth;
});
