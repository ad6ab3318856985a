/** Bus topic: a group's meetings changed (created, moved, cancelled); the room window follows them. */
export const MEETINGS_CHANGED = 'meetings.changed';
export interface MeetingsChange {
  groupId: string;
}
