/**
 * How the registration options near a worker are ordered (GET /api/options, and on the phone offline).
 *
 * The rule, as a worker would put it: "a place I can reach soon beats a place far away, and a visit far in the
 * future is worth less than one this week". Each visit or point gets an effective cost in metres:
 *
 *   cost = distance_m + WAIT_PENALTY_M_PER_DAY × days until it can be used
 *
 * A point that offers registration can be used any day (wait 0); a visit only from its start (wait 0 while it
 * is under way). With 1 km per day of waiting, a visit 5 km away in 7 days (cost 12 km) comes before a point
 * 20 km away, and a point 8 km away comes before a visit next door a month from now (cost ≈ 30 km).
 * Ties (equal cost) go to what can be used right now (a visit under way or a point open now, then a point whose
 * hours are unknown, then a closed point), then to the nearer place, then visits before points, then by id.
 */
import type { LngLat } from '../geo/types.js';

/** Metres of walking or riding that one day of waiting is worth. */
export const WAIT_PENALTY_M_PER_DAY = 1000;

const MS_PER_DAY = 86_400_000;

/** A scheduled outreach visit where staff register workers. */
export interface VisitOption {
  kind: 'visit';
  /** Occurrence id: `v7` or `s3:2026-12-07`. */
  visit_id: string;
  point_id: number;
  /** The venue's name, e.g. "Kantor Perbekel Bunutin". */
  name: string;
  /** Great-circle metres from the asker (0.1 m). */
  distance_m: number;
  /** ISO 8601 with +08:00. */
  starts_at: string;
  ends_at: string;
  activities: string[];
  /** The venue's village (tells apart two venues of the same name) and [lng, lat] position. */
  village_code: string | null;
  position: LngLat;
}

/** An active service point whose services include registration. */
export interface PointOption {
  kind: 'point';
  point_id: number;
  name: string;
  distance_m: number;
  services: string[];
  /** null when its hours are unknown. */
  open_now: boolean | null;
  village_code: string | null;
  position: LngLat;
}

/** An official online channel (data/registration_guide.json); always listed, always last. */
export interface OnlineOption {
  kind: 'online';
  channel: string;
  url: string;
  /** What to have ready, in Indonesian as the guide words it, e.g. "NIK (KTP)". */
  requirements: string[];
  /** Stable ids of the same requirements (nik, email, phone) for translation. */
  requirement_ids: string[];
}

export type PlaceOption = VisitOption | PointOption;
export type RegistrationOption = PlaceOption | OnlineOption;

/** Days (fractional, ≥ 0) from `now` until the option can be used. */
export function waitDays(o: PlaceOption, now: Date): number {
  if (o.kind === 'point') return 0;
  return Math.max(0, (Date.parse(o.starts_at) - now.getTime()) / MS_PER_DAY);
}

/** The effective cost of an option in metres: distance plus the waiting penalty. */
export function effectiveCostM(o: PlaceOption, now: Date): number {
  return o.distance_m + WAIT_PENALTY_M_PER_DAY * waitDays(o, now);
}

/** 0 usable right now, 1 unknown, 2 closed now (only breaks ties of equal cost). */
function readiness(o: PlaceOption, now: Date): number {
  if (o.kind === 'visit') return Date.parse(o.starts_at) <= now.getTime() ? 0 : 1;
  return o.open_now === true ? 0 : o.open_now === null ? 1 : 2;
}

const idOf = (o: PlaceOption) => (o.kind === 'visit' ? o.visit_id : `p${o.point_id}`);

/** Compares two options by the documented rule (negative when `a` comes first). */
export function compareOptions(a: PlaceOption, b: PlaceOption, now: Date): number {
  return (
    effectiveCostM(a, now) - effectiveCostM(b, now) ||
    readiness(a, now) - readiness(b, now) ||
    a.distance_m - b.distance_m ||
    (a.kind === b.kind ? 0 : a.kind === 'visit' ? -1 : 1) ||
    (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0)
  );
}

/** Visits and points together in the documented order, the first `limit` of them. */
export function rankOptions<T extends PlaceOption>(options: readonly T[], now: Date, limit = Infinity): T[] {
  return [...options].sort((a, b) => compareOptions(a, b, now)).slice(0, limit);
}
