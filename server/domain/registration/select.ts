/**
 * Which visits and points are registration options for a worker at a position: the same pure code answers
 * GET /api/options on the server and, offline, on the phone from cached points and visits.
 */
import { haversineM } from '../geo/distance.js';
import type { LngLat } from '../geo/types.js';
import { rankOptions, type OnlineOption, type PlaceOption, type PointOption, type VisitOption } from './rank.js';

const MS_PER_DAY = 86_400_000;

/** What a visit needs to list among the options: `pendaftaran` means staff register workers there. */
export const REGISTRATION_ACTIVITY = 'pendaftaran';
/** The point service that means "you can register here". */
export const REGISTRATION_SERVICE = 'registration';

/** A point as stored or as a public Feature's properties flattened. */
export interface PointCandidate {
  id: number;
  name: string;
  village_code: string | null;
  position: LngLat;
  status: string;
  services: readonly string[];
  open_now: boolean | null;
}

/** A visit occurrence as GET /api/visits lists it. */
export interface VisitCandidate {
  id: string;
  point_id: number | string;
  point_name: string | null;
  title: string;
  village_code?: string | null;
  position: LngLat | null;
  starts_at: string;
  ends_at: string;
  activities: readonly string[];
  status: string;
}

export interface OptionsQuery {
  /** [lng, lat] of the worker. */
  from: LngLat;
  now: Date;
  /** Visits starting within this many days (× 24 h) from now; visits under way count too. */
  days: number;
  /** Only places within this many km (great-circle). */
  maxKm: number;
  /** At most this many visits and points together. */
  limit: number;
}

/** A scheduled (not draft, not cancelled) visit with `pendaftaran` that has not ended and starts within `days`. */
export function isRegistrationVisit(v: Pick<VisitCandidate, 'status' | 'activities' | 'starts_at' | 'ends_at'>, now: Date, days: number): boolean {
  return (
    v.status === 'scheduled' &&
    v.activities.includes(REGISTRATION_ACTIVITY) &&
    Date.parse(v.ends_at) > now.getTime() &&
    Date.parse(v.starts_at) < now.getTime() + days * MS_PER_DAY
  );
}

/** An active (not temporarily closed, not retired) point whose services include registration. */
export function isRegistrationPoint(p: Pick<PointCandidate, 'status' | 'services'>): boolean {
  return p.status === 'active' && p.services.includes(REGISTRATION_SERVICE);
}

const round1 = (m: number) => Math.round(m * 10) / 10;

/**
 * The registration visits and points within `maxKm` of `from`, ranked by the rule in rank.ts, at most `limit`.
 * `points` and `visits` may hold anything: the filters here decide. Visits at places not in `knownPoint`
 * (retired places), when given, are left out.
 */
export function registrationOptions(
  q: OptionsQuery,
  points: Iterable<PointCandidate>,
  visits: Iterable<VisitCandidate>,
  knownPoint?: (id: number) => boolean,
): PlaceOption[] {
  const maxM = q.maxKm * 1000;
  const out: PlaceOption[] = [];
  for (const p of points) {
    if (!isRegistrationPoint(p)) continue;
    const d = haversineM(q.from, p.position);
    if (d > maxM) continue;
    const o: PointOption = {
      kind: 'point', point_id: p.id, name: p.name, distance_m: round1(d), services: [...p.services], open_now: p.open_now,
      village_code: p.village_code, position: p.position,
    };
    out.push(o);
  }
  for (const v of visits) {
    if (!v.position || !isRegistrationVisit(v, q.now, q.days)) continue;
    const pointId = Number(v.point_id);
    if (knownPoint && !knownPoint(pointId)) continue;
    const d = haversineM(q.from, v.position);
    if (d > maxM) continue;
    const o: VisitOption = {
      kind: 'visit', visit_id: v.id, point_id: pointId, name: v.point_name ?? v.title, distance_m: round1(d),
      starts_at: v.starts_at, ends_at: v.ends_at, activities: [...v.activities], village_code: v.village_code ?? null, position: v.position,
    };
    out.push(o);
  }
  return rankOptions(out, q.now, q.limit);
}

/** One official channel of data/registration_guide.json. */
export interface GuideChannel {
  id: string;
  url?: string;
  /** Present on channels where a worker can register by himself (JMO, the website). */
  requirements?: { id: string; id_text: string }[];
}

/** The official channels where a worker registers by himself, in the guide's order. */
export function onlineOptions(channels: readonly GuideChannel[]): OnlineOption[] {
  return channels
    .filter((c) => c.url && c.requirements && c.requirements.length > 0)
    .map((c) => ({
      kind: 'online',
      channel: c.id,
      url: c.url!,
      requirements: c.requirements!.map((r) => r.id_text),
      requirement_ids: c.requirements!.map((r) => r.id),
    }));
}
