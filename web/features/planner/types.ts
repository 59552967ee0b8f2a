/** API shapes the planner uses (issue 4; see /api/openapi.json). Coordinates are [lng, lat]. */
import type { LngLat } from '../../api/types';

export type Activity = 'sosialisasi' | 'pendaftaran' | 'cetak_kartu' | 'konsultasi' | 'klaim';
export const ACTIVITIES: Activity[] = ['sosialisasi', 'pendaftaran', 'cetak_kartu', 'konsultasi', 'klaim'];
export type VisitStatus = 'scheduled' | 'cancelled' | 'draft';

/** One occurrence from GET /api/visits; team/capacity/notes only for planners. Times ISO 8601 +08:00. */
export interface PlannerVisit {
  id: string;
  series_id: string | null;
  point_id: number | string;
  point_name: string | null;
  position: LngLat | null;
  starts_at: string;
  ends_at: string;
  title: string;
  activities: Activity[];
  status: VisitStatus;
  team?: string | null;
  capacity?: number | null;
  notes?: string | null;
}

/** A conflict warning; the UI translates `code` and shows `message` as detail. */
export interface Warning {
  code: string;
  message: string;
  occurrence_id?: string;
  other_id?: string;
}

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

/** What POST/PATCH /api/visits answer: the saved visit or series plus warnings. */
export interface SavedVisit {
  id: string | number;
  warnings?: Warning[];
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
  warnings: Warning[];
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
