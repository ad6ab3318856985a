import { ClientsHomePanel } from '../../../features/clients/components/clients-home-panel';
import { ReferralsHomePanel } from '../../../features/referrals/components/referrals-home-panel';
import { AboutHere, Welcome } from './welcome';

export function CoordinatorHome() {
  return (
    <div className="page">
      <Welcome role="coordinator" />
      <ClientsHomePanel />
      <ReferralsHomePanel />
      <AboutHere role="coordinator" />
    </div>
  );
}
