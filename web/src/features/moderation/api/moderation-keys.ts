import type { QueueFilter } from '@tryg/shared';

/**
 * This feature's query keys. Everything of one group sits under `['moderation', groupId]`, so
 * an action can refresh the whole desk at once (queues, counts, log) with one invalidation.
 */
export const moderationKeys = {
  group: (groupId: string) => ['moderation', groupId] as const,
  summary: (groupId: string) => ['moderation', groupId, 'summary'] as const,
  reports: (groupId: string, status: QueueFilter) => ['moderation', groupId, 'reports', status] as const,
  safety: (groupId: string, status: QueueFilter) => ['moderation', groupId, 'safety', status] as const,
  held: (groupId: string) => ['moderation', groupId, 'held'] as const,
  log: (groupId: string) => ['moderation', groupId, 'log'] as const,
  room: (groupId: string) => ['moderation', groupId, 'room'] as const,
  watchedWords: (groupId: string) => ['moderation', groupId, 'watched-words'] as const,
  notes: (groupId: string, memberId: string) => ['moderation', groupId, 'notes', memberId] as const,
  adminWatchedWords: ['admin', 'watched-words'] as const,
  adminHelpLines: ['admin', 'help-lines'] as const,
};

/** The desk is read again this often while it is open (it has no socket of its own). */
export const DESK_REFRESH_MS = 20_000;

export const groupPath = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;
