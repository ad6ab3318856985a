import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function unassignFacilitator(groupId: string, accountId: string): Promise<void> {
  return apiRequest<void>(`/groups/${encodeURIComponent(groupId)}/facilitators/${encodeURIComponent(accountId)}`, {
    method: 'DELETE',
  });
}

export function useUnassignFacilitator(groupId: string) {
  return useMutation({ mutationFn: (accountId: string) => unassignFacilitator(groupId, accountId) });
}
