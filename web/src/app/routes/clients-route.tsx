import { useNavigate } from 'react-router';
import { hasPermission } from '@tryg/shared';
import { ClientsPage } from '../../features/clients/components/clients-page';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** Coordinator: "My clients" — the cases, what needs attention first, and opening a new one. */
export function ClientsRoute() {
  const { account } = useSignedIn();
  const navigate = useNavigate();
  if (!hasPermission(account.role, 'client.keep')) return <NotFoundRoute />;
  return <ClientsPage onOpened={(clientId) => void navigate(`/clients/${clientId}`)} />;
}
