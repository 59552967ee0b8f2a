import { witaDate } from '../domain/schedule/wita.js';
import { addDays } from '../domain/calendar/dates.js';
import type { LngLat } from '../domain/geo/types.js';
import { onlineOptions, registrationOptions, REGISTRATION_SERVICE, type GuideChannel, type PointCandidate } from '../domain/registration/select.js';
import type { OnlineOption, PlaceOption } from '../domain/registration/rank.js';
import { ValidationError } from '../errors.js';
import type { FinderService } from './finder.js';
import type { VillageService } from './villages.js';
import type { VisitService } from './visits.js';

const MS_PER_DAY = 86_400_000;
/**
 * Extra nearest points fetched beyond `limit`: the index may return temporarily closed points, which are not
 * options. Among points the ranking is by distance, so the `limit` nearest open-for-business ones suffice.
 */
const POINT_MARGIN = 50;

export interface OptionsRequest {
  lat: number;
  lng: number;
  village_code?: string;
  limit: number;
  days: number;
  max_km: number;
}

/** GET /api/options: where the worker can register, best first, then the online channels. */
export interface OptionsResponse {
  from: { lat: number; lng: number; village_code: string | null };
  options: (PlaceOption | OnlineOption)[];
}

/**
 * "Where can I register?": registration visits and points near a position ranked together by the rule in
 * server/domain/registration/rank.ts, then the official online channels, which are always listed.
 */
export class OptionsService {
  private readonly online: OnlineOption[];

  constructor(
    private readonly finder: FinderService,
    private readonly visits: VisitService,
    private readonly villages: VillageService,
    guide: { channels?: GuideChannel[] },
    private readonly now: () => Date,
  ) {
    this.online = onlineOptions(guide.channels ?? []);
  }

  /** The options for one request; 400 `unknown_village` when village_code names no Bangli village. */
  options(q: OptionsRequest): OptionsResponse {
    const from: LngLat = [q.lng, q.lat];
    let villageCode: string | null;
    if (q.village_code !== undefined) {
      if (!this.villages.get(q.village_code)) {
        throw new ValidationError('village_code', `village_code ${q.village_code} is not a Bangli village; use a code from GET /api/villages`, {
          code: 'unknown_village',
          params: { got: q.village_code },
        });
      }
      villageCode = q.village_code;
    } else {
      villageCode = this.villages.codeAt(from);
    }
    const now = this.now();
    const query = { from, now, days: q.days, maxKm: q.max_km, limit: q.limit };
    // Visits at retired places are not options; several visits often share a venue, so look each one up once.
    const visible = new Map<number, boolean>();
    const known = (id: number) => {
      if (!visible.has(id)) visible.set(id, this.finder.get(id) !== undefined);
      return visible.get(id)!;
    };
    const places = registrationOptions(query, this.pointCandidates(from, q.max_km, q.limit), this.visitCandidates(from, q.max_km, q.days, now), known);
    return { from: { lat: q.lat, lng: q.lng, village_code: villageCode }, options: [...places, ...this.online] };
  }

  /** The nearest points offering registration within maxKm (the index filters by service and distance). */
  private pointCandidates(from: LngLat, maxKm: number, limit: number): PointCandidate[] {
    const fc = this.finder.nearest(from, { limit: limit + POINT_MARGIN, service: [REGISTRATION_SERVICE], maxKm });
    return fc.features.map((f) => ({
      id: f.id,
      name: f.properties.name,
      village_code: f.properties.village_code,
      position: f.geometry.coordinates,
      status: f.properties.status,
      services: f.properties.services,
      open_now: (f.properties.open_now as boolean | null | undefined) ?? null,
    }));
  }

  /** Public occurrences within maxKm whose WITA start date may fall in the window (the domain applies the exact rule). */
  private visitCandidates(from: LngLat, maxKm: number, days: number, now: Date) {
    const until = new Date(now.getTime() + days * MS_PER_DAY);
    // A visit under way may have started yesterday (WITA); one starting before `until` starts on or before its date.
    return this.visits.list({ from: addDays(witaDate(now), -1), to: witaDate(until), near: from, max_km: maxKm, limit: Number.MAX_SAFE_INTEGER }, false).visits;
  }
}
