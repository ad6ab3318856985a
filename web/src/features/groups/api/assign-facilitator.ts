import { useMutation } from '@tanstack/react-query';
import type { AssignFacilitatorDto, Member } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';

export function assignFacilitator(groupId: string, body: AssignFacilitatorDto): Promise<Member> {
  return apiRequest<Member>(`/groups/${encodeURIComponent(groupId)}/facilitators`, { method: 'POST', body });
}

export function useAssignFacilitator(groupId: string) {
  return useMutation({ mutationFn: (body: AssignFacilitatorDto) => assignFacilitator(groupId, body) });
}
