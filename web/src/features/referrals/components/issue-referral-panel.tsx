import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useGroups } from '../api/list-groups';
import { useIssueReferral } from '../api/issue-referral';
import { toIssueReferralBody } from '../referral-form';
import { CodeShownOnce } from './code-shown-once';
import { IssueReferralForm } from './issue-referral-form';

function issueErrorText(t: TFunction, error: unknown): string {
  // The client reference is on the group's ban list: say so without saying who or why.
  if (error instanceof ApiError && error.code === 'BANNED') return t('referralJourney.referrals.banned');
  return errorMessage(t, error);
}

/** Make a one-time code; once made, the form gives way to the code until the coordinator is done. */
export function IssueReferralPanel() {
  const { t } = useTranslation();
  const groups = useGroups();
  const mutation = useIssueReferral();
  return (
    <Panel title={t('referralJourney.referrals.issueTitle')}>
      {mutation.data ? (
        <CodeShownOnce
          code={mutation.data.code}
          expiresAt={mutation.data.referral.expiresAt}
          onDone={() => mutation.reset()}
        />
      ) : (
        <>
          <p>{t('referralJourney.referrals.issueIntro')}</p>
          {mutation.isError ? <Notice tone="error">{issueErrorText(t, mutation.error)}</Notice> : null}
          {groups.isPending ? <Loading label={t('app.loading')} /> : null}
          {groups.isError ? <Notice tone="error">{errorMessage(t, groups.error)}</Notice> : null}
          {groups.isSuccess && groups.data.items.length === 0 ? <p>{t('referralJourney.referrals.noGroups')}</p> : null}
          {groups.isSuccess && groups.data.items.length > 0 ? (
            <IssueReferralForm
              groups={groups.data.items}
              isBusy={mutation.isPending}
              onSubmit={(values) => mutation.mutate(toIssueReferralBody(values))}
            />
          ) : null}
        </>
      )}
    </Panel>
  );
}
