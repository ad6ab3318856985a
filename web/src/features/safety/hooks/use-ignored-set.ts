import { useMemo } from 'react';
import { useIgnored } from '../api/ignored-members';

/** The members I hide in this group, as a set (empty until loaded; facilitators have no list). */
export function useIgnoredSet(groupId: string, enabled = true): ReadonlySet<string> {
  const ignored = useIgnored(groupId, enabled);
  return useMemo(() => new Set(ignored.data?.memberIds ?? []), [ignored.data]);
}
