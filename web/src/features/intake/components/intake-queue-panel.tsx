import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useApproveMember } from '../api/approve-member';
import { useDeclineMember } from '../api/decline-member';
import { useMembers } from '../api/list-members';
import { intakeErrorKey, pendingMembers } from '../intake-rules';
import { PendingPersonCard } from './pending-person-card';

interface Outcome {
  name: string;
  decision: 'approved' | 'declined';
}

function decisionErrorText(t: TFunction, error: unknown): string {
  const key = intakeErrorKey(error);
  return key ? t(`referralJourney.intake.errors.${key}`) : errorMessage(t, error);
}

/** The people waiting to join, one at a time; approve or decline each after reading the note. */
export function IntakeQueuePanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const members = useMembers(groupId);
  const approve = useApproveMember(groupId);
  const decline = useDeclineMember(groupId);
  const [skipped, setSkipped] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const pending = pendingMembers(members.data?.items ?? []);
  const index = pending.length === 0 ? 0 : skipped % pending.length;
  const current = pending[index];
  const busy = approve.isPending || decline.isPending;
  const failure = approve.error ?? decline.error;

  const decide = (decision: 'approve' | 'decline') => {
    if (!current) return;
    const name = current.displayName;
    approve.reset();
    decline.reset();
    setOutcome(null);
    const mutation = decision === 'approve' ? approve : decline;
    mutation.mutate(current.memberId, {
      onSuccess: () => setOutcome({ name, decision: decision === 'approve' ? 'approved' : 'declined' }),
    });
  };

  return (
    <Panel title={t('referralJourney.intake.queueTitle')}>
      {members.isPending ? <Loading label={t('app.loading')} /> : null}
      {members.isError ? <Notice tone="error">{errorMessage(t, members.error)}</Notice> : null}
      {outcome ? (
        <Notice tone="success">
          {t(`referralJourney.intake.outcome.${outcome.decision}`, { name: outcome.name })}
        </Notice>
      ) : null}
      {failure ? <Notice tone="error">{decisionErrorText(t, failure)}</Notice> : null}
      {members.isSuccess && pending.length === 0 ? <p>{t('referralJourney.intake.nobodyWaiting')}</p> : null}
      {pending.length > 0 ? <p>{t('referralJourney.intake.waiting', { count: pending.length })}</p> : null}
      {current ? (
        <PendingPersonCard
          groupId={groupId}
          member={current}
          position={index + 1}
          total={pending.length}
          busy={busy}
          onApprove={() => decide('approve')}
          onDecline={() => decide('decline')}
        />
      ) : null}
      {pending.length > 1 ? (
        <Button
          variant="quiet"
          onPress={() => {
            approve.reset();
            decline.reset();
            setOutcome(null);
            setSkipped((count) => count + 1);
          }}
        >
          {t('referralJourney.intake.next')}
        </Button>
      ) : null}
    </Panel>
  );
}
