import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffItem } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useAssignFacilitator } from '../api/assign-facilitator';
import { useStaff } from '../api/list-staff';
import { useUnassignFacilitator } from '../api/unassign-facilitator';

type Outcome = 'assigned' | 'alreadyAssigned' | 'unassigned' | 'notAssigned';

interface Result {
  name: string;
  outcome: Outcome | null;
  error: unknown;
}

function nameOf(staff: StaffItem): string {
  return staff.displayName ?? staff.login;
}

/**
 * Active facilitator accounts from the staff list, each with assign and remove for this group.
 * The API answers "already assigned" with 409 and "not assigned" with 404; both are told plainly.
 */
export function FacilitatorsPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const assign = useAssignFacilitator(groupId);
  const unassign = useUnassignFacilitator(groupId);
  const [result, setResult] = useState<Result | null>(null);
  const facilitators = (staff.data?.items ?? []).filter((item) => item.role === 'facilitator' && !item.disabled);
  const busy = assign.isPending || unassign.isPending;

  const onAssign = (person: StaffItem) => {
    setResult(null);
    assign.mutate(
      { accountId: person.id },
      {
        onSuccess: () => setResult({ name: nameOf(person), outcome: 'assigned', error: null }),
        onError: (error) =>
          setResult(
            error instanceof ApiError && error.status === 409
              ? { name: nameOf(person), outcome: 'alreadyAssigned', error: null }
              : { name: nameOf(person), outcome: null, error },
          ),
      },
    );
  };
  const onUnassign = (person: StaffItem) => {
    setResult(null);
    unassign.mutate(person.id, {
      onSuccess: () => setResult({ name: nameOf(person), outcome: 'unassigned', error: null }),
      onError: (error) =>
        setResult(
          error instanceof ApiError && error.status === 404
            ? { name: nameOf(person), outcome: 'notAssigned', error: null }
            : { name: nameOf(person), outcome: null, error },
        ),
    });
  };

  return (
    <Panel title={t('referralJourney.groups.facilitatorsTitle')}>
      <p>{t('referralJourney.groups.facilitatorsIntro')}</p>
      {result?.outcome ? (
        <Notice tone={result.outcome === 'assigned' || result.outcome === 'unassigned' ? 'success' : 'info'}>
          {t(`referralJourney.groups.facilitatorOutcome.${result.outcome}`, { name: result.name })}
        </Notice>
      ) : null}
      {result?.error ? <Notice tone="error">{errorMessage(t, result.error)}</Notice> : null}
      {staff.isPending ? <Loading label={t('app.loading')} /> : null}
      {staff.isError ? <Notice tone="error">{errorMessage(t, staff.error)}</Notice> : null}
      {staff.isSuccess && facilitators.length === 0 ? <p>{t('referralJourney.groups.noFacilitators')}</p> : null}
      {facilitators.length > 0 ? (
        <ul className="item-list" aria-label={t('referralJourney.groups.facilitatorsList')}>
          {facilitators.map((person) => (
            <li key={person.id} className="item">
              <p className="item-title">{nameOf(person)}</p>
              <p className="muted">
                {t('referralJourney.groups.facilitatorLogin')} <code>{person.login}</code>
              </p>
              <div className="item-actions">
                <Button variant="secondary" isBusy={busy} onPress={() => onAssign(person)}>
                  {t('referralJourney.groups.assign', { name: nameOf(person) })}
                </Button>
                <ConfirmDialog
                  triggerLabel={t('referralJourney.groups.unassign', { name: nameOf(person) })}
                  title={t('referralJourney.groups.unassignTitle', { name: nameOf(person) })}
                  text={t('referralJourney.groups.unassignText')}
                  confirmLabel={t('referralJourney.groups.unassignConfirm')}
                  cancelLabel={t('common.cancel')}
                  triggerVariant="quiet"
                  isDisabled={busy}
                  onConfirm={() => onUnassign(person)}
                />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
