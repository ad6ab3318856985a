import { type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { TextField } from '../../../components/ui/text-field';
import { useFormRules } from '../../../lib/form-rules';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useChoiceUntilSaved } from '../../../lib/use-choice-until-saved';
import { useLeaveGroup } from '../api/leave-group';
import { useUpdateMembership } from '../api/update-membership';
import { isActive, renameErrorKey, type MyMembership } from '../membership-rules';

export interface MembershipItemProps {
  membership: MyMembership;
  groupName: string | null;
  /** More settings of an approved membership, from other features the page puts here (e.g. the care loop). */
  extra?: (membership: MyMembership) => ReactNode;
}

/** One of my groups: how it stands, my name there, what notifications say, and leaving. */
export function MembershipItem({ membership, groupName, extra }: MembershipItemProps) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const rename = useUpdateMembership(membership.groupId);
  const discretion = useUpdateMembership(membership.groupId);
  const leave = useLeaveGroup();
  const [name, setName] = useState(membership.displayName);
  const active = isActive(membership.status);
  // Settled once my memberships have been read again (useUpdateMembership waits for it).
  const showGroupName = useChoiceUntilSaved(Boolean(membership.showGroupName), (checked, settled) =>
    discretion.mutate({ showGroupName: checked }, { onSettled: settled }),
  );
  const renameKey = renameErrorKey(rename.error);
  const title = groupName ?? t('referralJourney.myGroups.formerGroup');

  return (
    <li className="item membership">
      <h3 className="item-title">{title}</h3>
      <p className={membership.status === 'pending' ? 'waiting-mark' : 'muted'}>
        {t(`referralJourney.myGroups.status.${membership.status}`)}
      </p>
      <p>{t('referralJourney.myGroups.yourName', { name: membership.displayName })}</p>
      {active ? (
        <>
          <Form
            className="form"
            aria-label={t('referralJourney.myGroups.renameLabel', { group: title })}
            onSubmit={(event) => {
              event.preventDefault();
              if (rename.isPending) return;
              rename.mutate({ displayName: name.trim() });
            }}
          >
            {rename.isError ? (
              <Notice tone="error">
                {renameKey ? t(`referralJourney.myGroups.errors.${renameKey}`) : errorMessage(t, rename.error)}
              </Notice>
            ) : null}
            {rename.isSuccess ? <Notice tone="success">{t('referralJourney.myGroups.renamed')}</Notice> : null}
            <TextField
              label={t('referralJourney.myGroups.newName')}
              name="displayName"
              value={name}
              onChange={setName}
              autoComplete="off"
              description={`${t('referralJourney.myGroups.newNameHint')} ${rules.participantNameDescription}`}
              isRequired
              validate={(value) => rules.participantName(value)}
            />
            <Button type="submit" variant="secondary" isBusy={rename.isPending}>
              {rename.isPending ? t('referralJourney.myGroups.saving') : t('referralJourney.myGroups.saveName')}
            </Button>
          </Form>
          <CheckboxField
            label={t('referralJourney.myGroups.showGroupName')}
            name={`showGroupName-${membership.memberId}`}
            checked={showGroupName.value}
            isDisabled={showGroupName.pending}
            onChange={showGroupName.change}
            description={t('referralJourney.myGroups.showGroupNameHint')}
          />
          {discretion.isError ? <Notice tone="error">{errorMessage(t, discretion.error)}</Notice> : null}
          {membership.status === 'approved' && extra ? extra(membership) : null}
          {leave.isError ? <Notice tone="error">{errorMessage(t, leave.error)}</Notice> : null}
          <ConfirmDialog
            triggerLabel={t('referralJourney.myGroups.leave')}
            title={t('referralJourney.myGroups.leaveTitle', { group: title })}
            text={t('referralJourney.myGroups.leaveText')}
            confirmLabel={t('referralJourney.myGroups.leaveConfirm')}
            cancelLabel={t('common.cancel')}
            triggerVariant="quiet"
            isDisabled={leave.isPending}
            onConfirm={() => leave.mutate(membership.groupId)}
          />
        </>
      ) : null}
    </li>
  );
}
