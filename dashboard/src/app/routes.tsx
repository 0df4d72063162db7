import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireSession } from '../auth/require-session';
import { SignInPage } from '../auth/sign-in-page';
import { Loading } from '../ui/query-state';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

/** A page's module loads the first time it is opened (one chunk per area). */
const page = <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) => ({
  lazy: async () => ({ Component: pick(await load()) }),
});

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        // Shown while the first page's lazy module loads.
        hydrateFallbackElement: <Loading />,
        children: [
          { index: true, element: <Navigate to="/events" replace /> },
          {
            path: 'events',
            ...page(
              () => import('../events/events-page'),
              (m) => m.EventsPage,
            ),
          },
          {
            path: 'events/new',
            ...page(
              () => import('../events/event-form-page'),
              (m) => m.CreateEventPage,
            ),
          },
          {
            path: 'events/:id',
            ...page(
              () => import('../events/event-detail-page'),
              (m) => m.EventDetailPage,
            ),
          },
          {
            path: 'events/:id/edit',
            ...page(
              () => import('../events/event-form-page'),
              (m) => m.EditEventPage,
            ),
          },
          {
            path: 'rewards',
            ...page(
              () => import('../rewards/catalog-page'),
              (m) => m.CatalogPage,
            ),
          },
          {
            path: 'review',
            ...page(
              () => import('../review/review-queue-page'),
              (m) => m.ReviewQueuePage,
            ),
          },
          {
            path: 'requests',
            ...page(
              () => import('../requests/requests-page'),
              (m) => m.RequestsPage,
            ),
          },
          {
            path: 'requests/:id',
            ...page(
              () => import('../requests/request-page'),
              (m) => m.RequestPage,
            ),
          },
          {
            path: 'users',
            ...page(
              () => import('../users/users-page'),
              (m) => m.UsersPage,
            ),
          },
          {
            path: 'analytics',
            ...page(
              () => import('../analytics/analytics-page'),
              (m) => m.AnalyticsPage,
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
