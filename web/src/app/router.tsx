import { createBrowserRouter } from 'react-router';
import { redirectIfSignedIn, requireAccount } from './route-guards';
import { requireIncidentLog } from './routes/log/log-guard';
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
            // Joining with a referral code: public, and for a signed-in participant joining another group.
            path: 'join',
            lazy: async () => ({ Component: (await import('./routes/join-route')).JoinRoute }),
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
              {
                // A group's live room (its approved members and facilitators).
                path: 'groups/:groupId/room',
                lazy: async () => ({ Component: (await import('./routes/live-room-route')).LiveRoomRoute }),
              },
              {
                // Sessions ("møder"): the member's agenda, a facilitator's planning and attendance.
                path: 'meetings',
                lazy: async () => ({ Component: (await import('./routes/meetings-route')).MeetingsRoute }),
              },
              {
                path: 'groups/:groupId/schedule',
                lazy: async () => ({ Component: (await import('./routes/schedule-route')).ScheduleRoute }),
              },
              {
                path: 'groups/:groupId/attendance',
                lazy: async () => ({ Component: (await import('./routes/attendance-route')).AttendanceRoute }),
              },
              {
                path: 'admin/groups',
                lazy: async () => ({ Component: (await import('./routes/admin-groups-route')).AdminGroupsRoute }),
              },
              {
                path: 'admin/groups/:groupId',
                lazy: async () => ({ Component: (await import('./routes/admin-group-route')).AdminGroupRoute }),
              },
              {
                path: 'referrals',
                lazy: async () => ({ Component: (await import('./routes/referrals-route')).ReferralsRoute }),
              },
              {
                // Case work: the coordinator's clients, their plans and screenings.
                path: 'clients',
                lazy: async () => ({ Component: (await import('./routes/clients-route')).ClientsRoute }),
              },
              {
                path: 'clients/:clientId',
                lazy: async () => ({ Component: (await import('./routes/client-case-route')).ClientCaseRoute }),
              },
              {
                path: 'intake/:groupId',
                lazy: async () => ({ Component: (await import('./routes/intake-route')).IntakeRoute }),
              },
              {
                // A group's moderation desk (its facilitators).
                path: 'groups/:groupId/moderation',
                lazy: async () => ({ Component: (await import('./routes/moderation-route')).ModerationRoute }),
              },
              {
                // Facilitator cover: a facilitator's week of gaps to take and meetings taken.
                path: 'cover',
                lazy: async () => ({ Component: (await import('./routes/cover-route')).CoverRoute }),
              },
              {
                // Every group's cover gaps (admin).
                path: 'admin/cover-gaps',
                lazy: async () => ({ Component: (await import('./routes/admin-cover-gaps-route')).AdminCoverGapsRoute }),
              },
              {
                // Help lines and the watched words every group shares (admin).
                path: 'admin/safety',
                lazy: async () => ({ Component: (await import('./routes/admin-safety-route')).AdminSafetyRoute }),
              },
              {
                // The incident log (participants only).
                path: 'log',
                loader: requireIncidentLog,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/log/log-list-route')).LogListRoute }),
                  },
                  {
                    path: 'new',
                    lazy: async () => ({ Component: (await import('./routes/log/log-new-route')).LogNewRoute }),
                  },
                  {
                    path: 'pattern',
                    lazy: async () => ({
                      Component: (await import('./routes/log/log-pattern-route')).LogPatternRoute,
                    }),
                  },
                  {
                    path: 'export',
                    lazy: async () => ({ Component: (await import('./routes/log/log-export-route')).LogExportRoute }),
                  },
                  {
                    path: ':entryId',
                    lazy: async () => ({ Component: (await import('./routes/log/log-entry-route')).LogEntryRoute }),
                  },
                  {
                    path: ':entryId/edit',
                    lazy: async () => ({ Component: (await import('./routes/log/log-edit-route')).LogEditRoute }),
                  },
                ],
              },
            ],
          },
          { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found-route')).NotFoundRoute }) },
        ],
      },
    ],
  },
]);
