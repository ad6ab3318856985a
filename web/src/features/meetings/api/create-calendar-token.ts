import { useMutation } from '@tanstack/react-query';
import type { CalendarTokenResponse } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';

/** A new secret feed URL; the old one stops working. */
export function createCalendarToken(): Promise<CalendarTokenResponse> {
  return apiRequest<CalendarTokenResponse>('/me/calendar-token', { method: 'POST' });
}

/** The URL lives only in this mutation's state (never in the query cache) and vanishes with the view. */
export function useCreateCalendarToken() {
  return useMutation({ mutationFn: createCalendarToken });
}
