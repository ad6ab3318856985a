import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type CaseRole, hasPermission } from '@tryg/shared';
import { DomainError } from '../../common/domain-error';
import type { AuthenticatedRequest } from '../../common/request-auth';
import { CaseCoordinatorEntity } from './entities/case-coordinator.entity';

/** The caller's place on the case a route names; only this guard creates one. */
export interface CaseAccess {
  clientId: string;
  accountId: string;
  role: CaseRole;
}

interface RequestWithCase extends AuthenticatedRequest {
  caseAccess?: CaseAccess;
}

/**
 * The one rule of case work: only the case's own coordinators reach it. Everyone else —
 * participants, facilitators, admins, other coordinators — gets the 404 a missing case gets, on
 * every `/clients` route, before the body is even read, so nothing tells a case that exists from
 * one that does not. Both answers come from the same single lookup.
 */
@Injectable()
export class CaseAccessGuard implements CanActivate {
  constructor(@InjectRepository(CaseCoordinatorEntity) private readonly places: Repository<CaseCoordinatorEntity>) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<RequestWithCase>();
    const auth = req.auth;
    if (!auth) throw new DomainError('UNAUTHENTICATED');
    if (!hasPermission(auth.role, 'client.keep')) throw new DomainError('NOT_FOUND');
    const clientId: unknown = req.params?.id;
    if (clientId === undefined) return true;
    if (typeof clientId !== 'string') throw new DomainError('NOT_FOUND');
    const place = await this.places.findOne({
      where: { clientId, accountId: auth.accountId },
      select: { role: true },
    });
    if (!place) throw new DomainError('NOT_FOUND');
    req.caseAccess = { clientId, accountId: auth.accountId, role: place.role };
    return true;
  }
}

/** The access the guard established for this request's case. */
export const CurrentCase = createParamDecorator((_data: unknown, context: ExecutionContext): CaseAccess => {
  const access = context.switchToHttp().getRequest<RequestWithCase>().caseAccess;
  // Only reachable when a route forgot the guard: refuse rather than act without a check.
  if (!access) throw new DomainError('NOT_FOUND');
  return access;
});

/** Managing the case's stand-ins is the primary coordinator's (a stand-in is known to it: 403). */
export function assertPrimary(access: CaseAccess): void {
  if (access.role !== 'primary') throw new DomainError('FORBIDDEN', 'Only the primary coordinator can do this.');
}
