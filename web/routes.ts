import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The app's pages. Each feature exports a default page component from web/features/<name>/Page.tsx;
 * pages are lazy-loaded so a worker's phone downloads only the finder on first load.
 */
export interface RouteDef {
  path: string;
  labelKey: string;
  /** Shown in the nav to everyone (workers) or only after a staff login. */
  audience: 'public' | 'staff';
  component: LazyExoticComponent<ComponentType>;
  /** Also matches paths below it (`/acara/v7`); such pages are reached by link, not from the nav. */
  prefix?: boolean;
}

/** The route for a hash path: an exact match, or a prefix route the path lies under. */
export function routeFor(path: string): RouteDef | undefined {
  return ROUTES.find((r) => r.path === path) ?? ROUTES.find((r) => r.prefix && path.startsWith(`${r.path}/`));
}

export const ROUTES: RouteDef[] = [
  { path: '/', labelKey: 'nav.finder', audience: 'public', component: lazy(() => import('./features/finder/Page')) },
  { path: '/planner', labelKey: 'nav.planner', audience: 'staff', component: lazy(() => import('./features/planner/Page')) },
  { path: '/coverage', labelKey: 'nav.coverage', audience: 'staff', component: lazy(() => import('./features/coverage/Page')) },
  { path: '/impact', labelKey: 'nav.impact', audience: 'staff', component: lazy(() => import('./features/impact/Page')) },
  { path: '/staff', labelKey: 'nav.staff', audience: 'staff', component: lazy(() => import('./features/staff/Page')) },
  { path: '/acara', labelKey: 'nav.event', audience: 'public', prefix: true, component: lazy(() => import('./features/event/Page')) },
];
