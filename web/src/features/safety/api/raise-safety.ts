import { useMutation } from '@tanstack/react-query';
import type { OwnSafetyAlert, RaiseSafetyDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath } from './safety-keys';

/** "I'm not safe right now" / "I think I know this person": a private alert to the group's facilitators. */
export function raiseSafety(groupId: string, body: RaiseSafetyDto): Promise<OwnSafetyAlert> {
  return apiRequest<OwnSafetyAlert>(`${groupPath(groupId)}/safety`, { method: 'POST', body });
}

export function useRaiseSafety(groupId: string) {
  return useMutation({ mutationFn: (body: RaiseSafetyDto) => raiseSafety(groupId, body) });
}
