import type { Message, Page } from '@tryg/shared';
import { HISTORY_PAGE_MAX } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';

/** History, oldest first: the page just before a message (for "show earlier"). */
export function listMessagesBefore(groupId: string, beforeId: string): Promise<Page<Message>> {
  const query = new URLSearchParams({ before: beforeId, limit: String(HISTORY_PAGE_MAX) });
  return apiRequest<Page<Message>>(`/groups/${encodeURIComponent(groupId)}/messages?${query.toString()}`);
}

/** History, oldest first: the page just after a message (catch-up beyond what a rejoin returns). */
export function listMessagesAfter(groupId: string, afterId: string): Promise<Page<Message>> {
  const query = new URLSearchParams({ after: afterId, limit: String(HISTORY_PAGE_MAX) });
  return apiRequest<Page<Message>>(`/groups/${encodeURIComponent(groupId)}/messages?${query.toString()}`);
}
