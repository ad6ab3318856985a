import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EditScope, Meeting } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { coverKeys } from './cover-keys';

export interface CoverChange {
  meetingId: string;
  groupId: string;
  action: 'take' | 'give-back';
  scope: EditScope;
}

/** POST takes the meeting, DELETE gives it back; `following` includes the rest of its series. */
export function changeCover({ meetingId, action, scope }: CoverChange): Promise<Meeting> {
  return apiRequest<Meeting>(`/meetings/${encodeURIComponent(meetingId)}/cover?scope=${scope}`, {
    method: action === 'take' ? 'POST' : 'DELETE',
  });
}

/** Gaps, my cover and the group's meetings all change with it. */
export function useChangeCover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeCover,
    onSettled: (_data, _error, change) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: coverKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.groupMeetings(change.groupId) }),
      ]),
  });
}
