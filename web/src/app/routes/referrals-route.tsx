import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { IssueReferralPanel } from '../../features/referrals/components/issue-referral-panel';
import { ReferralsListPanel } from '../../features/referrals/components/referrals-list-panel';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** Coordinator: make a one-time code, and follow the referrals made. */
export function ReferralsRoute() {
  const { t } = useTranslation();
  const { account } = useSignedIn();
  if (!hasPermission(account.role, 'referral.issue')) return <NotFoundRoute />;
  return (
    <div className="page">
      <h1>{t('referralJourney.referrals.title')}</h1>
      <p className="lead">{t('referralJourney.referrals.intro')}</p>
      <IssueReferralPanel />
      <ReferralsListPanel />
    </div>
  );
}
