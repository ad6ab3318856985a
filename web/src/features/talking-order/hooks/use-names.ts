import { useMemo } from 'react';
import { useGroupMembers } from '../../../lib/queries/group-members';

/** Member id → pseudonym, for the floor's ids (members the reader may not see are not in it). */
export function useNames(groupId: string): (memberId: string) => string | null {
  const members = useGroupMembers(groupId);
  const names = useMemo(
    () => new Map((members.data?.items ?? []).map((m) => [m.memberId, m.displayName])),
    [members.data],
  );
  return (memberId) => names.get(memberId) ?? null;
}
