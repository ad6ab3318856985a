/** This feature's query keys (help lines are shared by every group; ignores are per group). */
export const safetyKeys = {
  helpLines: ['help-lines'] as const,
  ignored: (groupId: string) => ['safety', groupId, 'ignored'] as const,
};

export const groupPath = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;
