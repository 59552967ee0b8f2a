import type { Point } from '../domain/points/point.js';
import type { Activity, Occurrence, SchedulePoint, VisitStatus } from '../domain/schedule/types.js';
import type { MarketDayRule } from '../domain/calendar/marketDays.js';
import type { LngLat } from '../domain/geo/types.js';

/** One listed visit occurrence: the API shape of an item of `GET /api/visits`. */
export interface VisitView {
  id: string;
  series_id: string | null;
  point_id: number;
  point_name: string | null;
  /** [lng, lat] of the point. */
  position: LngLat | null;
  village_code: string | null;
  /** ISO 8601 with +08:00 (WITA). */
  starts_at: string;
  ends_at: string;
  title: string;
  activities: Activity[];
  status: VisitStatus;
  /** True when this occurrence of a series was changed on its own (moved, retitled …). */
  overridden: boolean;
  /** Planner/admin only. */
  team?: string | null;
  capacity?: number | null;
  notes?: string | null;
  /** With `near`: great-circle metres from the given place to the point. */
  distance_m?: number;
}

/** What the schedule domain needs from a stored point. */
export function schedulePoint(p: Point): SchedulePoint {
  return {
    id: p.id, name: p.name, location: p.position,
    market_days: (p.market_days as MarketDayRule | null) ?? null, opens: p.opens, closes: p.closes,
  };
}

/** Shapes an occurrence for the API; team, capacity and notes only when `details` (planners, admins). */
export function occurrenceView(o: Occurrence, point: Point | undefined, details: boolean, distanceM?: number): VisitView {
  return {
    id: o.id,
    series_id: o.series_id,
    point_id: Number(o.point_id),
    point_name: point?.name ?? null,
    position: point?.position ?? null,
    village_code: point?.village_code ?? null,
    starts_at: o.starts_at,
    ends_at: o.ends_at,
    title: o.title,
    activities: o.activities,
    status: o.status,
    overridden: o.overridden,
    ...(details ? { team: o.team, capacity: o.capacity, notes: o.notes } : {}),
    ...(distanceM !== undefined ? { distance_m: Math.round(distanceM * 10) / 10 } : {}),
  };
}
