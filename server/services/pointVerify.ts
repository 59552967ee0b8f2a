/**
 * The rules of a field check (POST /api/points/{id}/verify) and of claiming `accuracy: exact` in an edit.
 * Kept apart from points.ts so the rules read in one place; PointEditService applies them.
 */
import { HttpError } from '../errors.js';
import type { Point } from '../domain/points/point.js';
import type { PointDraft } from '../domain/points/validate.js';
import { MAX_GPS_ACCURACY_M, type VerifyMethod } from '../domain/points/verification.js';

/** Methods staff may send; `import` is recorded only by the import itself. */
export const STAFF_VERIFY_METHODS = ['gps', 'pin_on_tiles', 'office_confirmed'] as const satisfies readonly VerifyMethod[];

/** The verify body as the route's schema lets it through. */
export interface VerifyRequest {
  method: (typeof STAFF_VERIFY_METHODS)[number];
  lat?: number;
  lng?: number;
  accuracy_m?: number;
}

/** A checked verify request: where to put the pin (null = leave it) and the fix's radius in metres. */
export interface CheckedVerify {
  method: VerifyRequest['method'];
  lat: number | null;
  lng: number | null;
  accuracyM: number | null;
}

const unprocessable = (field: string, message: string, code: 'gps_fix_too_coarse' | 'no_street_map' | 'verify_field_missing' | 'verify_field_not_allowed', params: Record<string, string | number>) =>
  new HttpError(422, message, { field, code, params });

/**
 * Checks which fields a method takes: gps needs lat, lng and accuracy_m ≤ 50 m; pin_on_tiles needs lat and lng
 * and a deployment with street tiles; office_confirmed takes none (a phone call cannot place a pin).
 * Throws 422 naming the field.
 */
export function checkVerifyRequest(body: VerifyRequest, opts: { streetTiles: boolean }): CheckedVerify {
  const { method } = body;
  const need = (field: 'lat' | 'lng' | 'accuracy_m') => {
    if (body[field] === undefined) throw unprocessable(field, `${field} is required with method ${method}`, 'verify_field_missing', { method });
    return body[field];
  };
  if (method === 'office_confirmed') {
    for (const f of ['lat', 'lng', 'accuracy_m'] as const) {
      if (body[f] !== undefined) {
        throw unprocessable(f, `office_confirmed renews the check without moving the pin: leave out ${f} (to move it, use method gps on site)`, 'verify_field_not_allowed', { method });
      }
    }
    return { method, lat: null, lng: null, accuracyM: null };
  }
  if (method === 'pin_on_tiles') {
    if (!opts.streetTiles) {
      throw unprocessable('method', 'pin_on_tiles needs a street map, and this deployment has no TILE_URL: use method gps on site, or office_confirmed', 'no_street_map', {});
    }
    if (body.accuracy_m !== undefined) throw unprocessable('accuracy_m', 'accuracy_m belongs to a GPS fix; leave it out with pin_on_tiles', 'verify_field_not_allowed', { method });
    return { method, lat: need('lat'), lng: need('lng'), accuracyM: null };
  }
  const lat = need('lat');
  const lng = need('lng');
  const accuracyM = need('accuracy_m');
  if (accuracyM > MAX_GPS_ACCURACY_M) {
    throw unprocessable('accuracy_m', `A GPS fix of ±${accuracyM} m is too coarse to mark the point exact; it must be at most ${MAX_GPS_ACCURACY_M} m (wait outdoors for a better fix)`, 'gps_fix_too_coarse', { max_m: MAX_GPS_ACCURACY_M, got: accuracyM });
  }
  return { method, lat, lng, accuracyM };
}

/**
 * An edit (POST or PATCH) may keep `exact` on an unmoved exact point but never create it: exactness comes only
 * from a check (verify) or an import. `before` is undefined for a new point. Throws 422 naming accuracy.
 */
export function checkExactClaim(before: Point | undefined, draft: PointDraft): void {
  if (draft.accuracy !== 'exact') return;
  const unmovedExact = before !== undefined && before.accuracy === 'exact'
    && before.position[0] === draft.position[0] && before.position[1] === draft.position[1];
  if (unmovedExact) return;
  throw new HttpError(
    422,
    `accuracy "exact" needs a check: a GPS fix of at most ${MAX_GPS_ACCURACY_M} m or a pin moved on a street map (POST /api/points/{id}/verify), or an import with exact coordinates; save the point as approximate first`,
    { field: 'accuracy', code: 'exact_needs_check', params: { max_m: MAX_GPS_ACCURACY_M } },
  );
}
