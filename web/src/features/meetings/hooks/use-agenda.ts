import type { Meeting, Membership } from '@tryg/shared';
import { useMeetingsOfGroups } from '../api/list-group-meetings';
import { useGroups } from '../api/list-groups';
import { agendaGroupIds, buildAgenda, type AgendaEntry } from '../agenda';

export interface AgendaState {
  entries: AgendaEntry[];
  isPending: boolean;
  error: unknown;
  /** The person has a membership still waiting for approval. */
  hasPending: boolean;
}

/** Upcoming meetings across the member's approved groups, soonest first (cheap enough to build each render). */
export function useAgenda(memberships: readonly Membership[], now: Date): AgendaState {
  const { approved, pending } = agendaGroupIds(memberships);
  const groups = useGroups();
  const meetings = useMeetingsOfGroups(approved);
  const wanted = new Set(approved);
  const byGroup = new Map<string, Meeting[]>();
  approved.forEach((groupId, index) => {
    const page = meetings[index]?.data;
    if (page) byGroup.set(groupId, page.items);
  });
  const visible = (groups.data?.items ?? []).filter((group) => wanted.has(group.id));
  return {
    entries: buildAgenda(visible, byGroup, now),
    isPending: groups.isPending || meetings.some((query) => query.isPending),
    error: groups.error ?? meetings.find((query) => query.error)?.error ?? null,
    hasPending: pending,
  };
}
