import { redirect } from 'react-router';
import { hasPermission } from '@tryg/shared';
import { meQueryOptions } from '../../../features/auth/api/get-me';
import { queryClient } from '../../../lib/query-client';

/** The log is the participant's alone: staff have none, so their way there leads home. */
export async function requireIncidentLog(): Promise<null> {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  if (!me) throw redirect('/login');
  if (!hasPermission(me.account.role, 'incident-log.keep')) throw redirect('/');
  return null;
}
