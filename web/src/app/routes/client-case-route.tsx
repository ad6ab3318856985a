import { useParams } from 'react-router';
import { hasPermission } from '@tryg/shared';
import { ClientCasePage } from '../../features/clients/components/client-case-page';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** One client case (its coordinators only; anyone else, as the API, sees "not found"). */
export function ClientCaseRoute() {
  const { account } = useSignedIn();
  const { clientId = '' } = useParams();
  if (!hasPermission(account.role, 'client.keep')) return <NotFoundRoute />;
  return <ClientCasePage key={clientId} clientId={clientId} notFound={<NotFoundRoute />} />;
}
