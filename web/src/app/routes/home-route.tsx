import { AdminHome } from './home/admin-home';
import { CoordinatorHome } from './home/coordinator-home';
import { FacilitatorHome } from './home/facilitator-home';
import { ParticipantHome } from './home/participant-home';
import { useSignedIn } from './signed-in-layout';
import './home/home.css';

/** One home page per role. */
export function HomeRoute() {
  const { account } = useSignedIn();
  switch (account.role) {
    case 'participant':
      return <ParticipantHome />;
    case 'facilitator':
      return <FacilitatorHome />;
    case 'coordinator':
      return <CoordinatorHome />;
    case 'admin':
      return <AdminHome />;
  }
}
