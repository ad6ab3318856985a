import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function revokeCalendarToken(): Promise<void> {
  return apiRequest<void>('/me/calendar-token', { method: 'DELETE' });
}

export function useRevokeCalendarToken() {
  return useMutation({ mutationFn: revokeCalendarToken });
}
