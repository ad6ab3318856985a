import { redirect } from 'react-router';
import { meQueryOptions } from '../features/auth/api/get-me';
import { queryClient } from '../lib/query-client';

/** Pages behind sign-in: nobody signed in → the login page, before anything renders. */
export async function requireAccount(): Promise<null> {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  if (!me) throw redirect('/login');
  return null;
}

/** The login and recovery pages: already signed in → home. */
export async function redirectIfSignedIn(): Promise<null> {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  if (me) throw redirect('/');
  return null;
}
