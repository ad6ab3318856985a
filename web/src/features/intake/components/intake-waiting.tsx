import { useTranslation } from 'react-i18next';
import { useMembers } from '../api/list-members';
import { pendingMembers } from '../intake-rules';

/** On a facilitator's group card: how many people wait for a decision, when anyone does. */
export function IntakeWaiting({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const members = useMembers(groupId);
  const waiting = pendingMembers(members.data?.items ?? []).length;
  if (waiting === 0) return null;
  return <p className="attention-line">{t('referralJourney.intake.waiting', { count: waiting })}</p>;
}
