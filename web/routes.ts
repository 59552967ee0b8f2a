import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SessionRole } from './shared/LoginGate';

/**
 * The app's pages. Each feature exports a default page component from web/features/<name>/Page.tsx;
 * pages are lazy-loaded so a worker's phone downloads only the finder on first load.
 */
export interface RouteDef {
  path: string;
  labelKey: string;
  /** Shown in the nav to everyone (workers) or only after a staff login. */
  audience: 'public' | 'staff';
  /** Roles that may open a staff page (admin always may); the nav shows a signed-in user only these. */
  roles?: SessionRole[];
  component: LazyExoticComponent<ComponentType>;
  /** Also matches deeper paths (`/desa/51.06.02.2001`); the page reads the rest from the hash. */
  prefix?: boolean;
  /** Reached by links and shared URLs, not listed in the nav. */
  hidden?: boolean;
}

/** The route for a hash path: an exact match, or a prefix route followed by `/…`. */
export function routeFor(path: string): RouteDef | undefined {
  return ROUTES.find((r) => r.path === path || (r.prefix && path.startsWith(`${r.path}/`)));
}

export const ROUTES: RouteDef[] = [
  { path: '/', labelKey: 'nav.finder', audience: 'public', component: lazy(() => import('./features/finder/Page')) },
  // A village's shareable page, e.g. #/desa/51.06.02.2001 (posters' QR codes open it).
  { path: '/desa', labelKey: 'nav.finder', audience: 'public', prefix: true, hidden: true, component: lazy(() => import('./features/finder/VillagePage')) },
  { path: '/planner', labelKey: 'nav.planner', audience: 'staff', roles: ['planner'], component: lazy(() => import('./features/planner/Page')) },
  { path: '/coverage', labelKey: 'nav.coverage', audience: 'staff', roles: ['planner'], component: lazy(() => import('./features/coverage/Page')) },
  { path: '/impact', labelKey: 'nav.impact', audience: 'staff', roles: ['planner'], component: lazy(() => import('./features/impact/Page')) },
  { path: '/staff', labelKey: 'nav.staff', audience: 'staff', roles: ['staff'], component: lazy(() => import('./features/staff/Page')) },
  // A visit's event page, e.g. #/acara/v7 (posters' QR codes and visit cards open it).
  { path: '/acara', labelKey: 'nav.event', audience: 'public', prefix: true, hidden: true, component: lazy(() => import('./features/event/Page')) },
];

/** Whether `role` may open `route` (public pages: everyone; admin: every page). */
export function canOpen(route: RouteDef, role: SessionRole | null | undefined): boolean {
  if (route.audience === 'public') return true;
  if (!role) return false;
  return role === 'admin' || (route.roles ?? []).includes(role);
}
