import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useClient } from '../api/get-client';
import { ActionPlanPanel } from './action-plan-panel';
import { CaseFilesPanel } from './case-files-panel';
import { CaseOverview } from './case-overview';
import { CaseReferralsPanel } from './case-referrals-panel';
import { ScreeningsPanel } from './screenings-panel';
import { StandInsPanel } from './stand-ins-panel';
import '../clients.css';

/** One case: overview, stand-ins, the action plan, screenings, referrals and the files for a meeting. */
export function ClientCasePage({ clientId, notFound }: { clientId: string; notFound: ReactNode }) {
  const { t } = useTranslation();
  const client = useClient(clientId);
  if (client.isPending) return <Loading label={t('app.loading')} />;
  if (client.error instanceof ApiError && client.error.status === 404) return notFound;
  if (client.isError) return <Notice tone="error">{errorMessage(t, client.error)}</Notice>;
  const data = client.data;
  return (
    <div className="page case-page">
      <p>
        <Link to="/clients">{t('clients.case.back')}</Link>
      </p>
      <h1>{data.reference ?? t('clients.unreadable')}</h1>
      <CaseOverview key={`${data.id}-${data.nextReviewOn ?? ''}`} client={data} />
      <ActionPlanPanel client={data} />
      <ScreeningsPanel client={data} />
      <StandInsPanel client={data} />
      <CaseReferralsPanel client={data} />
      <CaseFilesPanel clientId={data.id} />
    </div>
  );
}
