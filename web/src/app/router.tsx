import { createBrowserRouter } from 'react-router';
import { redirectIfSignedIn, requireAccount } from './route-guards';
import { LoadingShell, RootErrorPage } from './routes/fallback-pages';
import { RootLayout } from './routes/root-layout';
import { RouteErrorPage } from './routes/route-error-page';

// Pages load on demand, so the first screen downloads only the shell and the page it shows.
export const router = createBrowserRouter([
  {
    Component: RootLayout,
    HydrateFallback: LoadingShell,
    ErrorBoundary: RootErrorPage,
    children: [
      {
        ErrorBoundary: RouteErrorPage,
        children: [
          {
            path: 'login',
            loader: redirectIfSignedIn,
            lazy: async () => ({ Component: (await import('./routes/login-route')).LoginRoute }),
          },
          {
            path: 'recover',
            loader: redirectIfSignedIn,
            lazy: async () => ({ Component: (await import('./routes/recover-route')).RecoverRoute }),
          },
          {
            loader: requireAccount,
            lazy: async () => ({ Component: (await import('./routes/signed-in-layout')).SignedInLayout }),
            children: [
              { index: true, lazy: async () => ({ Component: (await import('./routes/home-route')).HomeRoute }) },
              {
                path: 'account',
                lazy: async () => ({ Component: (await import('./routes/account-route')).AccountRoute }),
              },
            ],
          },
          { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found-route')).NotFoundRoute }) },
        ],
      },
    ],
  },
]);
