/** API shapes only the planner uses (issue 4; see /api/openapi.json); shared visit shapes are in web/api/types.ts. Coordinates are [lng, lat]. */
import type { Activity, LngLat, VisitStatus, VisitWarning } from '../../api/types';

/** POST /api/visits body. */
export interface VisitBody {
  point_id: number;
  title: string;
  activities: Activity[];
  starts_at: string;
  ends_at: string;
  team?: string;
  capacity?: number;
  notes?: string;
  status?: VisitStatus;
  repeat?: { on_market_days: true; until: string };
}

/** GET /api/plans/day: a team's visits for one date in visiting order, legs and the travel model. */
export interface DayPlan {
  date: string;
  team: string;
  start: LngLat | null;
  times: string;
  stops: DayPlanStop[];
  legs: DayPlanLeg[];
  totals: { visits: number; distance_m: number; road_distance_m: number; duration_min: number };
  /** The travel assumptions (circuity, speed_kmh, stop_overhead_min, descriptions). */
  model: Record<string, string | number>;
  warnings: VisitWarning[];
}

export interface DayPlanStop {
  order: number;
  visit_id: string;
  series_id: string | null;
  point_id: number;
  point_name: string | null;
  position: LngLat;
  title: string;
  activities: Activity[];
  status: VisitStatus;
  window: { start: string; end: string };
  fixed: boolean;
}

/** One leg; from_id is 'start' for the leg from the start position. Metres and minutes. */
export interface DayPlanLeg {
  from_id: string;
  to_id: string;
  distance_m: number;
  road_distance_m: number;
  duration_min: number;
}
