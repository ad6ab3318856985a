import { apiRequest } from '../../../lib/api-client';

/** Tells the server the person is using the page (the request itself restarts the idle timer). */
export function reportActivity(): Promise<void> {
  return apiRequest<void>('/auth/activity', { method: 'POST' });
}
