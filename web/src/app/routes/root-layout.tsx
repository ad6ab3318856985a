import { useRef } from 'react';
import { Outlet } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { useAccountLocale } from '../../features/preferences/hooks/use-account-locale';
import { usePageChange } from '../use-page-change';
import { SiteHeader } from './site-header';
import { PublicNav, SignedInNav } from './site-nav';

export function RootLayout() {
  const { data: me } = useMe();
  useAccountLocale(me?.account);
  const mainRef = useRef<HTMLElement>(null);
  const page = usePageChange(mainRef);

  return (
    <>
      <SiteHeader nav={me ? <SignedInNav me={me} /> : <PublicNav />} />
      <main id="main" tabIndex={-1} ref={mainRef} className={page?.fullHeight ? 'main-full' : undefined}>
        <Outlet />
      </main>
    </>
  );
}
