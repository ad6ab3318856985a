import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ChangeBus } from './change-bus';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An instance that lost contact with the others (Redis down, its messages not coming back)
 * refuses every change with 503 UNAVAILABLE before touching anything: a change it made could not
 * reach the other instances before the answer. Reads still answer from the database.
 */
@Injectable()
export class InstanceContactGuard implements CanActivate {
  constructor(private readonly bus: ChangeBus) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const method = context.switchToHttp().getRequest<{ method: string }>().method;
    if (!READS.has(method)) this.bus.assertHealthy();
    return true;
  }
}
