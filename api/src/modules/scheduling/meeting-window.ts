/** When a meeting's room opens: `openMinutesBefore` (the group's setting) before it starts. */
export function windowOpensAt(meeting: { startsAt: Date }, openMinutesBefore: number): Date {
  return new Date(meeting.startsAt.getTime() - openMinutesBefore * 60_000);
}
