import { z } from '@hono/zod-openapi';
import { ALL_CODES } from '../domain/codes/index.js';

/** Documented response shapes. They describe the JSON; they are not used to re-validate our own output. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ALL_CODES as [string, ...string[]]).openapi({ description: 'Stable code from server/domain/codes; translate this, not the message' }),
      field: z.string().optional(),
      params: z.record(z.string(), z.unknown()).openapi({ description: 'What a translation of the code needs, e.g. {min, max, got}' }),
      message: z.string().openapi({ description: 'English, for API users' }),
    }),
  })
  .openapi('Error', {
    example: { error: { code: 'invalid', field: 'lat', params: {}, message: 'lat must be a number between -90 and 90' } },
  });

export const PointFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.number().int(),
    geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).openapi({ description: '[lng, lat]' }) }),
    properties: z.record(z.string(), z.unknown()).openapi({
      description: 'name, type, services, accuracy, location_note, village_code, village_name, status, opening_hours, open_now, market_days, market_day_names (e.g. ["Pasah"]), next_market_day (YYYY-MM-DD from now in WITA; today while still open), opens, closes, verified_at, verification {method, at, accuracy_m} (how the last check was made), verified_until, distance_m (nearest only) …',
    }),
  })
  .openapi('PointFeature');

export const PointCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(PointFeature) })
  .openapi('PointCollection');

export const GeoJsonFeature = z.record(z.string(), z.unknown()).openapi('Feature', { description: 'A GeoJSON Feature (RFC 7946)' });
export const GeoJsonCollection = z.record(z.string(), z.unknown()).openapi('FeatureCollection', { description: 'A GeoJSON FeatureCollection (RFC 7946)' });

/** JSON response entry for createRoute's `responses`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** The standard error responses, for createRoute's `responses`. */
export const errors = {
  400: json(ErrorBody, 'A parameter is missing or malformed; `error.field` names it'),
} as const;
