/** Shapes of outreach visits, recurring series, their exceptions and expanded occurrences. */
import type { MarketDayRule } from '../calendar/marketDays.js';
import type { LngLat } from '../geo/types.js';

/** Database ids may be integers or strings; output ids are always strings. */
export type EntityId = string | number;

/** What the team does at a visit. */
export const ACTIVITIES = ['sosialisasi', 'pendaftaran', 'cetak_kartu', 'konsultasi', 'klaim'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const VISIT_STATUSES = ['scheduled', 'cancelled', 'draft'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** A single outreach visit at a point. Times are ISO 8601 with offset (shown in WITA). */
export interface Visit {
  id: EntityId;
  point_id: EntityId;
  title: string;
  activities: Activity[];
  starts_at: string;
  ends_at: string;
  team?: string | null;
  capacity?: number | null;
  notes?: string | null;
  status: VisitStatus;
}

/**
 * A visit that repeats on the point's market days. The first occurrence is at starts_at; later ones fall
 * on every market date after it through `repeat.until` (a WITA civil date), at the same WITA wall times.
 */
export interface VisitSeries extends Visit {
  repeat: { on_market_days: true; until: string };
  market_days: MarketDayRule;
}

/** Fields an override may change on one occurrence of a series. */
export type OccurrenceChanges = Partial<Pick<Visit, 'starts_at' | 'ends_at' | 'title' | 'activities' | 'team' | 'capacity' | 'notes' | 'status'>>;

/** An exception to one occurrence of a series, keyed by the occurrence's original WITA date. */
export type SeriesException =
  | { series_id: EntityId; date: string; kind: 'cancelled' }
  | { series_id: EntityId; date: string; kind: 'override'; changes: OccurrenceChanges };

/** One concrete visit: an expanded series occurrence or a single visit. Times are formatted +08:00. */
export interface Occurrence {
  /** `${seriesId}:${YYYY-MM-DD}` (original WITA date) for a series occurrence, the visit id for a single visit. */
  id: string;
  series_id: string | null;
  point_id: string;
  starts_at: string;
  ends_at: string;
  title: string;
  activities: Activity[];
  status: VisitStatus;
  team: string | null;
  capacity: number | null;
  notes: string | null;
  /** True when an override changed this occurrence. */
  overridden: boolean;
}

/** What the schedule needs to know about a service point. */
export interface SchedulePoint {
  id: EntityId;
  name: string;
  /** [lng, lat] in degrees; null when unknown. */
  location?: LngLat | null;
  /** Null or absent when the point is not a market-day place. */
  market_days?: MarketDayRule | null;
  /** Market opening window, 'HH:MM' WITA; null = unknown. */
  opens?: string | null;
  closes?: string | null;
}

/** Points by id. A Map or a plain object keyed by String(id). */
export type PointLookup = ReadonlyMap<EntityId, SchedulePoint> | Readonly<Record<string, SchedulePoint>>;

/** Finds a point in a PointLookup whatever the type of its id keys. */
export function lookupPoint(points: PointLookup, id: EntityId): SchedulePoint | undefined {
  if (points instanceof Map) return points.get(id) ?? points.get(String(id)) ?? points.get(Number(id));
  return (points as Readonly<Record<string, SchedulePoint>>)[String(id)];
}
