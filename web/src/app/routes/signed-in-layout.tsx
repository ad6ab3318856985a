import { Navigate, Outlet, useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '@tryg/shared';
import { Loading } from '../../components/ui/loading';
import { useMe } from '../../features/auth/api/get-me';
import { IdleWarning } from '../../features/session-timeout/components/idle-warning';

/** Pages for signed-in people; when the session ends (sign-out, expiry, revocation) → login. */
export function SignedInLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me === null) return <Navigate to="/login" replace />;
  if (me === undefined) return <Loading label={t('app.loading')} />;
  return (
    <>
      <IdleWarning />
      <Outlet context={me} />
    </>
  );
}

export function useSignedIn(): MeResponse {
  return useOutletContext<MeResponse>();
}
