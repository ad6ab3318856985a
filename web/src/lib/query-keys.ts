/** Query keys used by more than one feature live here, so features never import each other. */
export const queryKeys = {
  me: ['me'] as const,
  clientConfig: ['client-config'] as const,
  sessions: ['auth', 'sessions'] as const,
  staff: ['admin', 'staff'] as const,
  audit: ['admin', 'audit'] as const,
  // Scheduling: the agenda, the schedule editor and attendance share groups and meetings.
  visibleGroups: ['groups', 'list'] as const,
  groupDetail: (groupId: string) => ['groups', 'detail', groupId] as const,
  groupMeetings: (groupId: string) => ['groups', groupId, 'meetings'] as const,
  groupAttendance: (groupId: string) => ['groups', groupId, 'attendance'] as const,
  notifications: ['notifications'] as const,
  // Members and referrals (issue 3); groups use visibleGroups and groupDetail above.
  members: (groupId: string) => ['groups', groupId, 'members'] as const,
  referrals: ['referrals'] as const,
  // The talking order: the floor query is set from `floor:update` events as they come.
  floor: (groupId: string) => ['groups', groupId, 'floor'] as const,
};
