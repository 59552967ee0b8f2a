import { planDayRoute, type DayStop, type RouteLeg, type RouteWarning } from '../domain/routing/dayRoute.js';
import { AVERAGE_SPEED_KMH, CIRCUITY_FACTOR, STOP_OVERHEAD_MIN } from '../domain/routing/travelTime.js';
import { findConflicts, type ConflictWarning } from '../domain/schedule/conflicts.js';
import type { Activity, Occurrence, VisitStatus } from '../domain/schedule/types.js';
import type { LngLat } from '../domain/geo/types.js';
import { witaWall } from '../domain/schedule/wita.js';
import type { Point } from '../domain/points/point.js';
import { schedulePoint } from './visitViews.js';
import type { VisitService } from './visits.js';

/** How visit times are treated: 'fixed' keeps booked times; 'flexible' orders purely by distance. */
export type PlanTimes = 'fixed' | 'flexible';

export interface DayPlanQuery {
  date: string;
  team: string;
  /** [lng, lat] where the team sets off, e.g. the branch office. */
  start?: LngLat;
  times: PlanTimes;
}

/** One stop of the day, in visiting order. */
export interface PlanStop {
  order: number;
  visit_id: string;
  series_id: string | null;
  point_id: number;
  point_name: string | null;
  position: LngLat;
  title: string;
  activities: Activity[];
  status: VisitStatus;
  /** The booked time of the visit (WITA, +08:00). */
  window: { start: string; end: string };
  /** True when the order had to respect this visit's time. */
  fixed: boolean;
}

/** The travel model behind every leg, so a planner can judge the numbers. */
export const TRAVEL_MODEL = {
  distance: 'great-circle (haversine) between the points, metres',
  circuity: CIRCUITY_FACTOR,
  road_distance: `straight-line distance × ${CIRCUITY_FACTOR} (winding hill roads of Bangli)`,
  speed_kmh: AVERAGE_SPEED_KMH,
  stop_overhead_min: STOP_OVERHEAD_MIN,
  duration: `road distance at ${AVERAGE_SPEED_KMH} km/h plus ${STOP_OVERHEAD_MIN} min per leg for parking and finding the place`,
  note: 'An estimate without a routing engine: no road network, traffic or ferry data.',
} as const;

export interface DayPlan {
  date: string;
  team: string;
  start: LngLat | null;
  times: PlanTimes;
  stops: PlanStop[];
  /** Ids are occurrence ids (strings), and 'start'. */
  legs: Array<RouteLeg & { from_id: string; to_id: string }>;
  totals: { visits: number; distance_m: number; road_distance_m: number; duration_min: number };
  model: typeof TRAVEL_MODEL;
  /** Route warnings (tight_transfer), conflicts (team_overlap, outside_opening_hours, …) and unknown_point. */
  warnings: Array<ConflictWarning | (RouteWarning & { from_id: string; to_id: string }) | { code: 'unknown_point'; params: { title: string; date: string; start: string }; message: string; occurrence_id?: string }>;
}

/** Day route planning for an outreach team (planner use). */
export class PlanService {
  constructor(private readonly visits: VisitService) {}

  /**
   * The team's visits on `date` (WITA) in a feasible order, with legs estimated on hill roads.
   * With times 'fixed', visits keep their booked times and are visited by start; with 'flexible',
   * they are ordered by nearest neighbour + 2-opt/Or-opt from `start` (shortest straight-line path).
   */
  planDay(q: DayPlanQuery): DayPlan {
    const team = q.team.trim().toLowerCase();
    const occurrences = this.visits.occurrencesOn(q.date).filter((o) => o.team?.trim().toLowerCase() === team);
    const points = new Map<number, Point>();
    const warnings: DayPlan['warnings'] = [];
    const located: Array<{ occ: Occurrence; point: Point }> = [];
    for (const occ of occurrences) {
      const point = this.visits.pointById(Number(occ.point_id));
      if (!point) {
        const at = witaWall(new Date(occ.starts_at));
        warnings.push({ code: 'unknown_point', params: { title: occ.title, date: at.slice(0, 10), start: at.slice(11) }, message: `Visit ${occ.id} is at point ${occ.point_id}, which no longer exists; it is left out of the route`, occurrence_id: occ.id });
        continue;
      }
      points.set(point.id, point);
      located.push({ occ, point });
    }
    const stops: DayStop[] = located.map(({ occ, point }) => ({
      id: occ.id,
      label: occ.title,
      position: point.position,
      ...(q.times === 'fixed' ? { window: { start: occ.starts_at, end: occ.ends_at } } : {}),
    }));
    const route = planDayRoute({ start: q.start, stops });
    const byId = new Map(located.map((x) => [x.occ.id, x]));
    const conflicts = findConflicts(located.map((x) => x.occ), [], {
      points: new Map([...points.values()].map((p) => [p.id, schedulePoint(p)])),
      closedDates: this.visits.closed(),
    });
    return {
      date: q.date,
      team: q.team.trim(),
      start: q.start ?? null,
      times: q.times,
      stops: route.stops.map((s, i) => {
        const { occ, point } = byId.get(String(s.id))!;
        return {
          order: i + 1, visit_id: occ.id, series_id: occ.series_id, point_id: point.id, point_name: point.name, position: point.position,
          title: occ.title, activities: occ.activities, status: occ.status, window: { start: occ.starts_at, end: occ.ends_at }, fixed: s.fixed,
        };
      }),
      // The stops are occurrences, whose ids are strings already.
      legs: route.legs.map((l) => ({ ...l, from_id: String(l.from_id), to_id: String(l.to_id) })),
      totals: { visits: route.stops.length, ...route.totals },
      model: TRAVEL_MODEL,
      warnings: [...warnings, ...route.warnings.map((w) => ({ ...w, from_id: String(w.from_id), to_id: String(w.to_id) })), ...conflicts],
    };
  }
}
