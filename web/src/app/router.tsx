import { createBrowserRouter, type RouteObject } from 'react-router';
import type { PageHandle } from './pages';
import { redirectIfSignedIn, requireAccount } from './route-guards';
import { requireIncidentLog } from './routes/log/log-guard';
import { LoadingShell, RootErrorPage } from './routes/fallback-pages';
import { RootLayout } from './routes/root-layout';
import { RouteErrorPage } from './routes/route-error-page';

/** Which page of `pages.ts` a route is (its title, who may open it). */
const page = (name: PageHandle['page']): PageHandle => ({ page: name });

// Pages load on demand, so the first screen downloads only the shell and the page it shows.
export const routes: RouteObject[] = [
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
            handle: page('login'),
            loader: redirectIfSignedIn,
            lazy: async () => ({ Component: (await import('./routes/login-route')).LoginRoute }),
          },
          {
            path: 'recover',
            handle: page('recover'),
            loader: redirectIfSignedIn,
            lazy: async () => ({ Component: (await import('./routes/recover-route')).RecoverRoute }),
          },
          {
            // Joining with a referral code: public, and for a signed-in participant joining another group.
            path: 'join',
            handle: page('join'),
            lazy: async () => ({ Component: (await import('./routes/join-route')).JoinRoute }),
          },
          {
            loader: requireAccount,
            lazy: async () => ({ Component: (await import('./routes/signed-in-layout')).SignedInLayout }),
            children: [
              {
                index: true,
                handle: page('home'),
                lazy: async () => ({ Component: (await import('./routes/home-route')).HomeRoute }),
              },
              {
                path: 'account',
                handle: page('account'),
                lazy: async () => ({ Component: (await import('./routes/account-route')).AccountRoute }),
              },
              {
                // A group's live room (its approved members and facilitators).
                path: 'groups/:groupId/room',
                handle: page('room'),
                lazy: async () => ({ Component: (await import('./routes/live-room-route')).LiveRoomRoute }),
              },
              {
                // Sessions ("møder"): the member's agenda, a facilitator's planning and attendance.
                path: 'meetings',
                handle: page('meetings'),
                lazy: async () => ({ Component: (await import('./routes/meetings-route')).MeetingsRoute }),
              },
              {
                path: 'groups/:groupId/schedule',
                handle: page('schedule'),
                lazy: async () => ({ Component: (await import('./routes/schedule-route')).ScheduleRoute }),
              },
              {
                path: 'groups/:groupId/attendance',
                handle: page('attendance'),
                lazy: async () => ({ Component: (await import('./routes/attendance-route')).AttendanceRoute }),
              },
              {
                path: 'admin/groups',
                handle: page('adminGroups'),
                lazy: async () => ({ Component: (await import('./routes/admin-groups-route')).AdminGroupsRoute }),
              },
              {
                path: 'admin/groups/:groupId',
                handle: page('adminGroup'),
                lazy: async () => ({ Component: (await import('./routes/admin-group-route')).AdminGroupRoute }),
              },
              {
                path: 'referrals',
                handle: page('referrals'),
                lazy: async () => ({ Component: (await import('./routes/referrals-route')).ReferralsRoute }),
              },
              {
                // Case work: the coordinator's clients, their plans and screenings.
                path: 'clients',
                handle: page('clients'),
                lazy: async () => ({ Component: (await import('./routes/clients-route')).ClientsRoute }),
              },
              {
                path: 'clients/:clientId',
                handle: page('client'),
                lazy: async () => ({ Component: (await import('./routes/client-case-route')).ClientCaseRoute }),
              },
              {
                path: 'intake/:groupId',
                handle: page('intake'),
                lazy: async () => ({ Component: (await import('./routes/intake-route')).IntakeRoute }),
              },
              {
                // A group's moderation desk (its facilitators).
                path: 'groups/:groupId/moderation',
                handle: page('moderation'),
                lazy: async () => ({ Component: (await import('./routes/moderation-route')).ModerationRoute }),
              },
              {
                // Facilitator cover: a facilitator's week of gaps to take and meetings taken.
                path: 'cover',
                handle: page('cover'),
                lazy: async () => ({ Component: (await import('./routes/cover-route')).CoverRoute }),
              },
              {
                // Every group's cover gaps (admin).
                path: 'admin/cover-gaps',
                handle: page('adminCoverGaps'),
                lazy: async () => ({ Component: (await import('./routes/admin-cover-gaps-route')).AdminCoverGapsRoute }),
              },
              {
                path: 'admin/staff',
                handle: page('adminStaff'),
                lazy: async () => ({ Component: (await import('./routes/admin-staff-route')).AdminStaffRoute }),
              },
              {
                path: 'admin/audit',
                handle: page('adminAudit'),
                lazy: async () => ({ Component: (await import('./routes/admin-audit-route')).AdminAuditRoute }),
              },
              {
                // Help lines and the watched words every group shares (admin).
                path: 'admin/safety',
                handle: page('adminSafety'),
                lazy: async () => ({ Component: (await import('./routes/admin-safety-route')).AdminSafetyRoute }),
              },
              {
                // The incident log (participants only).
                path: 'log',
                loader: requireIncidentLog,
                children: [
                  {
                    index: true,
                    handle: page('log'),
                    lazy: async () => ({ Component: (await import('./routes/log/log-list-route')).LogListRoute }),
                  },
                  {
                    path: 'new',
                    handle: page('logNew'),
                    lazy: async () => ({ Component: (await import('./routes/log/log-new-route')).LogNewRoute }),
                  },
                  {
                    path: 'pattern',
                    handle: page('logPattern'),
                    lazy: async () => ({
                      Component: (await import('./routes/log/log-pattern-route')).LogPatternRoute,
                    }),
                  },
                  {
                    path: 'export',
                    handle: page('logExport'),
                    lazy: async () => ({ Component: (await import('./routes/log/log-export-route')).LogExportRoute }),
                  },
                  {
                    path: ':entryId',
                    handle: page('logEntry'),
                    lazy: async () => ({ Component: (await import('./routes/log/log-entry-route')).LogEntryRoute }),
                  },
                  {
                    path: ':entryId/edit',
                    handle: page('logEdit'),
                    lazy: async () => ({ Component: (await import('./routes/log/log-edit-route')).LogEditRoute }),
                  },
                ],
              },
            ],
          },
          {
            path: '*',
            handle: page('notFound'),
            lazy: async () => ({ Component: (await import('./routes/not-found-route')).NotFoundRoute }),
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
