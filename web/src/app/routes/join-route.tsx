import { useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { JoinFlow } from '../../features/redeem/components/join-flow';

/** Public: redeem a referral code (a new person), or join another group (a signed-in participant). */
export function JoinRoute() {
  const navigate = useNavigate();
  const { data: me } = useMe();
  return <JoinFlow me={me} onFinished={() => void navigate('/', { replace: true })} />;
}
